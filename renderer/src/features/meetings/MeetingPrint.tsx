/**
 * 签到表, 会议通知, 会议记录 (and a talk's record): each opens the print preview of the document built in main, with
 * 导出 Word beside 打印. An earlier version's minutes print from the history.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import type { DocumentPreview, ExportedFile } from '../../../../shared/contract/rosterFiles';
import type { PrintDocument } from '../../../../shared/documents/model';
import { api, errorText } from '../../api';
import { DOCX_TYPE, downloadBase64 } from '../../components/files';
import { PrintPreview } from '../../components/print/PrintPreview';

export type MeetingDocumentKey = 'signIn' | 'notice' | 'minutes';

export const MEETING_DOCUMENTS: { key: MeetingDocumentKey; label: string }[] = [
  { key: 'signIn', label: '签到表' },
  { key: 'notice', label: '会议通知' },
  { key: 'minutes', label: '会议记录' },
];

/** A document's preview and Word file, from main. */
interface DocumentSource {
  label: string;
  preview(): Promise<DocumentPreview>;
  exportWord(): Promise<ExportedFile>;
}

export function meetingDocument(key: MeetingDocumentKey, id: string, version?: number): DocumentSource {
  const label = MEETING_DOCUMENTS.find((d) => d.key === key)!.label;
  if (key === 'signIn') return { label, preview: () => api().call('meetings.previewSignIn', { id }), exportWord: () => api().call('meetings.exportSignIn', { id }) };
  if (key === 'notice') return { label, preview: () => api().call('meetings.previewNotice', { id }), exportWord: () => api().call('meetings.exportNotice', { id }) };
  return {
    label: version ? `第 ${version} 版会议记录` : label,
    preview: () => api().call('meetings.previewMinutes', { id, version }),
    exportWord: () => api().call('meetings.exportMinutes', { id, version }),
  };
}

export function talkDocument(id: string): DocumentSource {
  return { label: '谈话记录', preview: () => api().call('talks.previewRecord', { id }), exportWord: () => api().call('talks.exportRecord', { id }) };
}

/** Opens a document's preview; the returned element shows it while open. */
export function useDocumentPreview(title: string) {
  const { message } = App.useApp();
  const [open, setOpen] = useState<{ source: DocumentSource; document: PrintDocument } | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  const show = async (source: DocumentSource) => {
    setLoading(true);
    try {
      setOpen({ source, document: (await source.preview()).document });
    } catch (e) {
      message.error(`未能生成“${title}”的${source.label}：${errorText(e)}`);
    } finally {
      setLoading(false);
    }
  };

  const exportWord = async () => {
    if (!open) return;
    setExporting(true);
    try {
      const file = await open.source.exportWord();
      downloadBase64(file.data, file.fileName, DOCX_TYPE);
      message.success({ content: `${open.source.label}“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
    } catch (e) {
      message.error(`未能导出${open.source.label}：${errorText(e)}`);
    } finally {
      setExporting(false);
    }
  };

  const element = open ? <PrintPreview document={open.document} onClose={() => setOpen(null)} onExportWord={exportWord} exportingWord={exporting} /> : null;
  return { show, loading, element };
}

export function MeetingPrintButtons({ meetingId, title }: { meetingId: string; title: string }) {
  const preview = useDocumentPreview(title);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: MEETING_DOCUMENTS.map((d) => ({ key: d.key, label: `打印${d.label}` })),
          onClick: ({ key }) => void preview.show(meetingDocument(key as MeetingDocumentKey, meetingId)),
        }}
      >
        <Button icon={<PrinterOutlined aria-hidden="true" />} loading={preview.loading}>
          打印
        </Button>
      </Dropdown>
      {preview.element}
    </>
  );
}
