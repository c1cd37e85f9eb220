/**
 * The roster's facts: who was on the roster on a date (in all, by category, group, gender, ethnicity, education,
 * age and Party standing, counted by the rules of 党员队伍基本情况统计表) and what changed in a period
 * (admissions, 转正, transfers, departures). See ./asOf.ts for how the roster of a past date is rebuilt.
 * Registered on import: the central list of capabilities imports this module.
 */
import { filterSource, idSource, type FactPoint, type FactSource } from '../../../shared/domain/facts';
import type { MemberEventKind } from '../../../shared/domain/memberEvents';
import { HIGH_SCHOOL_OR_BELOW } from '../../../shared/domain/codes';
import { MINORITIES, type MemberChangeKey } from '../../../shared/domain/member';
import {
  AGE_BAND_LABELS,
  computeBranchStatistics,
  EDUCATION_BANDS,
  STANDING_BANDS,
  type BranchStatistics,
} from '../../../shared/domain/statistics';
import { prepare } from '../../db/query';
import { memo, type CountedRecord, type FactResult, type FactScope, type FactSpec } from '../facts/registry';
import { arrivedOn, historyOf, rosterOn, type StoredMember } from './asOf';

const ROSTER = { table: 'members', label: '党员名册', screen: 'roster' } as const;
type Filter = Record<string, string>;

/** The roster screen shows today's roster: its filters are exact for facts counted today only. */
function screenFilter(scope: FactScope, specific: Filter): NonNullable<FactSource['filter']> | null {
  if (scope.at !== scope.today) return null;
  return { status: 'active', ...specific, ...(scope.isLocalBranch ? {} : { branchId: scope.branchId }) };
}

function rosterSource(scope: FactScope, members: readonly { id: string }[], specific: Filter | null): FactSource {
  const filter = specific && screenFilter(scope, specific);
  return filter ? filterSource(ROSTER, filter, members.length) : idSource(ROSTER, members.map((m) => m.id));
}

function countedMembers(members: readonly StoredMember[]): CountedRecord[] {
  return members.map((m) => ({ table: 'members', id: m.id, rev: m.rev }));
}

// ---- the roster on a date ----

/** Which band of each table of the statistics a member falls in, by the statistics' own rules. */
interface Bands {
  category: string;
  gender: string;
  ethnicity: string;
  education: string;
  age: string;
  standing: string;
  group: string;
}

function bandOf(counts: Record<string, number>): string {
  return Object.keys(counts).find((k) => counts[k] === 1) ?? '';
}

function bandsOf(m: StoredMember, date: string): Bands {
  const s = computeBranchStatistics([m], date);
  return {
    category: bandOf(s.category),
    gender: bandOf(s.gender),
    ethnicity: bandOf(s.ethnicity),
    education: bandOf(s.education),
    age: bandOf(s.age),
    standing: bandOf(s.partyStanding),
    group: s.partyGroups[0]?.label ?? '',
  };
}

interface Classified {
  member: StoredMember;
  bands: Bands;
}

function classifiedRoster(scope: FactScope): Classified[] {
  return memo(scope, `roster.classified:${scope.at}`, () => rosterOn(scope).map((member) => ({ member, bands: bandsOf(member, scope.at) })));
}

interface Band {
  key: string;
  label: string;
  /** The member's value in Bands that puts them in this band, when it is not `key` (groups: their name). */
  match?: string;
  /** The roster search filter that shows exactly this band (today), if there is one. */
  filter: Filter | null;
}

interface Dimension {
  key: string;
  title: string;
  description: string;
  band: keyof Bands;
  bands(members: readonly Classified[], at: string): Band[];
}

function seriesOf(scope: FactScope, dim: Dimension): FactResult {
  const members = classifiedRoster(scope);
  const points: FactPoint[] = dim.bands(members, scope.at).map((b) => {
    const inBand = members.filter((c) => c.bands[dim.band] === (b.match ?? b.key)).map((c) => c.member);
    return { key: b.key, label: b.label, value: inBand.length, source: rosterSource(scope, inBand, b.filter) };
  });
  return { data: { kind: 'series', total: members.length, points }, counted: countedMembers(members.map((c) => c.member)) };
}

const fixed = (bands: Band[]) => () => bands;
/** Bands of a member field whose values are the bands' labels: each one's roster filter is that value. */
const byValue = (field: string, labels: Record<string, string>) =>
  fixed(Object.entries(labels).map(([key, label]) => ({ key, label, filter: { [field]: label } })));

/** statistics.ts age bands -> the roster search's age bands (the same limits). */
const AGE_FILTER: Record<keyof BranchStatistics['age'], string> = {
  under30: 'under30',
  from30to39: '30to39',
  from40to49: '40to49',
  from50to59: '50to59',
  from60: '60plus',
};
const EDUCATION_FILTER: Partial<Record<keyof BranchStatistics['education'], string>> = {
  postgraduate: '10',
  undergraduate: '20',
  juniorCollege: '30',
  secondary: '40',
  highSchoolOrBelow: HIGH_SCHOOL_OR_BELOW.code,
};

/** Groups as the statistics list them (by name, then 未编入党小组); a group's filter is its id. */
function groupBands(members: readonly Classified[], at: string): Band[] {
  const rows = computeBranchStatistics(members.map((c) => c.member), at).partyGroups;
  return rows.map((row) => {
    const ids = new Set(members.filter((c) => c.bands.group === row.label).map((c) => c.member.partyGroupId ?? 'none'));
    const only = ids.size === 1 ? [...ids][0]! : null;
    return { key: only ?? row.label, label: row.label, match: row.label, filter: only ? { partyGroupId: only } : null };
  });
}

const DIMENSIONS: Dimension[] = [
  {
    key: 'roster.members.byCategory',
    title: '党员人数（按人员类别）',
    description: '统计日在册的正式党员和预备党员人数；转正日期在统计日之后的计为预备党员。',
    band: 'category',
    bands: byValue('category', { full: '正式党员', probationary: '预备党员' }),
  },
  {
    key: 'roster.members.byGroup',
    title: '党员人数（按党小组）',
    description: '统计日在册党员按党小组分布；党小组按现在的编组计。',
    band: 'group',
    bands: groupBands,
  },
  {
    key: 'roster.members.byGender',
    title: '党员人数（按性别）',
    description: '统计日在册党员按性别分布。',
    band: 'gender',
    bands: byValue('gender', { male: '男', female: '女' }),
  },
  {
    key: 'roster.members.byEthnicity',
    title: '党员人数（按民族）',
    description: '统计日在册党员中汉族和少数民族人数。',
    band: 'ethnicity',
    bands: fixed([
      { key: 'han', label: '汉族', filter: { ethnicity: '汉族' } },
      { key: 'minority', label: '少数民族', filter: { ethnicity: MINORITIES } },
    ]),
  },
  {
    key: 'roster.members.byEducation',
    title: '党员人数（按学历）',
    description: '统计日在册党员按学历分组（研究生、大学本科、大学专科、中专、高中及以下）；学历按现在的记录计。',
    band: 'education',
    bands: fixed(EDUCATION_BANDS.map((b) => ({ key: b.key, label: b.label, filter: EDUCATION_FILTER[b.key] ? { educationGroup: EDUCATION_FILTER[b.key]! } : null }))),
  },
  {
    key: 'roster.members.byAge',
    title: '党员人数（按年龄）',
    description: '统计日在册党员按统计日的周岁年龄分组。',
    band: 'age',
    bands: fixed(AGE_BAND_LABELS.map((b) => ({ key: b.key, label: b.label, filter: { ageBand: AGE_FILTER[b.key] } }))),
  },
  {
    key: 'roster.members.byStanding',
    title: '党员人数（按党龄）',
    description: '统计日在册党员按党龄分组；党龄自转正之日起计算，预备党员不计党龄。',
    band: 'standing',
    bands: fixed(STANDING_BANDS.map((b) => ({ key: b.key, label: b.label, filter: { standing: b.key } }))),
  },
];

const atFact = { kind: 'series', capability: 'roster', unit: '人', periodKind: 'at' } as const;

const totalFact: FactSpec = {
  key: 'roster.members.total',
  title: '党员总数',
  kind: 'figure',
  capability: 'roster',
  unit: '人',
  periodKind: 'at',
  description: '统计日在册党员人数（含停止党籍的党员）。在此之前转出、出党、去世的不计，尚未入党或转入的不计。',
  compute(scope) {
    const members = rosterOn(scope);
    return { data: { kind: 'figure', value: members.length, source: rosterSource(scope, members, {}) }, counted: countedMembers(members) };
  },
};

// ---- what changed in a period ----

const inPeriod = (scope: FactScope, date: string | null) => date !== null && date >= scope.from && date <= scope.to;

/**
 * The roster lists a period's changes by their dates and records, whatever the members' status now (the search's
 * `change`, written as these facts count): its filter shows exactly the members counted, on any day; the ids stay for
 * reports.
 */
function changeFilter(scope: FactScope, change: MemberChangeKey): NonNullable<FactSource['filter']> {
  return { status: 'all', change, changeFrom: scope.from, changeTo: scope.to, ...(scope.isLocalBranch ? {} : { branchId: scope.branchId }) };
}

function membersFigure(scope: FactScope, change: MemberChangeKey, members: readonly StoredMember[], extra: CountedRecord[] = []): FactResult {
  const source = { ...idSource(ROSTER, members.map((m) => m.id)), filter: changeFilter(scope, change) };
  return { data: { kind: 'figure', value: members.length, source }, counted: [...countedMembers(members), ...extra] };
}

const rangeFigure = { kind: 'figure', capability: 'roster', unit: '人', periodKind: 'range' } as const;

interface EventRow {
  id: string;
  rev: string;
  memberId: string;
  kind: MemberEventKind;
}

function eventsInPeriod(scope: FactScope, kinds: readonly MemberEventKind[]): EventRow[] {
  return prepare(
    scope.db,
    `SELECT e.id, e.rev, e.member_id AS memberId, e.kind FROM member_events e JOIN members m ON m.id = e.member_id
      WHERE e.branch_id = ? AND e.deleted_at IS NULL AND m.deleted_at IS NULL
        AND e.kind IN (SELECT value FROM json_each(?)) AND e.event_date BETWEEN ? AND ?`,
  ).all(scope.branchId, JSON.stringify(kinds), scope.from, scope.to) as EventRow[];
}

/** The members the events are of (each once), and the events themselves as counted records. */
function eventMembers(scope: FactScope, events: readonly EventRow[]): { members: StoredMember[]; counted: CountedRecord[] } {
  const ids = new Set(events.map((e) => e.memberId));
  const members = historyOf(scope).members.filter((m) => ids.has(m.id));
  return { members, counted: events.map((e) => ({ table: 'member_events', id: e.id, rev: e.rev })) };
}

function eventFigure(key: string, title: string, kind: MemberEventKind, change: MemberChangeKey, description: string): FactSpec {
  return {
    ...rangeFigure,
    key,
    title,
    description,
    compute(scope) {
      const { members, counted } = eventMembers(scope, eventsInPeriod(scope, [kind]));
      return membersFigure(scope, change, members, counted);
    },
  };
}

const LEAVING: { kind: MemberEventKind; key: string }[] = [
  { kind: '转出', key: 'transferredOut' },
  { kind: '出党', key: 'left' },
  { kind: '去世', key: 'died' },
];

const PERIOD_FACTS: FactSpec[] = [
  {
    ...rangeFigure,
    key: 'roster.members.admitted',
    title: '发展党员人数（接收预备党员）',
    description: '入党日期在期间内、在本支部入党的党员人数（由其他支部转入的不计；含之后已离开的）。',
    compute(scope) {
      const h = historyOf(scope);
      return membersFigure(scope, 'admitted', h.members.filter((m) => !h.arrival.has(m.id) && inPeriod(scope, m.joinDate)));
    },
  },
  {
    ...rangeFigure,
    key: 'roster.members.turnedFull',
    title: '预备党员转正人数',
    description: '转正日期在期间内、转正时在本支部的党员人数（含之后已离开的）。',
    compute(scope) {
      const h = historyOf(scope);
      return membersFigure(scope, 'turnedFull', h.members.filter((m) => inPeriod(scope, m.fullDate) && arrivedOn(h, m) <= m.fullDate!));
    },
  },
  eventFigure('roster.transfers.in', '转入党员人数', '转入', 'transferredIn', '期间内办理组织关系转入本支部的党员人数（按转入记录）。'),
  eventFigure('roster.transfers.out', '转出党员人数', '转出', 'transferredOut', '期间内办理组织关系转出本支部的党员人数（按转出记录）。'),
  {
    ...rangeFigure,
    kind: 'series',
    key: 'roster.members.leftByKind',
    title: '减少党员人数（按原因）',
    description: '期间内转出、出党、去世的党员人数（按变动记录）。',
    compute(scope) {
      const events = eventsInPeriod(scope, LEAVING.map((l) => l.kind));
      const { members, counted } = eventMembers(scope, events);
      const points = LEAVING.map(({ kind, key }) => {
        const ids = new Set(events.filter((e) => e.kind === kind).map((e) => e.memberId));
        const of = members.filter((m) => ids.has(m.id));
        return { key, label: kind, value: of.length, source: idSource(ROSTER, of.map((m) => m.id)) };
      });
      return { data: { kind: 'series', total: members.length, points }, counted: [...countedMembers(members), ...counted] };
    },
  },
];

export const ROSTER_FACTS: readonly FactSpec[] = [
  totalFact,
  ...DIMENSIONS.map((dim): FactSpec => ({ ...atFact, key: dim.key, title: dim.title, description: dim.description, compute: (scope) => seriesOf(scope, dim) })),
  ...PERIOD_FACTS,
];

