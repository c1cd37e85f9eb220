import { beforeAll, describe, expect, it, vi } from 'vitest';
import { OPERATION_NAMES } from '../../../shared/contract/operations';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    send: vi.fn(),
    on: vi.fn(),
  },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

let exposed: Record<string, unknown>;
let exposedPrint: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../main/electron/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(2);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
  expect(key).toBe('branchDesk');
  exposed = api as Record<string, unknown>;
  const [printKey, printApi] = electron.contextBridge.exposeInMainWorld.mock.calls[1]!;
  expect(printKey).toBe('branchDeskPrint');
  exposedPrint = printApi as Record<string, unknown>;
});

describe('preload bridge', () => {
  it('exposes exactly one function per contract operation and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(typeof exposed[name], name).toBe('function');
  });

  it('does not expose ipcRenderer or any generic channel access', () => {
    const values = Object.values(exposed);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.send);
    for (const key of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync']) expect(exposed).not.toHaveProperty(key);
    expect(Object.isFrozen(exposed)).toBe(true);
  });

  it('each function invokes op:<name> with the input it was given', async () => {
    const fn = exposed['members.get'] as (input: unknown) => Promise<unknown>;
    const r = await fn({ id: 'x' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('op:members.get', { id: 'x' });
    expect(r).toEqual({ ok: true, value: { channel: 'op:members.get', input: { id: 'x' } } });
    await (exposed['groups.list'] as (input?: unknown) => Promise<unknown>)();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('op:groups.list', {});
  });

  it('a renderer cannot reach another channel through a bridge function', async () => {
    electron.ipcRenderer.invoke.mockClear();
    for (const name of OPERATION_NAMES) await (exposed[name] as (i: unknown) => Promise<unknown>)({ channel: 'op:evil' });
    const channels = electron.ipcRenderer.invoke.mock.calls.map((c) => c[0]);
    expect(channels).toEqual(OPERATION_NAMES.map((n) => `op:${n}`));
  });

  it('exposes only savePdf for printing, on the one print:savePdf channel with the file name as text', async () => {
    expect(Object.keys(exposedPrint)).toEqual(['savePdf']);
    expect(Object.isFrozen(exposedPrint)).toBe(true);
    await (exposedPrint.savePdf as (stem: unknown) => Promise<unknown>)({ channel: 'op:evil' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('print:savePdf', '[object Object]');
  });
});
