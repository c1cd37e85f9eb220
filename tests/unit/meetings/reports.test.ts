import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registeredTables, tableSpec } from '../../../main/db/registry';
import { requireBranchId } from '../../../main/services/branch/branch';
import { reportsDueNow } from '../../../main/services/meetings/reports';
import { idCheckChar } from '../../../shared/domain/idNumber';
import { reportPeriod, reportsDue, type Reporter } from '../../../shared/domain/memberReports';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';

describe('the periods and who is due (pure)', () => {
  it('names quarters, months and years as the calendar does, counting back across a year', () => {
    expect(reportPeriod('quarter', '2026-05-10')).toEqual({ period: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(reportPeriod('quarter', '2026-02-10', 1)).toEqual({ period: '2025-Q4', from: '2025-10-01', to: '2025-12-31' });
    expect(reportPeriod('month', '2026-01-31', 1)).toEqual({ period: '2025-12', from: '2025-12-01', to: '2025-12-31' });
    expect(reportPeriod('month', '2024-02-03')).toMatchObject({ to: '2024-02-29' });
    expect(reportPeriod('year', '2026-07-01', 1)).toEqual({ period: '2025', from: '2025-01-01', to: '2025-12-31' });
  });

  it('done when reported this period, overdue when the last period went without, due otherwise; a newcomer is only due', () => {
    const person = (id: string, since: string): Reporter => ({ source: 'member', id, name: id, role: 'probationary', since });
    const dates = new Map([
      ['done', ['2026-04-02']],
      ['late', ['2025-12-20']],
      ['due', ['2026-02-11']],
    ]);
    const rows = reportsDue([person('done', '2025-01-01'), person('late', '2025-01-01'), person('due', '2025-01-01'), person('new', '2026-04-20')], dates, [], '2026-05-10');
    expect(rows.map((r) => [r.id, r.status, r.missedPeriod])).toEqual([
      ['late', 'overdue', '2026-Q1'],
      ['due', 'due', null],
      ['new', 'due', null],
      ['done', 'done', null],
    ]);
    expect(rows.find((r) => r.id === 'late')).toMatchObject({ period: '2026-Q2', lastReportDate: '2025-12-20', frequency: 'quarter' });
  });
});

let t: TestContext;
let probationer: string;
let activist: string;

function idNumber(birth: string, n: number): string {
  const first17 = `130982${birth.replaceAll('-', '')}${String(n * 2 + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

beforeEach(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共渤海钻探第一钻井队支部委员会' });
  probationer = (await t.call('members.create', sampleMember({ name: '赵志强', gender: '男', idNumber: idNumber('1990-05-01', 1), birthDate: '1990-05-01', category: '预备党员', joinDate: '2025-09-01', fullDate: '' }))).id;
  await t.call('members.create', sampleMember({ name: '王建国', gender: '男', idNumber: idNumber('1970-05-01', 2), birthDate: '1970-05-01', joinDate: '2000-07-01', fullDate: '2001-07-01' }));
  const a = await t.call('pipeline.create', {
    name: '马良', gender: '男', ethnicity: '汉族', idNumber: idNumber('1996-10-01', 3), birthDate: '1996-10-01', education: '本科', politicalStatus: '群众', applicationDate: '2025-01-06',
  });
  await t.call('pipeline.recordStep', { id: a.id, step: 2, date: '2025-01-20' });
  await t.call('pipeline.recordStep', { id: a.id, step: 3, date: '2025-03-01' });
  activist = a.id;
});
afterEach(() => t.cleanup());

describe('reports of members and activists', () => {
  it('lists the activist from the pipeline and the probationary member from the roster, and clears them as they report', async () => {
    const branchId = requireBranchId(t.db);
    const before = reportsDueNow(t.db, branchId, '2026-05-10');
    expect(before.map((r) => [r.name, r.role, r.source, r.status])).toEqual([
      ['马良', 'activist', 'applicant', 'overdue'],
      ['赵志强', 'probationary', 'member', 'overdue'],
    ]);
    const saved = await t.call('reports.save', { fields: { kind: 'thought', date: '2026-04-15', applicantId: activist, title: '学习党章的体会' } });
    expect(saved).toMatchObject({ personName: '马良', memberId: null, applicantId: activist, kind: 'thought' });
    await t.call('reports.save', { fields: { kind: 'work', date: '2026-03-15', memberId: probationer } });
    const after = reportsDueNow(t.db, branchId, '2026-05-10');
    expect(after.map((r) => [r.name, r.status])).toEqual([
      ['赵志强', 'due'],
      ['马良', 'done'],
    ]);
    expect((await t.call('reports.list', { memberId: probationer })).map((r) => r.date)).toEqual(['2026-03-15']);
    expect(await t.call('reports.list', { year: 2026 })).toHaveLength(2);
  });

  it('a monthly rhythm for probationary members makes last month the one to report for', async () => {
    await t.call('reports.save', { fields: { kind: 'thought', date: '2026-04-15', memberId: probationer } });
    const branchId = requireBranchId(t.db);
    expect(reportsDueNow(t.db, branchId, '2026-05-10').find((r) => r.name === '赵志强')).toMatchObject({ name: '赵志强', status: 'done', period: '2026-Q2' });
    const rhythms = await t.call('reports.setRhythms', { rhythms: [{ role: 'probationary', frequency: 'month' }] });
    expect(rhythms).toEqual([{ role: 'activist', frequency: 'quarter' }, { role: 'probationary', frequency: 'month' }]);
    expect(reportsDueNow(t.db, branchId, '2026-05-10').find((r) => r.name === '赵志强')).toMatchObject({ status: 'due', period: '2026-05' });
    // Back at the default, nothing is stored.
    await t.call('reports.setRhythms', { rhythms: [{ role: 'probationary', frequency: 'quarter' }] });
    expect(t.db.prepare('SELECT count(*) AS n FROM report_rhythms WHERE deleted_at IS NULL').get()).toEqual({ n: 0 });
  });

  it('refuses a report naming nobody, both kinds of person, or someone not on the roster, naming the field', async () => {
    const refused = (fields: Record<string, unknown>) => t.call('reports.save', { fields } as never).then(() => null, (e) => e.payload);
    expect(await refused({ kind: 'thought', date: '2026-04-15' })).toMatchObject({ issues: [{ field: 'memberId', message: '请选择汇报人（党员或入党积极分子，二选一）' }] });
    expect(await refused({ kind: 'thought', date: '2026-04-15', memberId: probationer, applicantId: activist })).toMatchObject({ code: 'E_VALIDATION' });
    expect(await refused({ kind: 'thought', date: '2026-04-15', memberId: '00000000-0000-4000-8000-000000000001' })).toMatchObject({
      issues: [{ field: 'memberId', message: '所选党员不在名册中' }],
    });
    expect(await refused({ kind: 'thought', date: '2999-04-15', memberId: probationer })).toMatchObject({ issues: [expect.objectContaining({ field: 'date' })] });
  });

  it('its tables travel in hand-over packages, by the report date, after the members and the applicants', () => {
    const names = registeredTables().map((x) => x.name);
    expect(names.indexOf('member_reports')).toBeGreaterThan(names.indexOf('applicants'));
    expect(tableSpec('member_reports')).toMatchObject({ periodColumn: 'report_date' });
    expect(tableSpec('member_reports')!.references).toEqual([{ column: 'member_id', table: 'members' }, { column: 'applicant_id', table: 'applicants' }]);
    expect(tableSpec('member_reports')!.validateRow!({ kind: 'x', report_date: '2026-02-30', member_id: null, applicant_id: null, person_name: '' }).map((p) => p.field)).toEqual([
      'kind', 'report_date', 'member_id', 'person_name',
    ]);
    expect(names).toContain('report_rhythms');
  });
});

describe('study hours', () => {
  it('sums the class hours of the final meetings each member attended this year, against 32 (members) or 56 (committee)', async () => {
    const wang = (await t.call('members.search', { query: '王建国' })).rows[0]!.id;
    await t.call('branch.save', { name: '中共渤海钻探第一钻井队支部委员会', officers: [{ name: '王建国', role: '书记', memberId: wang }] });
    const lecture = (date: string, hours: number, zhaoAttends: boolean, final = true) => t.call(final ? 'meetings.finalize' : 'meetings.save', {
      fields: {
        kind: 'lecture', date, startTime: '14:00', place: '会议室', hostMemberId: wang, recorderMemberId: wang, lecturer: '王建国', classHours: hours,
        attendance: [
          { memberId: wang, name: '王建国', category: '正式党员', attended: true },
          { memberId: probationer, name: '赵志强', category: '预备党员', attended: zhaoAttends, absenceReason: zhaoAttends ? '' : '公差' },
        ],
      },
    } as never);
    await lecture('2026-03-10', 4, true);
    await lecture('2026-04-10', 3, false);
    await lecture('2025-12-10', 8, true); // last year
    await lecture('2026-04-20', 5, true, false); // a draft
    const fact = await t.call('facts.get', { key: 'meetings.studyHours', at: '2026-05-10' } as never) as { data: { kind: 'table'; rows: { key: string; cells: Record<string, unknown>; source: { ids?: string[] } }[] } };
    const row = (id: string) => fact.data.rows.find((r) => r.key === id)!;
    expect(row(wang).cells).toMatchObject({ role: '支部委员', hours: 7, required: 56, shortfall: 49 });
    expect(row(probationer).cells).toMatchObject({ role: '党员', hours: 4, required: 32, shortfall: 28 });
    expect(JSON.stringify(row(probationer).source)).toMatch(/[0-9a-f-]{36}/);
    // The attendance rate counts the same year's final records, each row traceable to the meetings that expected the member.
    const rate = await t.call('facts.get', { key: 'meetings.attendanceRate', at: '2026-05-10' } as never) as typeof fact;
    const zhao = rate.data.rows.find((r) => r.key === probationer)!;
    expect(zhao.cells).toMatchObject({ expected: 2, attended: 1, rate: 50 });
    expect(JSON.stringify(zhao.source).match(/[0-9a-f]{8}-[0-9a-f-]{27}/g)).toHaveLength(2);
  });
});
