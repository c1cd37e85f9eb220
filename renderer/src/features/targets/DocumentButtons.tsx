/**
 * 打印预览 and 导出 Word (and 导出 Excel where there is one) for a document main builds: the preview opens full-window
 * (components/print), an export is saved as a download and named in a message.
 */
import { FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { ExportedFile } from '../../../../shared/contract/rosterFiles';
import type { PrintDocument } from '../../../../shared/documents/model';
import { errorText } from '../../api';
import { DOCX_TYPE, downloadBase64, XLSX_TYPE } from '../../components/files';
import { PrintPreview } from '../../components/print/PrintPreview';

interface Props {
  /** What the buttons are about, in messages: 2026 年责任书. */
  what: string;
  disabled?: boolean;
  preview(): Promise<PrintDocument>;
  exportWord(): Promise<ExportedFile>;
  exportExcel?(): Promise<ExportedFile>;
}

export function DocumentButtons({ what, disabled, preview, exportWord, exportExcel }: Props) {
  const { message, modal } = App.useApp();
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const [busy, setBusy] = useState<'preview' | 'word' | 'excel' | null>(null);

  const run = async (kind: 'preview' | 'word' | 'excel') => {
    setBusy(kind);
    try {
      if (kind === 'preview') return setDoc(await preview());
      const file = kind === 'word' ? await exportWord() : await exportExcel!();
      downloadBase64(file.data, file.fileName, kind === 'word' ? DOCX_TYPE : XLSX_TYPE);
      message.success({ content: `${what}“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
    } catch (e) {
      modal.error({ title: kind === 'preview' ? `未能排版${what}` : `未能导出${what}`, content: errorText(e), okText: '知道了' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button size="large" icon={<PrinterOutlined aria-hidden="true" />} loading={busy === 'preview'} disabled={disabled} onClick={() => void run('preview')}>
        打印预览
      </Button>
      <Button size="large" icon={<FileWordOutlined aria-hidden="true" />} loading={busy === 'word'} disabled={disabled} onClick={() => void run('word')}>
        导出 Word
      </Button>
      {exportExcel ? (
        <Button size="large" icon={<FileExcelOutlined aria-hidden="true" />} loading={busy === 'excel'} disabled={disabled} onClick={() => void run('excel')}>
          导出 Excel
        </Button>
      ) : null}
      {doc ? <PrintPreview document={doc} onClose={() => setDoc(null)} onExportWord={() => run('word')} exportingWord={busy === 'word'} /> : null}
    </>
  );
}
