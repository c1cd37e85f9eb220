/** Saving exports in Electron (main/electron/downloads.ts) with a fake session, download item, dialog and shell. */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDownloadHandler,
  defaultFolder,
  handleDownloads,
  isAppBlobUrl,
  saveDialogOptions,
  type DownloadDeps,
} from '../../../main/electron/downloads';
import { tempDir } from '../../helpers/context';

const BLOB = 'blob:app://branch-desk/5d3f0c1e-8a1b-4c47-9a55-2d0f3b9e1a20';

type State = 'completed' | 'cancelled' | 'interrupted';

class FakeItem extends EventEmitter {
  dialogOptions: Electron.SaveDialogOptions | null = null;
  savePath = '';
  constructor(
    readonly url: string,
    readonly fileName: string,
  ) {
    super();
  }
  getURL = () => this.url;
  getFilename = () => this.fileName;
  setSaveDialogOptions = (o: Electron.SaveDialogOptions) => void (this.dialogOptions = o);
  getSavePath = () => this.savePath;
  /** What Electron does after the dialog: the chosen path is set, the file written, then 'done'. */
  finish(state: State, file = '') {
    this.savePath = file;
    if (state === 'completed') fs.writeFileSync(file, 'x');
    this.emit('done', {}, state);
  }
}

let dir: string;
let documents: string;
let window: object;
let responses: number[];
const mocks = () => ({
  dialog: { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: responses.shift() ?? 99, checkboxChecked: false })) },
  shell: { openPath: vi.fn(async (_file: string) => ''), showItemInFolder: vi.fn((_file: string) => undefined) },
  log: { info: vi.fn((_m: string) => undefined), error: vi.fn((_m: string, _e?: unknown) => undefined) },
});
let deps: ReturnType<typeof mocks> & Omit<DownloadDeps, 'dialog' | 'shell' | 'log'>;
const contents = { isDestroyed: () => false };

beforeEach(() => {
  dir = tempDir('branch-desk-downloads-');
  documents = path.join(dir, 'Documents');
  fs.mkdirSync(documents);
  window = { id: 1 };
  responses = [];
  deps = { ...mocks(), documentsDir: () => documents, windowFor: () => window as never };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts a download through the handler; returns the item and the event. */
function start(handler: ReturnType<typeof createDownloadHandler>, url: string, fileName: string) {
  const item = new FakeItem(url, fileName);
  const event = { preventDefault: vi.fn() };
  handler(event, item as never, contents as never);
  return { item, event };
}

/** Lets the async message-box chain run. */
const settle = () => new Promise((r) => setTimeout(r, 10));

const newHandler = () => createDownloadHandler(deps as DownloadDeps);

/** One whole export in a new run: suggested as fileName, saved by the user as savedAs; returns savedAs. */
async function saveOnce(fileName: string, savedAs = path.join(dir, fileName)): Promise<string> {
  start(newHandler(), BLOB, fileName).item.finish('completed', savedAs);
  await settle();
  return savedAs;
}

/** The message-box options of the n-th call (window first, then options). */
const box = (n = 0) => deps.dialog.showMessageBox.mock.calls[n]!.at(-1) as Electron.MessageBoxOptions;

describe('which downloads are allowed', () => {
  it('only blob: URLs of app://branch-desk, judged by parsing', () => {
    expect(isAppBlobUrl(BLOB)).toBe(true);
    for (const url of [
      'https://evil.example/payload.docx',
      'http://127.0.0.1:5173/x.xlsx',
      'blob:https://evil.example/5d3f',
      'blob:app://branch-desk.evil.example/5d3f',
      'blob:null/5d3f',
      'app://branch-desk/index.html',
      'data:application/octet-stream;base64,eA==',
      'file:///etc/passwd',
      'not a url',
      '',
    ]) {
      expect(isAppBlobUrl(url), url).toBe(false);
    }
  });

  it('a foreign download is cancelled before any dialog, and only its scheme is logged', async () => {
    const handler = newHandler();
    const { item, event } = start(handler, 'https://evil.example/secret?id=110101', '花名册.docx');
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(item.dialogOptions).toBeNull();
    expect(item.listenerCount('done')).toBe(0);
    await settle();
    expect(deps.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(deps.log.info.mock.calls[0]![0]).toContain('https:');
    expect(deps.log.info.mock.calls[0]![0]).not.toContain('110101');
  });

  it('handleDownloads listens to the session for will-download', () => {
    const session = new EventEmitter();
    handleDownloads(session as never, deps as DownloadDeps);
    const item = new FakeItem(BLOB, '花名册.xlsx');
    session.emit('will-download', { preventDefault: vi.fn() }, item, contents);
    expect(item.dialogOptions?.defaultPath).toBe(path.join(documents, '支部工作台', '花名册.xlsx'));
  });
});

describe('the save dialog', () => {
  it('starts in Documents/支部工作台 (created) with the suggested name and a Chinese filter by extension', () => {
    const handler = newHandler();
    const { item, event } = start(handler, BLOB, '第一党支部-党员花名册.docx');
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(fs.statSync(path.join(documents, '支部工作台')).isDirectory()).toBe(true);
    expect(item.dialogOptions).toMatchObject({
      title: '保存文件',
      buttonLabel: '保存',
      defaultPath: path.join(documents, '支部工作台', '第一党支部-党员花名册.docx'),
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    });
  });

  it.each([
    ['名册.xlsx', 'Excel 工作簿', 'xlsx'],
    ['第一党支部-交接包-2026-11-25.zbk', '交接包', 'zbk'],
    ['名册.CSV', 'CSV 表格', 'csv'],
    ['报告.pdf', 'PDF 文档', 'pdf'],
    ['说明', '所有文件', '*'],
    ['archive.tar.gz', '所有文件', '*'],
  ])('%s → %s (*.%s)', (name, filterName, ext) => {
    expect(saveDialogOptions(name, '/docs').filters).toEqual([{ name: filterName, extensions: [ext] }]);
  });

  it('keeps only the file name of the suggestion', () => {
    expect(saveDialogOptions('..\\..\\Windows\\evil.docx', '/docs').defaultPath).toBe(path.join('/docs', 'evil.docx'));
    expect(saveDialogOptions('a/b/../名册.xlsx', '/docs').defaultPath).toBe(path.join('/docs', '名册.xlsx'));
    expect(saveDialogOptions('..', '/docs').defaultPath).toBe(path.join('/docs', '导出文件'));
    expect(saveDialogOptions('名册.xlsx', null).defaultPath).toBe('名册.xlsx');
  });

  it('falls back to Documents when the folder cannot be made, and to no folder without Documents', () => {
    fs.writeFileSync(path.join(documents, '支部工作台'), 'a file in the way');
    expect(defaultFolder(() => documents)).toBe(documents);
    expect(defaultFolder(() => path.join(dir, 'missing', '\0bad'))).toBeNull();
    expect(
      defaultFolder(() => {
        throw new Error('no documents folder');
      }),
    ).toBeNull();
  });

  it('remembers the last folder saved to during the run; a removed folder falls back to the default', async () => {
    const handler = newHandler();
    const elsewhere = path.join(dir, 'U盘');
    fs.mkdirSync(elsewhere);
    const first = start(handler, BLOB, '名册.xlsx').item;
    first.finish('completed', path.join(elsewhere, '名册.xlsx'));
    await settle();
    expect(start(handler, BLOB, '统计.docx').item.dialogOptions?.defaultPath).toBe(path.join(elsewhere, '统计.docx'));
    fs.rmSync(elsewhere, { recursive: true });
    expect(start(handler, BLOB, '统计.docx').item.dialogOptions?.defaultPath).toBe(path.join(documents, '支部工作台', '统计.docx'));
    // A new handler (a new run) starts from the default again.
    expect(start(newHandler(), BLOB, 'a.docx').item.dialogOptions?.defaultPath).toBe(path.join(documents, '支部工作台', 'a.docx'));
  });
});

describe('after the download', () => {
  it('completed: says 已保存 with the name, on the window, with 打开文件 / 打开所在文件夹 / 关闭', async () => {
    const file = await saveOnce('花名册.docx', path.join(documents, '支部工作台', '花名册.docx'));
    expect(deps.dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(deps.dialog.showMessageBox.mock.calls[0]![0]).toBe(window);
    expect(box()).toMatchObject({
      type: 'info',
      message: '已保存：花名册.docx',
      detail: `保存位置：${path.dirname(file)}`,
      buttons: ['打开文件', '打开所在文件夹', '关闭'],
      defaultId: 0,
      cancelId: 2,
    });
    expect(deps.shell.openPath).not.toHaveBeenCalled(); // 关闭 (or Esc) does nothing
    expect(deps.shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('打开文件 opens the saved file with its program (shell.openPath)', async () => {
    responses = [0];
    const file = await saveOnce('花名册.xlsx');
    expect(deps.shell.openPath).toHaveBeenCalledExactlyOnceWith(file);
    expect(deps.shell.showItemInFolder).not.toHaveBeenCalled();
    expect(deps.dialog.showMessageBox).toHaveBeenCalledOnce();
  });

  it('打开所在文件夹 shows the file in its folder (shell.showItemInFolder)', async () => {
    responses = [1];
    const file = await saveOnce('花名册.docx');
    expect(deps.shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith(file);
    expect(deps.shell.openPath).not.toHaveBeenCalled();
  });

  it('when the file cannot be opened, says why', async () => {
    responses = [0];
    deps.shell.openPath.mockResolvedValueOnce('没有关联的程序');
    await saveOnce('花名册.docx');
    expect(deps.dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(box(1)).toMatchObject({ type: 'warning', message: '无法打开文件：没有关联的程序', buttons: ['关闭'] });
  });

  it('a 交接包 is not offered to another program: only 打开所在文件夹 / 关闭', async () => {
    responses = [0];
    const file = await saveOnce('第一党支部-交接包-2026-11-25.zbk');
    expect(box()).toMatchObject({ message: '已保存：第一党支部-交接包-2026-11-25.zbk', buttons: ['打开所在文件夹', '关闭'], cancelId: 1 });
    expect(deps.shell.showItemInFolder).toHaveBeenCalledWith(file);
    expect(deps.shell.openPath).not.toHaveBeenCalled();
  });

  it('the name shown is the one the user chose in the dialog', async () => {
    await saveOnce('花名册.docx', path.join(dir, '2026年花名册（打印）.docx'));
    expect(box().message).toBe('已保存：2026年花名册（打印）.docx');
  });

  it('cancelled (the user closed the save dialog): silent', async () => {
    const { item } = start(newHandler(), BLOB, '花名册.docx');
    item.finish('cancelled');
    await settle();
    expect(deps.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('interrupted: says plainly that it was not saved, and offers nothing to open', async () => {
    const { item } = start(newHandler(), BLOB, '花名册.docx');
    item.savePath = path.join(dir, '名册-副本.docx');
    item.emit('done', {}, 'interrupted');
    await settle();
    expect(box()).toMatchObject({ type: 'error', title: '保存失败', message: '没有保存成功：名册-副本.docx', buttons: ['关闭'] });
    expect(deps.shell.openPath).not.toHaveBeenCalled();
    expect(deps.shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('interrupted before a path was chosen names the suggested file; no folder is remembered', async () => {
    const handler = newHandler();
    start(handler, BLOB, '花名册.docx').item.finish('interrupted');
    await settle();
    expect(box().message).toBe('没有保存成功：花名册.docx');
    expect(start(handler, BLOB, 'b.docx').item.dialogOptions?.defaultPath).toBe(path.join(documents, '支部工作台', 'b.docx'));
  });

  it('without a window (closed meanwhile) the message box is shown on its own', async () => {
    deps.windowFor = () => null;
    await saveOnce('花名册.docx');
    expect(deps.dialog.showMessageBox.mock.calls[0]).toHaveLength(1);
    expect(box().message).toBe('已保存：花名册.docx');
  });

  it('a failing message box is logged, not thrown', async () => {
    deps.dialog.showMessageBox.mockRejectedValueOnce(new Error('boom'));
    await saveOnce('花名册.docx');
    expect(deps.log.error).toHaveBeenCalledWith('after-save dialog failed', expect.any(Error));
  });
});
