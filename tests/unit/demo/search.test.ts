/** The roster search on a demo roster: every page and total agrees with a plain filter of all members. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberSearchSchema, type MemberSearch } from '../../../shared/contract/operations';
import { ACTIVE_STATUSES, type Member } from '../../../shared/domain/member';
import { memberSearchText } from '../../../shared/domain/pinyin';
import { seedDemo } from '../../../main/services/demo/seed';
import { findMembers, searchMembers } from '../../../main/services/roster/members';
import { testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
let all: Member[];

beforeAll(async () => {
  t = await testContext();
  seedDemo(t.db, { members: 900, seed: 21 });
  all = findMembers(t.db, memberSearchSchema.parse({ status: 'all' }));
});
afterAll(() => t.cleanup());

function expected(query: string, status: 'active' | 'all'): Member[] {
  const q = query.toLowerCase();
  return all.filter((m) => (status === 'all' || ACTIVE_STATUSES.includes(m.status)) && memberSearchText(m.name, m.idNumber).includes(q));
}

function everyPage(input: MemberSearch): { totals: number[]; ids: string[] } {
  const totals: number[] = [];
  const ids: string[] = [];
  for (let offset = 0; ; offset += 50) {
    const page = searchMembers(t.db, memberSearchSchema.parse({ ...input, offset, limit: 50 }));
    totals.push(page.total);
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < 50) return { totals, ids };
  }
}

describe('searchMembers on a demo roster', () => {
  const queries = () => {
    const someone = all[123]!;
    return ['', '王', '张', 'zs', someone.name.slice(0, 2), someone.idNumber.slice(6, 11), 'a', '1', 'xyzq', someone.name];
  };

  it('pages through the same members, in name order, as a plain filter finds', () => {
    for (const status of ['active', 'all'] as const) {
      for (const query of queries()) {
        const want = expected(query, status);
        const { totals, ids } = everyPage({ query, status });
        expect(new Set(totals), `${status} “${query}”`).toEqual(new Set([want.length]));
        expect(ids, `${status} “${query}”`).toEqual(want.map((m) => m.id));
      }
    }
  });

  it('reports the total on a page past the end, and sorts by another column', () => {
    const want = expected('王', 'active');
    const past = searchMembers(t.db, memberSearchSchema.parse({ query: '王', offset: want.length + 10 }));
    expect(past).toEqual({ total: want.length, rows: [] });
    const byBirth = searchMembers(t.db, memberSearchSchema.parse({ query: 'zs', sort: 'birthDate', order: 'desc', limit: 1000 }));
    const dates = byBirth.rows.map((r) => r.birthDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(byBirth.total).toBe(expected('zs', 'active').length);
  });
});
