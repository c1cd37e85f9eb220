/**
 * The api client: one typed call per contract operation, over whichever transport it is given.
 * Under Electron the preload bridge (window.branchDesk) carries calls over IPC; in a browser
 * against the loopback host they go over HTTP with the per-run token.
 */
import type { AppErrorPayload, Result } from '../../../shared/contract/errors';
import type { OperationInput, OperationName, OperationOutput } from '../../../shared/contract/operations';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(name: OperationName, input: unknown): Promise<Result<unknown>>;
}

export class ApiError extends Error {
  readonly code: string;
  readonly issues: AppErrorPayload['issues'];
  /** A finer reason for some codes (E_PACKAGE: 'wrong-password', 'checksum', …). */
  readonly reason: string | undefined;
  constructor(payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.issues = payload.issues;
    this.reason = payload.reason;
  }
}

/** What the preload script exposes: one function per operation, nothing else. */
export type BranchDeskBridge = { [N in OperationName]: (input: unknown) => Promise<Result<unknown>> };

declare global {
  interface Window {
    branchDesk?: BranchDeskBridge;
  }
}

export function ipcTransport(bridge: BranchDeskBridge): Transport {
  return { kind: 'ipc', call: (name, input) => bridge[name](input) };
}

export function httpTransport(token: string, base = ''): Transport {
  return {
    kind: 'http',
    async call(name, input) {
      let res: Response;
      try {
        res = await fetch(`${base}/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'E_INTERNAL', message: '无法连接到支部工作台后台，请确认程序仍在运行' } };
      }
      return (await res.json()) as Result<unknown>;
    },
  };
}

const TOKEN_KEY = 'branch-desk-token';

/** The loopback host puts the token in the URL fragment; keep it for reloads, then clear it from the address bar. */
export function tokenFromLocation(): string | null {
  const m = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return m[1]!;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function detectTransport(): Transport | null {
  if (window.branchDesk) return ipcTransport(window.branchDesk);
  const token = tokenFromLocation();
  return token ? httpTransport(token) : null;
}

export interface Api {
  readonly transport: Transport;
  call<N extends OperationName>(name: N, ...input: {} extends OperationInput<N> ? [OperationInput<N>?] : [OperationInput<N>]): Promise<OperationOutput<N>>;
}

export function createApi(transport: Transport): Api {
  return {
    transport,
    async call(name, ...rest) {
      const r = await transport.call(name, rest[0] ?? {});
      if (!r.ok) throw new ApiError(r.error);
      return r.value as never;
    },
  };
}
