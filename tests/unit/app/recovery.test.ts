/** Recovery mode: what the app answers while its database is damaged, and the way back through IPC too. */
import { describe, expect, it } from 'vitest';
import { closeContext, type AppContext } from '../../../main/app/context';
import { recoveryDispatch } from '../../../main/app/recovery';
import { registerIpc } from '../../../main/transports/ipc';
import { foldersRemovedAfterEach } from '../../helpers/context';
import { damagedDatabaseWithBackup } from '../../helpers/damaged';

const dirs = foldersRemovedAfterEach();

describe('recovery mode', () => {
  it('answers app.info with the backups, refuses everything else, restores and hands over to the opened context', async () => {
    const { location, good } = await damagedDatabaseWithBackup(dirs);
    let opened: AppContext | null = null;
    const serve = recoveryDispatch(location, '数据库文件已损坏', (ctx) => (opened = ctx));
    const info = await serve('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { hasBranch: false, recovery: { message: '数据库文件已损坏', backups: [{ name: good.name, ok: true }] } } });
    expect(await serve('members.search', {})).toMatchObject({ ok: false, error: { code: 'E_DB_CORRUPT' } });
    expect(await serve('recovery.restore', { name: 42 })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });

    // Through IPC, as the Electron window calls it.
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    registerIpc({ handle: (c: string, h: never) => void handlers.set(c, h), removeHandler: () => undefined } as never, {
      dispatch: serve,
      log: { info: () => undefined, error: () => undefined, file: '' },
    });
    const frame = { senderFrame: { url: 'app://branch-desk/index.html', parent: null } };
    const restored = await handlers.get('op:recovery.restore')!(frame, { name: good.name });
    expect(restored).toMatchObject({ ok: true, value: { restored: good.name, damagedCopy: expect.stringContaining('.damaged-') } });
    expect(opened).not.toBeNull();
    expect(opened!.db.prepare('SELECT name FROM members').all()).toEqual([{ name: '张三' }]);
    closeContext(opened!);
  });
});
