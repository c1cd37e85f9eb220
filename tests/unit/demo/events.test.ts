import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../main/services/demo/seed';
import { testContext, type TestContext } from '../../helpers/context';

let t: TestContext;
beforeAll(async () => {
  t = await testContext();
  seedDemo(t.db, { members: 400, seed: 11 }, { today: '2026-11-25' });
});
afterAll(() => t.cleanup());

const rows = <T>(sql: string) => t.db.prepare(sql).all() as T[];

describe('demo status changes', () => {
  it('gives every transferred-out and suspended member the event that put them there', () => {
    const missing = rows<{ name: string; status: string }>(
      `SELECT m.name, m.status FROM members m WHERE m.status IN ('转出', '停止党籍')
         AND NOT EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id AND e.kind = m.status)`,
    );
    expect(missing).toEqual([]);
    expect(rows<{ n: number }>("SELECT count(*) AS n FROM members WHERE status IN ('转出', '停止党籍')")[0]!.n).toBeGreaterThan(0);
  });

  it('records 转正 on the full-membership date for the current and previous year, and some 转入', () => {
    const wrong = rows(
      "SELECT e.event_date, m.full_date FROM member_events e JOIN members m ON m.id = e.member_id WHERE e.kind = '转正' AND e.event_date <> m.full_date",
    );
    expect(wrong).toEqual([]);
    const kinds = rows<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM member_events GROUP BY kind');
    expect(kinds.map((k) => k.kind).sort()).toEqual(['停止党籍', '转入', '转出', '转正'].sort());
    const early = rows("SELECT 1 FROM member_events e JOIN members m ON m.id = e.member_id WHERE e.event_date < m.join_date OR e.event_date > '2026-11-25'");
    expect(early).toEqual([]);
  });
});
