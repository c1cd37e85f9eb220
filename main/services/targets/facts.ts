/**
 * Target management's facts, for reports and the home page: assessment results by grade, the top scorers, the
 * demonstration zones and their records, and the tackling projects finished with their measured benefits. Every
 * figure and row names the records it counts (assessments, zone records, projects) by id.
 *
 * Which assessment a period shows: the latest one (year, then 年终 before 半年) with a completed assessment dated
 * within the period; its results are those of the whole branch for that year and period.
 */
import { idSource, type FactTableRow } from '../../../shared/domain/facts';
import { PERIOD_LABELS, projectBenefitText, sortRewardRules, type AssessmentPeriod } from '../../../shared/domain/targets';
import { all, qb } from '../../db/query';
import type { CountedRecord, FactResult, FactScope, FactSpec } from '../facts/registry';
import { memo } from '../facts/registry';
import { periodResults, type PeriodResult } from './assessments';
import { membersById } from './common';

/** Screen keys of the renderer's target-management screens (renderer/src/features/targets). */
export const TARGET_SCREENS = { assessment: 'targetAssessment', zones: 'targetZones', projects: 'targetProjects' } as const;

const ASSESSMENTS = { table: 'target_assessments', label: '目标考核', screen: TARGET_SCREENS.assessment } as const;
const ZONES = { table: 'target_zones', label: '党员示范责任区', screen: TARGET_SCREENS.zones } as const;
const PROJECTS = { table: 'target_projects', label: '立项攻关', screen: TARGET_SCREENS.projects } as const;

/** How many top scorers the table lists (more when ties share the last place). */
export const TOP_SCORERS = 10;

interface ChosenAssessment {
  year: number;
  period: AssessmentPeriod;
  /** Completed results of that year and period, ranked. */
  results: PeriodResult[];
}

/** The latest year and period with a completed assessment dated within the scope's period. */
function chosenAssessment(scope: FactScope): ChosenAssessment | null {
  return memo(scope, 'targets.assessment', () => {
    const dated = all(
      scope.db,
      qb
        .selectFrom('target_assessments')
        .select(['year', 'period'])
        .distinct()
        .where('branch_id', '=', scope.branchId)
        .where('deleted_at', 'is', null)
        .where('assessed_date', '>=', scope.from)
        .where('assessed_date', '<=', scope.to)
        .orderBy('year', 'desc')
        .orderBy('period'), // 'final' sorts before 'mid'
    );
    for (const { year, period } of dated) {
      const results = periodResults(scope.db, scope.branchId, year, period).filter(
        (r) => r.rank !== null && r.assessment!.assessed_date !== null && r.assessment!.assessed_date >= scope.from && r.assessment!.assessed_date <= scope.to,
      );
      if (results.length) return { year, period, results };
    }
    return null;
  });
}

function assessmentRecords(results: readonly PeriodResult[]): CountedRecord[] {
  return results.map((r) => ({ table: 'target_assessments', id: r.assessment!.id, rev: r.assessment!.rev }));
}

const UNGRADED = '未定档';

function byGrade(scope: FactScope): FactResult {
  const chosen = chosenAssessment(scope);
  if (!chosen) return { data: { kind: 'series', total: 0, points: [] }, counted: [] };
  const grades = [...new Set(sortRewardRules(chosen.results.flatMap((r) => r.rules)).map((r) => r.grade)), UNGRADED];
  const points = grades
    .map((grade) => {
      const ids = chosen.results.filter((r) => (r.reward?.grade ?? UNGRADED) === grade).map((r) => r.assessment!.id);
      return { key: grade, label: grade, value: ids.length, source: idSource(ASSESSMENTS, ids) };
    })
    .filter((p) => p.key !== UNGRADED || p.value > 0);
  return { data: { kind: 'series', total: chosen.results.length, points }, counted: assessmentRecords(chosen.results) };
}

const TOP_COLUMNS = [
  { key: 'rank', label: '名次' },
  { key: 'name', label: '姓名' },
  { key: 'post', label: '岗位' },
  { key: 'total', label: '得分' },
  { key: 'grade', label: '档次' },
  { key: 'assessment', label: '考核' },
];

function topScorers(scope: FactScope): FactResult {
  const chosen = chosenAssessment(scope);
  if (!chosen) return { data: { kind: 'table', columns: TOP_COLUMNS, rows: [] }, counted: [] };
  const members = membersById(scope.db, scope.branchId);
  const sorted = [...chosen.results].sort((a, b) => a.rank! - b.rank!);
  const cutoff = sorted[Math.min(TOP_SCORERS, sorted.length) - 1]!.rank!;
  const top = sorted.filter((r) => r.rank! <= cutoff);
  const rows: FactTableRow[] = top.map((r) => ({
    key: r.assessment!.id,
    cells: {
      rank: r.rank,
      name: members.get(r.letter.member_id)?.name ?? r.letter.member_name,
      post: r.letter.post,
      total: r.totals.total,
      grade: r.reward?.grade ?? null,
      assessment: `${chosen.year}年${PERIOD_LABELS[chosen.period]}`,
    },
    source: idSource(ASSESSMENTS, [r.assessment!.id]),
  }));
  return { data: { kind: 'table', columns: TOP_COLUMNS, rows }, counted: assessmentRecords(top) };
}

const ZONE_COLUMNS = [
  { key: 'name', label: '责任区' },
  { key: 'member', label: '责任人' },
  { key: 'records', label: '记录次数' },
  { key: 'lastDate', label: '最近记录' },
  { key: 'lastContent', label: '最近记录内容' },
];

/** Live zones with their records dated within the period (zones without any are listed with 0). */
function zones(scope: FactScope): FactResult {
  const members = membersById(scope.db, scope.branchId);
  const zoneRows = all(
    scope.db,
    qb
      .selectFrom('target_zones')
      .select(['id', 'rev', 'name', 'member_id', 'start_date', 'end_date'])
      .where('branch_id', '=', scope.branchId)
      .where('deleted_at', 'is', null)
      .where('start_date', '<=', scope.to)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', scope.from)]))
      .orderBy('start_date')
      .orderBy('name'),
  );
  const records = all(
    scope.db,
    qb
      .selectFrom('target_zone_records')
      .select(['id', 'rev', 'zone_id', 'record_date', 'content'])
      .where('branch_id', '=', scope.branchId)
      .where('deleted_at', 'is', null)
      .where('record_date', '>=', scope.from)
      .where('record_date', '<=', scope.to)
      .orderBy('record_date', 'desc'),
  );
  const rows: FactTableRow[] = zoneRows.map((z) => {
    const own = records.filter((r) => r.zone_id === z.id);
    return {
      key: z.id,
      cells: { name: z.name, member: members.get(z.member_id)?.name ?? null, records: own.length, lastDate: own[0]?.record_date ?? null, lastContent: own[0]?.content ?? null },
      source: idSource(ZONES, [z.id]),
    };
  });
  const zoneIds = new Set(zoneRows.map((z) => z.id));
  const counted: CountedRecord[] = [
    ...zoneRows.map((z) => ({ table: 'target_zones', id: z.id, rev: z.rev })),
    ...records.filter((r) => zoneIds.has(r.zone_id)).map((r) => ({ table: 'target_zone_records', id: r.id, rev: r.rev })),
  ];
  return { data: { kind: 'table', columns: ZONE_COLUMNS, rows }, counted };
}

/** Projects finished (已完成) within the period. */
function finishedProjects(scope: FactScope) {
  return memo(scope, 'targets.projects.finished', () =>
    all(
      scope.db,
      qb
        .selectFrom('target_projects')
        .select(['id', 'rev', 'title', 'leader_id', 'member_ids', 'finished_date', 'outcome', 'benefit_yuan', 'benefit_days'])
        .where('branch_id', '=', scope.branchId)
        .where('deleted_at', 'is', null)
        .where('status', '=', '已完成')
        .where('finished_date', '>=', scope.from)
        .where('finished_date', '<=', scope.to)
        .orderBy('finished_date'),
    ),
  );
}

const PROJECT_COLUMNS = [
  { key: 'title', label: '项目' },
  { key: 'leader', label: '负责人' },
  { key: 'team', label: '成员' },
  { key: 'finishedDate', label: '完成日期' },
  { key: 'benefitYuan', label: '节约费用（元）' },
  { key: 'benefitDays', label: '节约时间（天）' },
  { key: 'benefit', label: '效益' },
  { key: 'outcome', label: '成果' },
];

function projects(scope: FactScope): FactResult {
  const members = membersById(scope.db, scope.branchId);
  const name = (id: string) => members.get(id)?.name ?? '';
  const found = finishedProjects(scope);
  const rows: FactTableRow[] = found.map((p) => ({
    key: p.id,
    cells: {
      title: p.title,
      leader: name(p.leader_id),
      team: (JSON.parse(p.member_ids) as string[]).map(name).join('、'),
      finishedDate: p.finished_date,
      benefitYuan: p.benefit_yuan,
      benefitDays: p.benefit_days,
      benefit: projectBenefitText(p.benefit_yuan, p.benefit_days),
      outcome: p.outcome,
    },
    source: idSource(PROJECTS, [p.id]),
  }));
  return { data: { kind: 'table', columns: PROJECT_COLUMNS, rows }, counted: found.map((p) => ({ table: 'target_projects', id: p.id, rev: p.rev })) };
}

/** The sum of one benefit over the projects finished within the period that measured it. */
function benefitFigure(scope: FactScope, column: 'benefit_yuan' | 'benefit_days'): FactResult {
  const measured = finishedProjects(scope).filter((p) => p[column] !== null);
  return {
    data: { kind: 'figure', value: measured.reduce((s, p) => s + p[column]!, 0), source: idSource(PROJECTS, measured.map((p) => p.id)) },
    counted: measured.map((p) => ({ table: 'target_projects', id: p.id, rev: p.rev })),
  };
}

const base = { capability: 'targets', periodKind: 'range' } as const;

export const TARGETS_FACTS: readonly FactSpec[] = [
  {
    ...base,
    key: 'targets.assessments.byGrade',
    title: '党员目标考核结果（按档次）',
    kind: 'series',
    unit: '人',
    description: '期间内完成的最近一次目标考核（年终考核优先于半年考核）中各档次的人数，档次按各人责任书的奖惩分数线确定。',
    compute: byGrade,
  },
  {
    ...base,
    key: 'targets.assessments.topScorers',
    title: '目标考核得分前列的党员',
    kind: 'table',
    unit: '分',
    description: `同一次考核中得分前 ${TOP_SCORERS} 名的党员（并列者一并列出），得分为支部评分合计。`,
    compute: topScorers,
  },
  {
    ...base,
    key: 'targets.zones.records',
    title: '党员示范责任区及履责记录',
    kind: 'table',
    unit: '次',
    description: '期间内设立中的党员示范责任区，及其在期间内的履责记录次数和最近一次记录。',
    compute: zones,
  },
  {
    ...base,
    key: 'targets.projects.finished',
    title: '完成的立项攻关项目及效益',
    kind: 'table',
    unit: '项',
    description: '期间内完成的立项攻关项目，及其成果和测算的效益（节约费用、节约时间）。',
    compute: projects,
  },
  {
    ...base,
    key: 'targets.projects.yuanSaved',
    title: '立项攻关节约费用',
    kind: 'figure',
    unit: '元',
    description: '期间内完成的立项攻关项目测算节约费用之和（未测算的项目不计）。',
    compute: (scope) => benefitFigure(scope, 'benefit_yuan'),
  },
  {
    ...base,
    key: 'targets.projects.daysWon',
    title: '立项攻关节约时间',
    kind: 'figure',
    unit: '天',
    description: '期间内完成的立项攻关项目测算节约时间之和（未测算的项目不计）。',
    compute: (scope) => benefitFigure(scope, 'benefit_days'),
  },
];
