/** A fresh app context on a temporary database folder, for service and dispatcher tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { closeContext, createContext, type AppContext } from '../../main/app/context';
import { dispatch } from '../../main/dispatcher';
import type { OperationInput, OperationName, OperationOutput } from '../../shared/contract/operations';

export interface TestContext extends AppContext {
  dir: string;
  call<N extends OperationName>(name: N, input?: OperationInput<N>): Promise<OperationOutput<N>>;
  cleanup(): void;
}

export function tempDir(prefix = 'branch-desk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An array for a test file's temporary folders: what is pushed onto it is removed after each test. */
export function foldersRemovedAfterEach(): string[] {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  return dirs;
}

export async function testContext(): Promise<TestContext> {
  const dir = tempDir();
  const ctx = await createContext({ db: path.join(dir, 'test.sqlite') });
  return Object.assign(ctx, {
    dir,
    async call<N extends OperationName>(name: N, input?: OperationInput<N>) {
      const r = await dispatch(ctx, name, input ?? {});
      if (!r.ok) throw Object.assign(new Error(r.error.message), { payload: r.error });
      return r.value as OperationOutput<N>;
    },
    cleanup() {
      closeContext(ctx);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** `track` for a test file: every context it is handed is cleaned up after each test. */
export function trackContexts(): (t: TestContext) => TestContext {
  const open: TestContext[] = [];
  afterEach(() => open.splice(0).forEach((t) => t.cleanup()));
  return (t) => (open.push(t), t);
}

/** A valid member input; ID number 11010519491231002X (a known-valid example). */
export function sampleMember(overrides: Record<string, unknown> = {}) {
  return {
    name: '张三',
    gender: '女',
    ethnicity: '汉族',
    idNumber: '11010519491231002X',
    birthDate: '1949-12-31',
    education: '21',
    category: '正式党员',
    joinDate: '1975-07-01',
    fullDate: '1976-07-01',
    ...overrides,
  } as const;
}
