/** Helpers for hand-over tests: seeded contexts, table snapshots, packages in memory. */
import { registeredTables } from '../../main/db/registry';
import { seedDemo } from '../../main/services/demo/seed';
import { buildPackage } from '../../main/services/handover/export';
import type { AppContext } from '../../main/app/context';
import { testContext, type TestContext } from './context';

export async function seededContext(members = 60, seed = 7): Promise<TestContext> {
  const t = await testContext();
  seedDemo(t.db, { members, seed });
  return t;
}

/** Every registered table's rows, ordered by id, with every column. */
export function snapshot(ctx: AppContext): Record<string, unknown[]> {
  return Object.fromEntries(
    registeredTables().map((t) => [t.name, ctx.db.prepare(`SELECT * FROM ${t.name} ORDER BY id`).all()]),
  );
}

export async function packageOf(ctx: AppContext, options: { password?: string; tables?: string[]; forSuccessor?: boolean } = {}): Promise<Buffer> {
  return (await buildPackage(ctx.db, { ...options, appVersion: ctx.appVersion })).buffer;
}
