/** A small branch with a known history, for hand counts of the facts. */
import { factQuerySchema, type FactQueryInput } from '../../../shared/contract/facts';
import type { FactData, FactValue } from '../../../shared/domain/facts';
import { idCheckChar } from '../../../shared/domain/idNumber';
import { getFact } from '../../../main/services/facts/service';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

/** A valid ID number for a birth date; the sequence's parity gives the gender (odd: 男). */
export function idNumberFor(birthDate: string, seq: number): string {
  const first17 = `110105${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

let nextSeq = 10;
export function person(name: string, gender: '男' | '女', birthDate: string, fields: Record<string, unknown>) {
  nextSeq += 1;
  const seq = gender === '男' ? nextSeq * 2 + 1 : nextSeq * 2;
  return sampleMember({ name, gender, birthDate, idNumber: idNumberFor(birthDate, seq), ...fields });
}

export function fact(t: TestContext, input: FactQueryInput): FactValue {
  return getFact(t.db, factQuerySchema.parse(input));
}

export function pointValues(data: FactData): Record<string, number> {
  if (data.kind !== 'series') throw new Error(`not a series: ${data.kind}`);
  return Object.fromEntries(data.points.map((p) => [p.key, p.value]));
}

export function figure(data: FactData): number {
  if (data.kind !== 'figure') throw new Error(`not a figure: ${data.kind}`);
  return data.value;
}

export function figureIds(data: FactData): string[] {
  if (data.kind !== 'figure') throw new Error(`not a figure: ${data.kind}`);
  return [...(data.source.ids ?? [])].sort();
}

export interface SmallBranch {
  groups: { first: string; second: string };
  /** A 正式党员 since 2001, 第一党小组, 男, 本科. */
  a: string;
  /** Admitted 2024-05-01 (预备), 转正 2025-05-10. */
  b: string;
  /** Joined 1990, transferred out 2023-06-30. */
  c: string;
  /** Joined 2010 elsewhere, transferred in 2022-03-15. */
  d: string;
  /** Died 2021-02-01. */
  e: string;
  /** Admitted 2025-10-01, still 预备, no group, 女. */
  f: string;
  /** 停止党籍 since 2024-02-01: still on the roster. */
  g: string;
}

/** A fresh context holding the small branch, for a beforeEach; the test cleans `t` up. */
export async function smallBranchContext(): Promise<{ t: TestContext; s: SmallBranch }> {
  const t = await testContext();
  return { t, s: await smallBranch(t) };
}

export async function smallBranch(t: TestContext): Promise<SmallBranch> {
  await t.call('branch.save', { name: '中共第一钻井队支部委员会', parentCommittee: '钻井一公司党委' });
  const first = (await t.call('groups.save', { name: '第一党小组' })).id;
  const second = (await t.call('groups.save', { name: '第二党小组' })).id;
  const full = (joinDate: string, fullDate: string) => ({ category: '正式党员', joinDate, fullDate });
  const create = async (p: ReturnType<typeof person>) => (await t.call('members.create', p)).id;
  const a = await create(person('安建国', '男', '1970-03-01', { ...full('2000-07-01', '2001-07-01'), partyGroupId: first, education: '21' }));
  const b = await create(person('白雪', '女', '1995-08-12', { category: '预备党员', joinDate: '2024-05-01', fullDate: null, partyGroupId: second, applicationDate: '2022-01-05' }));
  await t.call('members.recordEvent', { memberId: b, event: { kind: '转正', date: '2025-05-10' } });
  const c = await create(person('陈刚', '男', '1960-01-20', { ...full('1990-07-01', '1991-07-01'), partyGroupId: first }));
  await t.call('members.recordEvent', { memberId: c, event: { kind: '转出', date: '2023-06-30', counterpart: '中共第二钻井队支部委员会' } });
  const dFields = person('丁力', '男', '1985-11-02', { ...full('2010-06-01', '2011-06-01'), partyGroupId: second });
  const d = (await t.call('members.transferIn', { fields: dFields, transfer: { date: '2022-03-15', counterpart: '中共机关第一支部委员会' } })).id;
  const e = await create(person('鄂老', '男', '1940-05-05', full('1965-07-01', '1966-07-01')));
  await t.call('members.recordEvent', { memberId: e, event: { kind: '去世', date: '2021-02-01' } });
  const f = await create(person('范小燕', '女', '2000-02-29', { category: '预备党员', joinDate: '2025-10-01', fullDate: null, education: '31' }));
  const g = await create(person('高远', '男', '1975-09-09', { ...full('1995-07-01', '1996-07-01'), partyGroupId: first }));
  await t.call('members.recordEvent', { memberId: g, event: { kind: '停止党籍', date: '2024-02-01', reason: '失去联系超过六个月' } });
  return { groups: { first, second }, a, b, c, d, e, f, g };
}
