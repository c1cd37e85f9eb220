/**
 * The IPC transport: one ipcMain.handle per contract operation on `op:<name>`. Every call is
 * checked to come from our own renderer's top frame (app://branch-desk) before the dispatcher
 * validates and runs it. Only electron's types are imported, so this is tested with a fake ipcMain.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/contract/errors';
import { OPERATION_NAMES } from '../../shared/contract/operations';
import type { AppContext } from '../app/context';
import { dispatch } from '../dispatcher';
import { isAppUrl } from '../electron/appOrigin';
import { channelFor } from '../electron/bridge';

export interface IpcOptions {
  /** Which sender URLs are trusted; defaults to our app:// origin. */
  isTrustedUrl?: (url: string) => boolean;
}

type SenderFrame = { url: string; parent?: unknown } | null | undefined;

/** The sending frame must still exist, be a top-level frame, and show our own app:// page. */
export function isTrustedSender(frame: SenderFrame, isTrustedUrl: (url: string) => boolean = isAppUrl): boolean {
  if (!frame) return false;
  try {
    return frame.parent == null && isTrustedUrl(frame.url);
  } catch {
    return false; // a frame destroyed mid-call throws on access
  }
}

const UNAUTHORIZED: Result<never> = {
  ok: false,
  error: { code: 'E_UNAUTHORIZED', message: '拒绝访问：请求不是来自支部工作台的界面' },
};

/** Registers every operation; returns a function that removes them all again. */
/** What answers the calls: an app context, or any dispatch with a log (recovery mode). */
export type IpcTarget = AppContext | { dispatch(name: string, input: unknown): Promise<Result<unknown>>; log: AppContext['log'] };

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, target: IpcTarget, options: IpcOptions = {}): () => void {
  const run = 'dispatch' in target ? target.dispatch : (name: string, input: unknown) => dispatch(target, name, input);
  const channels: string[] = [];
  for (const name of OPERATION_NAMES) {
    const channel = channelFor(name);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, options.isTrustedUrl)) {
        target.log.error(`refused IPC call ${channel} from an untrusted sender`);
        return UNAUTHORIZED;
      }
      return run(name, input);
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
