/**
 * Demo data (seed-demo, demo.seed): realistic and deterministic for a seed. Each capability
 * (roster now; meetings, appraisal… later) names its seeders (`demo` in its capability entry), each one
 * module with a pure `prepare` and a `write`; everything is written in one transaction, into a branch
 * that has no members yet.
 */
import type { AppContext } from '../../app/context';
import { AppError } from '../../../shared/contract/errors';
import type { JobStatus } from '../../../shared/contract/operations';
import { localToday } from '../../../shared/domain/dates';
import { first, qb, type Sqlite } from '../../db/query';
import type { JobControl } from '../jobs/jobs';
import { getLocalBranch } from '../branch/branch';
import { demoBranchName, ensureDemoBranch, workUnitOf } from './branch';
import { CAPABILITIES } from '../../capabilities';
import type { DemoCapability, DemoCounts, DemoPlan, DemoState } from './types';

/**
 * The seeders in the order they are prepared and written: the capabilities' `demo`, in the order of
 * main/capabilities.ts. A function, not a constant: the capability list imports this module (demo.seed).
 */
export function demoCapabilities(): readonly DemoCapability<any>[] {
  return CAPABILITIES.flatMap((capability) => capability.demo ?? []);
}

export interface DemoSeedInput {
  members: number;
  seed: number;
}

export interface DemoSeedOptions {
  /** YYYY-MM-DD; defaults to the local date. */
  today?: string;
}

export interface DemoSummary {
  branch: string;
  branchCreated: boolean;
  seed: number;
  counts: DemoCounts;
}

/** Members in the roster, the recycle bin included. */
export function rosterSize(db: Sqlite): number {
  return first(db, qb.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')))!.n;
}

/** Demo data goes into an empty roster only, so it can never mix with a real one. */
function assertEmptyRoster(db: Sqlite): void {
  const n = rosterSize(db);
  if (n > 0) {
    throw new AppError('E_CONFLICT', `名册中已有 ${n} 名党员（含回收站），示例数据只能生成到空的名册中。请另建一个数据文件再生成示例数据。`);
  }
}

function planFor(db: Sqlite, input: DemoSeedInput, today: string): DemoPlan {
  const branchName = getLocalBranch(db)?.name ?? demoBranchName(input.members);
  return { members: input.members, seed: input.seed, today, workUnit: workUnitOf(branchName) };
}

function prepareAllSync(plan: DemoPlan): unknown[] {
  return demoCapabilities().map((cap) => {
    const it = cap.prepare(plan);
    for (let r = it.next(); ; r = it.next()) if (r.done) return r.value;
  });
}

function preparationSize(plan: DemoPlan): number {
  return demoCapabilities().reduce((n, cap) => n + cap.size(plan), 0);
}

async function prepareAllInSlices(plan: DemoPlan, ctl: JobControl, sliceSize = 500): Promise<unknown[]> {
  const total = preparationSize(plan);
  const prepared: unknown[] = [];
  let done = 0;
  for (const cap of demoCapabilities()) {
    const it = cap.prepare(plan);
    for (let r = it.next(); ; r = it.next()) {
      if (r.done) {
        prepared.push(r.value);
        break;
      }
      if (++done % sliceSize === 0) {
        ctl.progress(done, total, `正在生成${cap.label}（${done}/${total}）…`);
        await ctl.yield();
      }
    }
  }
  return prepared;
}

/** Writes everything in one transaction: the branch if missing, then each capability. */
function writeAll(db: Sqlite, plan: DemoPlan, prepared: unknown[]): DemoSummary {
  return db.transaction(() => {
    assertEmptyRoster(db);
    const { branch, created } = ensureDemoBranch(db, plan.members);
    const state: DemoState = { branchId: branch.id, branchCreated: created, members: [] };
    const counts: DemoCounts = {};
    demoCapabilities().forEach((cap, i) => Object.assign(counts, cap.write(db, prepared[i], state, plan)));
    return { branch: branch.name, branchCreated: created, seed: plan.seed, counts };
  })();
}

/** Seeds demo data synchronously (the CLI). */
export function seedDemo(db: Sqlite, input: DemoSeedInput, options: DemoSeedOptions = {}): DemoSummary {
  assertEmptyRoster(db);
  const plan = planFor(db, input, options.today ?? localToday());
  return writeAll(db, plan, prepareAllSync(plan));
}

export function demoSummaryText(s: DemoSummary): string {
  const c = s.counts;
  return (
    `已生成示例数据（种子 ${s.seed}）：${s.branchCreated ? '新建' : ''}支部“${s.branch}”，` +
    `党员 ${c.members ?? 0} 名（正式党员 ${c.formal ?? 0} 名，预备党员 ${c.probationary ?? 0} 名），党小组 ${c.groups ?? 0} 个。`
  );
}

/** The contract operation demo.seed: a job that prepares in slices, then writes in one transaction. */
export function startDemoSeed(ctx: AppContext, input: DemoSeedInput, options: DemoSeedOptions = {}): JobStatus {
  assertEmptyRoster(ctx.db);
  return ctx.jobs.start('demo.seed', '生成示例数据', async (ctl) => {
    const plan = planFor(ctx.db, input, options.today ?? localToday());
    const prepared = await prepareAllInSlices(plan, ctl);
    const total = preparationSize(plan);
    ctl.progress(total, total, '正在写入数据库…');
    await ctl.yield();
    const summary = writeAll(ctx.db, plan, prepared);
    ctx.log.info(`demo data seeded: ${summary.counts.members ?? 0} members, seed ${summary.seed}`);
    return demoSummaryText(summary);
  });
}
