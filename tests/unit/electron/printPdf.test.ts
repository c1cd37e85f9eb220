import { describe, expect, it, vi } from 'vitest';
import { pdfFileName, registerPrintPdf, type PrintPdfDeps } from '../../../main/electron/printPdf';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const PDF = Buffer.from('%PDF-1.7 fake');
const OUR_FRAME = { url: 'app://branch-desk/index.html', parent: null };

function setup(choice: { canceled: boolean; filePath?: string }) {
  const ipc = fakeIpcMain();
  const sender = { printToPDF: vi.fn(async () => PDF) };
  const deps = {
    dialog: { showSaveDialog: vi.fn(async () => choice) },
    documentsDir: () => '/home/u/文档',
    windowFor: () => null,
    writeFile: vi.fn(async () => undefined),
    log: { error: vi.fn() },
  };
  const unregister = registerPrintPdf(ipc as never, deps as unknown as PrintPdfDeps);
  const invoke = (stem: unknown, frame: unknown = OUR_FRAME) => ipc.handlers.get('print:savePdf')!({ senderFrame: frame, sender }, stem);
  return { ipc, sender, deps, unregister, invoke };
}

describe('保存 PDF over IPC', () => {
  it('registers print:savePdf and removes it again', () => {
    const { ipc, unregister } = setup({ canceled: true });
    expect([...ipc.handlers.keys()]).toEqual(['print:savePdf']);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('prints the sender to PDF at the CSS page size and writes the bytes where the user chose', async () => {
    const { sender, deps, invoke } = setup({ canceled: false, filePath: '/tmp/花名册.pdf' });
    expect(await invoke('党员花名册-2026-12-04')).toEqual({ saved: true, path: '/tmp/花名册.pdf' });
    expect(sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ preferCSSPageSize: true }));
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '/home/u/文档/党员花名册-2026-12-04.pdf' }));
    expect(deps.writeFile).toHaveBeenCalledWith('/tmp/花名册.pdf', PDF);
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const { deps, invoke } = setup({ canceled: true });
    expect(await invoke('x')).toEqual({ saved: false, canceled: true });
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('refuses a sender that is not our top frame, without printing', async () => {
    const { sender, invoke } = setup({ canceled: false, filePath: '/tmp/a.pdf' });
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: 'app://branch-desk/index.html', parent: {} }, null]) {
      expect(await invoke('x', frame)).toMatchObject({ saved: false, canceled: false });
    }
    expect(sender.printToPDF).not.toHaveBeenCalled();
  });

  it('keeps the suggested name a plain file name', () => {
    expect(pdfFileName('../../etc/pass:wd')).toBe('....etcpasswd.pdf');
    expect(pdfFileName(42)).toBe('打印文件.pdf');
  });
});
