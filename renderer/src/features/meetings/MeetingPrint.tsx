/** 签到表, 会议通知, 会议记录: each opens the print preview of the document built in main (the documents part's operations). */
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import type { PrintDocument } from '../../../../shared/documents/model';
import { api, errorText } from '../../api';
import { PrintPreview } from '../../components/print/PrintPreview';

export type MeetingDocumentKey = 'signIn' | 'notice' | 'minutes';

export const MEETING_DOCUMENTS: { key: MeetingDocumentKey; label: string }[] = [
  { key: 'signIn', label: '签到表' },
  { key: 'notice', label: '会议通知' },
  { key: 'minutes', label: '会议记录' },
];

/** The laid-out pages of one of the record's documents. */
async function previewOf(key: MeetingDocumentKey, id: string): Promise<PrintDocument> {
  const call = api().call as (op: string, input: unknown) => Promise<{ document: PrintDocument }>;
  const op = { signIn: 'meetings.previewSignIn', notice: 'meetings.previewNotice', minutes: 'meetings.previewMinutes' }[key];
  return (await call(op, { id })).document;
}

export function MeetingPrintButtons({ meetingId, title }: { meetingId: string; title: string }) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<PrintDocument | null>(null);
  const [loading, setLoading] = useState(false);

  const open = async (key: MeetingDocumentKey) => {
    setLoading(true);
    try {
      setPreview(await previewOf(key, meetingId));
    } catch (e) {
      message.error(`未能生成“${title}”的${MEETING_DOCUMENTS.find((d) => d.key === key)!.label}：${errorText(e)}`);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{ items: MEETING_DOCUMENTS.map((d) => ({ key: d.key, label: `打印${d.label}` })), onClick: ({ key }) => void open(key as MeetingDocumentKey) }}
      >
        <Button icon={<PrinterOutlined aria-hidden="true" />} loading={loading}>
          打印
        </Button>
      </Dropdown>
      {preview ? <PrintPreview document={preview} onClose={() => setPreview(null)} /> : null}
    </>
  );
}
