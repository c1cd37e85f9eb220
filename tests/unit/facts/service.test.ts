/** The facts service: the catalogue, keys, periods, fingerprints, and the operations' handlers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { factQuerySchema, factsOperations, FACTS_FIELD_LABELS } from '../../../shared/contract/facts';
import { validationError } from '../../../shared/contract/errors';
import { zodProblems } from '../../../shared/contract/validate';
import { addDays, localToday } from '../../../shared/domain/dates';
import { factsHandlers } from '../../../main/services/facts/handlers';
import { factRegistry, factSpec, factSpecs } from '../../../main/services/facts/registry';
import { resolvePeriod } from '../../../main/services/facts/service';
import type { FactDefinition } from '../../../shared/domain/facts';
import type { TestContext } from '../../helpers/context';
import { fact, smallBranchContext, type SmallBranch } from './fixture';

let t: TestContext;
let s: SmallBranch;
beforeEach(async () => ({ t, s } = await smallBranchContext()));
afterEach(() => t.cleanup());

/** As the dispatcher will run it: the contract's schema, then the handler; errors as the user reads them. */
function call<N extends keyof typeof factsOperations.operations>(name: N, input: unknown) {
  const parsed = factsOperations.operations[name].input.safeParse(input);
  if (!parsed.success) throw validationError(zodProblems(parsed.error), FACTS_FIELD_LABELS);
  return (factsHandlers[name] as (ctx: TestContext, input: unknown) => unknown)(t, parsed.data);
}

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('the catalogue', () => {
  it('lists every fact with a Chinese title, and no code', () => {
    const list = call('facts.list', {}) as FactDefinition[];
    const keys = list.map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['roster.members.byCategory', 'roster.transfers.out', 'pipeline.applicants.byStage', 'pipeline.activists.determined']));
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of list) {
      expect(f.title, f.key).toMatch(/^[\u4e00-\u9fff]/);
      expect(f.description, f.key).toMatch(/[\u4e00-\u9fff]/);
      expect(['figure', 'table', 'series']).toContain(f.kind);
      expect(f.key.startsWith(`${f.capability}.`), f.key).toBe(true);
      expect(Object.keys(f)).not.toContain('compute');
    }
  });

  it('reads several facts in one call, and names the unknown one among them', () => {
    const values = call('facts.getMany', { queries: [{ key: 'roster.members.total' }, { key: 'roster.transfers.out', from: '2023-01-01', to: '2023-12-31' }] }) as { data: { kind: string; value?: number } }[];
    expect(values.map((v) => v.data.value)).toEqual([5, 1]);
    expect(message(() => call('facts.getMany', { queries: [] }))).toBe('E_VALIDATION 统计项：请指定统计项');
    expect(message(() => call('facts.getMany', { queries: [{ key: 'roster.members.total' }, { key: 'nope' }] }))).toContain('没有名为“nope”的统计项');
  });

  it('refuses a key registered twice', () => {
    expect(() => factRegistry([...factSpecs(), { ...factSpec('roster.members.total')! }])).toThrow(/registered twice/);
  });

  it('names an unknown key in Chinese', () => {
    expect(message(() => call('facts.get', { key: 'roster.members.byShoeSize' }))).toBe('E_VALIDATION 统计项：没有名为“roster.members.byShoeSize”的统计项');
    expect(message(() => call('facts.get', { key: '' }))).toBe('E_VALIDATION 统计项：请指定统计项');
  });
});

describe('periods', () => {
  const today = '2026-06-30';

  it('counts an "at" fact today by default, or on the end of a period passed to it', () => {
    expect(resolvePeriod({ periodKind: 'at' }, {}, today)).toEqual({ kind: 'at', at: today });
    expect(resolvePeriod({ periodKind: 'at' }, { from: '2026-01-01', to: '2026-03-31' }, today)).toEqual({ kind: 'at', at: '2026-03-31' });
  });

  it('gives a period this year so far by default, and starts a period given its end on 1 January', () => {
    expect(resolvePeriod({ periodKind: 'range' }, {}, today)).toEqual({ kind: 'range', from: '2026-01-01', to: today });
    expect(resolvePeriod({ periodKind: 'range' }, { to: '2025-09-30' }, today)).toEqual({ kind: 'range', from: '2025-01-01', to: '2025-09-30' });
    expect(resolvePeriod({ periodKind: 'range' }, { at: '2025-09-30' }, today)).toEqual({ kind: 'range', from: '2025-01-01', to: '2025-09-30' });
  });

  it('refuses dates after today, a period that ends before it starts, and a date that is no date', () => {
    const future = addDays(localToday(), 1);
    expect(message(() => call('facts.get', { key: 'roster.members.total', at: future }))).toBe(`E_VALIDATION 统计日期：不能晚于今天（${localToday()}）`);
    expect(message(() => call('facts.get', { key: 'roster.transfers.in', from: '2025-03-01', to: '2025-02-01' }))).toBe(
      'E_VALIDATION 起始日期：不能晚于结束日期（2025-02-01）',
    );
    expect(message(() => call('facts.get', { key: 'roster.transfers.in', from: '2026-01-01', to: '2025-12-31' }))).toContain('起始日期');
    expect(message(() => call('facts.get', { key: 'roster.transfers.in', from: '2025-02-30' }))).toContain('起始日期：请填写有效日期');
    expect(() => resolvePeriod({ periodKind: 'range' }, { from: '2026-07-01' }, today)).toThrow(/不能晚于今天/);
  });

  it('refuses a branch that does not exist', () => {
    expect(message(() => call('facts.get', { key: 'roster.members.total', branchId: crypto.randomUUID() }))).toContain('所选支部不存在');
  });
});

describe('fingerprints', () => {
  const total = (at?: string) => fact(t, { key: 'roster.members.total', at });

  async function editPost(id: string, post: string) {
    const { id: _, branchId, partyGroup, createdAt, updatedAt, probationExtensionMonths, ...fields } = await t.call('members.get', { id });
    await t.call('members.update', { id, fields: { ...fields, post }, expectedUpdatedAt: updatedAt });
  }

  it('stays the same while nothing counted changes, and differs between periods', () => {
    expect(total().fingerprint).toBe(total().fingerprint);
    expect(total('2023-01-01').fingerprint).not.toBe(total('2023-01-02').fingerprint);
    expect(total().fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes when a counted member is edited, even if the figure does not', async () => {
    const before = total();
    await editPost(s.a, '平台经理');
    const after = total();
    expect(after.data).toEqual(before.data);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('does not change when a member who is not counted is edited', async () => {
    const before = total('2023-01-01');
    await editPost(s.f, '司钻'); // admitted in 2025
    expect(total('2023-01-01').fingerprint).toBe(before.fingerprint);
    await editPost(s.c, '钻工'); // on the roster until 2023-06-30
    expect(total('2023-01-01').fingerprint).not.toBe(before.fingerprint);
  });

  it('changes when a member leaves the count', async () => {
    const before = total();
    await t.call('members.delete', { id: s.g });
    const after = total();
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.data.kind === 'figure' && after.data.value).toBe(4);
  });
});

describe('the query schema', () => {
  it('accepts a key alone and refuses unknown inputs', () => {
    expect(factQuerySchema.parse({ key: 'roster.members.total' })).toEqual({ key: 'roster.members.total', at: null, from: null, to: null });
    expect(factQuerySchema.safeParse({ key: 'roster.members.total', date: '2025-01-01' }).success).toBe(false);
  });
});
