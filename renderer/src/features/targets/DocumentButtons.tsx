/**
 * 打印预览 and 导出 Word (and 导出 Excel, or 每人一份 as a zip, where there is one) for a document main builds: the preview
 * opens full-window (components/print), an export is saved as a download and named in a message.
 */
import { FileExcelOutlined, FileWordOutlined, FileZipOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import type { ExportedFile } from '../../../../shared/contract/rosterFiles';
import type { PrintDocument } from '../../../../shared/documents/model';
import { errorText } from '../../api';
import { DOCX_TYPE, downloadBase64, XLSX_TYPE, ZIP_TYPE } from '../../components/files';
import { PrintPreview } from '../../components/print/PrintPreview';

interface Props {
  /** What the buttons are about, in messages: 2026 年责任书. */
  what: string;
  disabled?: boolean;
  preview(): Promise<PrintDocument>;
  exportWord(): Promise<ExportedFile>;
  exportExcel?(): Promise<ExportedFile>;
  /** One Word file per member, zipped. */
  exportEach?(): Promise<ExportedFile>;
}

type Kind = 'preview' | 'word' | 'excel' | 'each';
const FILE_TYPES = { word: DOCX_TYPE, excel: XLSX_TYPE, each: ZIP_TYPE } as const;

export function DocumentButtons({ what, disabled, preview, exportWord, exportExcel, exportEach }: Props) {
  const { message, modal } = App.useApp();
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const [busy, setBusy] = useState<Kind | null>(null);

  const run = async (kind: Kind) => {
    setBusy(kind);
    try {
      if (kind === 'preview') return setDoc(await preview());
      const file = kind === 'word' ? await exportWord() : kind === 'excel' ? await exportExcel!() : await exportEach!();
      downloadBase64(file.data, file.fileName, FILE_TYPES[kind]);
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
      {exportEach ? (
        <Button size="large" icon={<FileZipOutlined aria-hidden="true" />} loading={busy === 'each'} disabled={disabled} onClick={() => void run('each')}>
          每人一份
        </Button>
      ) : null}
      {doc ? <PrintPreview document={doc} onClose={() => setDoc(null)} onExportWord={() => run('word')} exportingWord={busy === 'word'} /> : null}
    </>
  );
}
