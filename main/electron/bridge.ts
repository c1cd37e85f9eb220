/**
 * The object the preload exposes as window.branchDesk: one named function per contract operation,
 * each forwarding its input to `op:<name>`. Nothing else — never ipcRenderer, never a generic
 * "invoke any channel" function.
 */
import type { Result } from '../../shared/contract/errors';
import type { OperationName } from '../../shared/contract/operations';

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;
export type Bridge = Record<OperationName, (input: unknown) => Promise<Result<unknown>>>;

export const channelFor = (name: string): string => `op:${name}`;

export function createBridge(names: readonly OperationName[], invoke: Invoke): Bridge {
  const bridge = {} as Bridge;
  for (const name of names) {
    const channel = channelFor(name);
    bridge[name] = (input: unknown) => invoke(channel, input ?? {});
  }
  return Object.freeze(bridge);
}
