/**
 * 民主评议党员's facts, for reports: the year's ballots and final grades by count (the total gives the share), the
 * 优秀 share against the campaign's limit, the follow-ups of 不合格 grades and their state, and each member's grade
 * history. Every figure and row names the records it counts (the campaign, its sheets, grades, follow-ups) by id.
 *
 * Which campaign a period shows: the latest campaign whose year falls within the period's years (an appraisal is
 * held at the year's end, so a period ending in March still shows last year's only if it began in last year).
 */
import { idSource, type FactPoint, type FactTableRow } from '../../../shared/domain/facts';
import { GRADES } from '../../../shared/domain/appraisal';
import { all, qb } from '../../db/query';
import type { CountedRecord, FactResult, FactScope, FactSpec } from '../facts/registry';
import { memo } from '../facts/registry';
import { listSheets, results } from './ballots';
import { followUpRows } from './followups';
import type { AppraisalCampaignsTable } from './tables';

/** The renderer's appraisal screen key (renderer/src/features/appraisal). */
export const APPRAISAL_SCREEN = 'appraisal';

const CAMPAIGNS = { table: 'appraisal_campaigns', label: '民主评议', screen: APPRAISAL_SCREEN } as const;
const SHEETS = { table: 'appraisal_sheets', label: '民主测评表', screen: APPRAISAL_SCREEN } as const;
const GRADE_ROWS = { table: 'appraisal_grades', label: '评定等次', screen: APPRAISAL_SCREEN } as const;
const FOLLOW_UPS = { table: 'appraisal_followups', label: '不合格党员处置', screen: APPRAISAL_SCREEN } as const;

const yearsOf = (scope: FactScope) => [Number(scope.from.slice(0, 4)), Number(scope.to.slice(0, 4))] as const;

/** The live campaigns whose year is within the period, newest first. */
function campaignsInPeriod(scope: FactScope): AppraisalCampaignsTable[] {
  return memo(scope, 'appraisal.campaigns', () => {
    const [first, last] = yearsOf(scope);
    return all(
      scope.db,
      qb
        .selectFrom('appraisal_campaigns')
        .selectAll()
        .where('branch_id', '=', scope.branchId)
        .where('deleted_at', 'is', null)
        .where('year', '>=', first)
        .where('year', '<=', last)
        .orderBy('year', 'desc'),
    );
  });
}

const latestCampaign = (scope: FactScope) => campaignsInPeriod(scope)[0] ?? null;
const campaignRecord = (c: AppraisalCampaignsTable): CountedRecord => ({ table: 'appraisal_campaigns', id: c.id, rev: c.rev });

function gradeRowsOf(scope: FactScope, campaignIds: readonly string[]) {
  if (!campaignIds.length) return [];
  return all(
    scope.db,
    qb.selectFrom('appraisal_grades').select(['id', 'rev', 'campaign_id', 'member_id', 'grade']).where('campaign_id', 'in', campaignIds).where('deleted_at', 'is', null),
  );
}

/** 发放, 收回, 有效, 废票 of the latest campaign (with double entry, sheets not yet agreed are in neither 有效 nor 废票). */
function ballots(scope: FactScope): FactResult {
  const c = latestCampaign(scope);
  if (!c) return { data: { kind: 'series', total: 0, points: [] }, counted: [] };
  const sheets = all(scope.db, qb.selectFrom('appraisal_sheets').select(['id', 'rev', 'serial']).where('campaign_id', '=', c.id).where('entry', '=', 1).where('deleted_at', 'is', null));
  const status = new Map(listSheets(scope.db, c.id).map((s) => [s.serial, s]));
  const ids = (keep: (serial: string) => boolean) => sheets.filter((s) => keep(s.serial)).map((s) => s.id);
  const valid = ids((serial) => !!status.get(serial)?.agreed && !status.get(serial)!.spoilt);
  const spoilt = ids((serial) => !!status.get(serial)?.agreed && status.get(serial)!.spoilt);
  const issued = c.issued_members + c.issued_masses;
  const points = [
    { key: 'issued', label: '发放', value: issued, source: idSource(CAMPAIGNS, [c.id]) },
    { key: 'collected', label: '收回', value: sheets.length, source: idSource(SHEETS, sheets.map((s) => s.id)) },
    { key: 'valid', label: '有效', value: valid.length, source: idSource(SHEETS, valid) },
    { key: 'spoilt', label: '废票', value: spoilt.length, source: idSource(SHEETS, spoilt) },
  ];
  return { data: { kind: 'series', total: issued, points }, counted: [campaignRecord(c), ...sheets.map((s) => ({ table: 'appraisal_sheets', id: s.id, rev: s.rev }))] };
}

/** Final grades of the latest campaign by grade; the total is the members graded, so each share is value / total. */
function gradesByGrade(scope: FactScope): FactResult {
  const c = latestCampaign(scope);
  if (!c) return { data: { kind: 'series', total: 0, points: [] }, counted: [] };
  const r = results(scope.db, c.id);
  const rows = gradeRowsOf(scope, [c.id]);
  const points: FactPoint[] = GRADES.map((g) => {
    const ids = rows.filter((x) => x.grade === g).map((x) => x.id);
    return { key: g, label: g, value: ids.length, source: idSource(GRADE_ROWS, ids) };
  });
  const undecided = r.members.filter((m) => m.final === null).length;
  if (undecided) points.push({ key: 'undecided', label: '未评定', value: undecided, source: idSource(CAMPAIGNS, [c.id]) });
  return { data: { kind: 'series', total: r.members.length, points }, counted: [campaignRecord(c), ...rows.map((x) => ({ table: 'appraisal_grades', id: x.id, rev: x.rev }))] };
}

const EXCELLENT_COLUMNS = [
  { key: 'year', label: '年度' },
  { key: 'graded', label: '参加评定人数' },
  { key: 'excellent', label: '评定为优秀' },
  { key: 'share', label: '优秀比例' },
  { key: 'limit', label: '比例上限' },
  { key: 'cap', label: '优秀人数上限' },
  { key: 'within', label: '是否符合' },
];

const percent = (n: number, d: number) => (d ? `${((n * 100) / d).toFixed(1)}%` : '—');

/** Per campaign in the period: the 优秀 decided against the campaign's limit. */
function excellentShare(scope: FactScope): FactResult {
  const campaigns = campaignsInPeriod(scope);
  const grades = gradeRowsOf(scope, campaigns.map((c) => c.id));
  const rows: FactTableRow[] = campaigns.map((c) => {
    const r = results(scope.db, c.id);
    const excellent = grades.filter((g) => g.campaign_id === c.id && g.grade === '优秀');
    return {
      key: c.id,
      cells: {
        year: c.year,
        graded: r.members.length,
        excellent: excellent.length,
        share: percent(excellent.length, r.members.length),
        limit: `${c.excellent_cap_num}/${c.excellent_cap_den}`,
        cap: r.excellentCap,
        within: excellent.length <= r.excellentCap ? '是' : '否',
      },
      source: idSource(GRADE_ROWS, excellent.map((g) => g.id)),
    };
  });
  const counted = [...campaigns.map(campaignRecord), ...grades.filter((g) => g.grade === '优秀').map((g) => ({ table: 'appraisal_grades', id: g.id, rev: g.rev }))];
  return { data: { kind: 'table', columns: EXCELLENT_COLUMNS, rows }, counted };
}

const FOLLOW_UP_COLUMNS = [
  { key: 'year', label: '评议年度' },
  { key: 'name', label: '姓名' },
  { key: 'kind', label: '处置方式' },
  { key: 'decidedDate', label: '决定日期' },
  { key: 'deadline', label: '改正期限' },
  { key: 'state', label: '状态' },
  { key: 'note', label: '情况记录' },
];

/** The follow-ups of the campaigns in the period, with their state. */
function followUps(scope: FactScope): FactResult {
  const campaigns = new Set(campaignsInPeriod(scope).map((c) => c.id));
  const found = followUpRows(scope.db, scope.branchId).filter((f) => campaigns.has(f.campaign_id));
  const names = new Map(
    found.length
      ? all(scope.db, qb.selectFrom('appraisal_members').select(['campaign_id', 'member_id', 'name']).where('campaign_id', 'in', [...campaigns])).map((m) => [`${m.campaign_id}|${m.member_id}`, m.name])
      : [],
  );
  const rows: FactTableRow[] = found.map((f) => ({
    key: f.id,
    cells: { year: f.year, name: names.get(`${f.campaign_id}|${f.member_id}`) ?? '', kind: f.kind, decidedDate: f.decided_date, deadline: f.deadline, state: f.state, note: f.note },
    source: idSource(FOLLOW_UPS, [f.id]),
  }));
  return { data: { kind: 'table', columns: FOLLOW_UP_COLUMNS, rows }, counted: found.map((f) => ({ table: 'appraisal_followups', id: f.id, rev: f.rev })) };
}

/** One row per member appraised in the period, a column per campaign year (newest first) with the final grade. */
function gradeHistory(scope: FactScope): FactResult {
  const campaigns = campaignsInPeriod(scope);
  const ids = campaigns.map((c) => c.id);
  const appraised = ids.length
    ? all(scope.db, qb.selectFrom('appraisal_members').select(['campaign_id', 'member_id', 'name', 'category', 'excluded', 'sort_order']).where('campaign_id', 'in', ids).where('deleted_at', 'is', null).orderBy('sort_order'))
    : [];
  const grades = gradeRowsOf(scope, ids);
  const yearOf = new Map(campaigns.map((c) => [c.id, c.year]));
  const columns = [{ key: 'name', label: '姓名' }, ...campaigns.map((c) => ({ key: String(c.year), label: `${c.year}年度` }))];
  const byMember = new Map<string, FactTableRow & { gradeIds: string[] }>();
  for (const m of appraised) {
    const row = byMember.get(m.member_id) ?? { key: m.member_id, cells: { name: m.name }, source: idSource(GRADE_ROWS, []), gradeIds: [] };
    const g = grades.find((x) => x.campaign_id === m.campaign_id && x.member_id === m.member_id);
    const year = String(yearOf.get(m.campaign_id));
    row.cells[year] = g ? g.grade : m.excluded ? '未参加' : m.category === '预备党员' ? '预备党员不评定' : '未评定';
    if (g) row.gradeIds.push(g.id);
    byMember.set(m.member_id, row);
  }
  const rows: FactTableRow[] = [...byMember.values()].map(({ gradeIds, ...row }) => ({ ...row, source: idSource(GRADE_ROWS, gradeIds) }));
  return { data: { kind: 'table', columns, rows }, counted: [...campaigns.map(campaignRecord), ...grades.map((g) => ({ table: 'appraisal_grades', id: g.id, rev: g.rev }))] };
}

const base = { capability: 'appraisal', periodKind: 'range' } as const;

export const APPRAISAL_FACTS: readonly FactSpec[] = [
  {
    ...base,
    key: 'appraisal.ballots',
    title: '民主测评票（发放、收回、有效、废票）',
    kind: 'series',
    unit: '张',
    description: '期间内最近一次民主评议的测评表张数；两遍录入时，两遍尚未一致的测评表不计入有效票和废票。',
    compute: ballots,
  },
  {
    ...base,
    key: 'appraisal.grades.byGrade',
    title: '民主评议评定等次（按等次）',
    kind: 'series',
    unit: '人',
    description: '期间内最近一次民主评议中各等次的人数，合计为参加评定的党员（预备党员和不参加评议的党员不在内），占比为人数除以合计。',
    compute: gradesByGrade,
  },
  {
    ...base,
    key: 'appraisal.grades.excellentShare',
    title: '评定为优秀的比例与上限',
    kind: 'table',
    unit: '人',
    description: '期间内每次民主评议评定为优秀的人数、比例，及其规定的比例上限（默认三分之一）和人数上限。',
    compute: excellentShare,
  },
  {
    ...base,
    key: 'appraisal.followUps',
    title: '评议不合格党员的处置',
    kind: 'table',
    unit: '人',
    description: '期间内民主评议评定为不合格的党员的处置（限期改正、劝其退党、除名）及其状态。',
    compute: followUps,
  },
  {
    ...base,
    key: 'appraisal.history',
    title: '党员历年民主评议等次',
    kind: 'table',
    unit: '人',
    description: '期间内各次民主评议中每名参评党员的评定等次，按年度分列。',
    compute: gradeHistory,
  },
];
