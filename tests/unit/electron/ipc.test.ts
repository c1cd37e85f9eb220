import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract/errors';
import { OPERATION_NAMES } from '../../../shared/contract/operations';
import { isTrustedSender, registerIpc } from '../../../main/transports/ipc';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

type Handler = (event: unknown, input: unknown) => Promise<Result<unknown>>;

/** A stand-in for electron's ipcMain: handle/removeHandler, and a way to invoke a channel. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
    invoke(channel: string, input: unknown, frame: unknown = { url: 'app://branch-desk/index.html', parent: null }) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler({ senderFrame: frame }, input);
    },
  };
}

let t: TestContext;
let ipc: ReturnType<typeof fakeIpcMain>;
let unregister: () => void;

beforeEach(async () => {
  t = await testContext();
  ipc = fakeIpcMain();
  unregister = registerIpc(ipc as never, t);
});
afterEach(() => t.cleanup());

async function memberCount(): Promise<number> {
  return (await t.call('members.search', { status: 'all' })).total;
}

describe('IPC registration', () => {
  it('registers exactly one handler per contract operation, on op:<name>', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map((n) => `op:${n}`).sort());
    expect(ipc.handlers.size).toBe(OPERATION_NAMES.length);
  });

  it('answers a call from our window through the dispatcher', async () => {
    const r = await ipc.invoke('op:app.info', {});
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as { databasePath: string }).databasePath).toBe(t.databasePath);
  });

  it('stores a valid member sent from our window', async () => {
    await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
    const r = await ipc.invoke('op:members.create', sampleMember());
    expect(r.ok).toBe(true);
    expect(await memberCount()).toBe(1);
  });

  it('invalid input returns E_VALIDATION and stores nothing', async () => {
    await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
    const bad = await ipc.invoke('op:members.create', sampleMember({ idNumber: '110105194912310021' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('E_VALIDATION');
    const wrongType = await ipc.invoke('op:members.get', { id: 42 });
    expect(wrongType.ok === false && wrongType.error.code).toBe('E_VALIDATION');
    const notObject = await ipc.invoke('op:members.create', 'DROP TABLE members');
    expect(notObject.ok === false && notObject.error.code).toBe('E_VALIDATION');
    expect(await memberCount()).toBe(0);
  });

  it.each([
    ['a loopback page', { url: 'http://127.0.0.1:5173/', parent: null }],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }],
    ['another app:// host', { url: 'app://evil/index.html', parent: null }],
    ['a look-alike prefix', { url: 'app://branch-desk.evil.example/', parent: null }],
    ['a subframe of our page', { url: 'app://branch-desk/index.html', parent: {} }],
    ['a destroyed frame', null],
  ])('refuses a call from %s with E_UNAUTHORIZED and stores nothing', async (_label, frame) => {
    await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
    const r = await ipc.invoke('op:members.create', sampleMember(), frame);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_UNAUTHORIZED' } });
    expect(await memberCount()).toBe(0);
  });

  it('a frame whose url getter throws is not trusted', () => {
    const frame = Object.defineProperty({ parent: null }, 'url', {
      get() {
        throw new Error('Render frame was disposed');
      },
    });
    expect(isTrustedSender(frame as never)).toBe(false);
  });

  it('the unregister function removes every handler', () => {
    unregister();
    expect(ipc.handlers.size).toBe(0);
    unregister = registerIpc(ipc as never, t);
    expect(ipc.handlers.size).toBe(OPERATION_NAMES.length);
  });
});
