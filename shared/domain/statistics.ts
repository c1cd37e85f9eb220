/** The figures of 党员队伍基本情况统计表, and how they are counted from the roster. */
import { educationGroup, resolveEducation } from './codes';
import { fullYearsBetween } from './dates';
import { chineseNumeralValue } from './numerals';
/** The fields the statistics read: the roster's Member has them, and so does a row of a printed roster. */
export interface StatisticsMember {
  readonly category?: unknown;
  readonly gender?: unknown;
  readonly ethnicity?: unknown;
  readonly education?: unknown;
  readonly birthDate?: unknown;
  readonly fullDate?: unknown;
  readonly partyGroup?: unknown;
  readonly status?: unknown;
}
type RosterMember = StatisticsMember;

export interface CountRow {
  label: string;
  count: number;
}

/** Counts of the active members on one date. Every group below adds up to `total`. */
export interface BranchStatistics {
  total: number;
  category: { full: number; probationary: number };
  gender: { male: number; female: number };
  ethnicity: { han: number; minority: number };
  /** GB/T 4658 groups: 10 研究生, 20 大学本科, 30 大学专科, 40 中专 (中等职业教育), 60–90 高中及以下. */
  education: { postgraduate: number; undergraduate: number; juniorCollege: number; secondary: number; highSchoolOrBelow: number };
  age: { under30: number; from30to39: number; from40to49: number; from50to59: number; from60: number };
  /** 党龄 counts from full membership (党章 Art. 7); probationary members have none yet. */
  partyStanding: {
    probationary: number;
    under5: number;
    from5to9: number;
    from10to19: number;
    from20to29: number;
    from30to49: number;
    from50: number;
  };
  /** Each party group by name, then "未编入党小组" if anyone is in none. */
  partyGroups: CountRow[];
}

export const EDUCATION_BANDS = [
  { key: 'postgraduate', label: '研究生' },
  { key: 'undergraduate', label: '大学本科' },
  { key: 'juniorCollege', label: '大学专科' },
  { key: 'secondary', label: '中专' },
  { key: 'highSchoolOrBelow', label: '高中及以下' },
] as const;

export const AGE_BAND_LABELS = [
  { key: 'under30', label: '30岁以下' },
  { key: 'from30to39', label: '30—39岁' },
  { key: 'from40to49', label: '40—49岁' },
  { key: 'from50to59', label: '50—59岁' },
  { key: 'from60', label: '60岁及以上' },
] as const;

/** 党龄 bands: whole years since 转正 from `min` to `max` (null: no upper limit); probationers have none (min null). */
export const STANDING_BANDS = [
  { key: 'probationary', label: '预备党员（未计党龄）', min: null, max: null },
  { key: 'under5', label: '不满5年', min: 0, max: 4 },
  { key: 'from5to9', label: '5—9年', min: 5, max: 9 },
  { key: 'from10to19', label: '10—19年', min: 10, max: 19 },
  { key: 'from20to29', label: '20—29年', min: 20, max: 29 },
  { key: 'from30to49', label: '30—49年', min: 30, max: 49 },
  { key: 'from50', label: '50年及以上', min: 50, max: null },
] as const;
export type StandingBandKey = (typeof STANDING_BANDS)[number]['key'];

export const NO_GROUP = '未编入党小组';
const ACTIVE = new Set(['正常', '停止党籍']);

function educationBand(value: unknown): keyof BranchStatistics['education'] {
  const code = resolveEducation(String(value ?? '')) ?? '90';
  const group = educationGroup(code);
  if (group === '10') return 'postgraduate';
  if (group === '20') return 'undergraduate';
  if (group === '30') return 'juniorCollege';
  if (group === '40') return 'secondary';
  return 'highSchoolOrBelow';
}

function ageBand(age: number): keyof BranchStatistics['age'] {
  if (age < 30) return 'under30';
  if (age < 40) return 'from30to39';
  if (age < 50) return 'from40to49';
  if (age < 60) return 'from50to59';
  return 'from60';
}

function standingBand(m: RosterMember, date: string): keyof BranchStatistics['partyStanding'] {
  const full = typeof m.fullDate === 'string' && m.fullDate !== '' && m.fullDate <= date ? m.fullDate : null;
  if (m.category === '预备党员' || !full) return 'probationary';
  const years = fullYearsBetween(full, date);
  if (years < 5) return 'under5';
  if (years < 10) return 'from5to9';
  if (years < 20) return 'from10to19';
  if (years < 30) return 'from20to29';
  if (years < 50) return 'from30to49';
  return 'from50';
}

function emptyStatistics(): BranchStatistics {
  return {
    total: 0,
    category: { full: 0, probationary: 0 },
    gender: { male: 0, female: 0 },
    ethnicity: { han: 0, minority: 0 },
    education: { postgraduate: 0, undergraduate: 0, juniorCollege: 0, secondary: 0, highSchoolOrBelow: 0 },
    age: { under30: 0, from30to39: 0, from40to49: 0, from50to59: 0, from60: 0 },
    partyStanding: { probationary: 0, under5: 0, from5to9: 0, from10to19: 0, from20to29: 0, from30to49: 0, from50: 0 },
    partyGroups: [],
  };
}

/**
 * Counts the members on the active roster (status 正常 or 停止党籍, or no status given) as of `date` (YYYY-MM-DD):
 * ages and Party standing are whole years on that date.
 */
export function computeBranchStatistics(members: readonly RosterMember[], date: string): BranchStatistics {
  const s = emptyStatistics();
  const groups = new Map<string, number>();
  for (const m of members) {
    if (m.status !== undefined && !ACTIVE.has(String(m.status))) continue;
    s.total++;
    s.category[m.category === '预备党员' ? 'probationary' : 'full']++;
    s.gender[m.gender === '女' ? 'female' : 'male']++;
    s.ethnicity[m.ethnicity === '汉族' ? 'han' : 'minority']++;
    s.education[educationBand(m.education)]++;
    s.age[ageBand(typeof m.birthDate === 'string' ? fullYearsBetween(m.birthDate, date) : 0)]++;
    s.partyStanding[standingBand(m, date)]++;
    const group = typeof m.partyGroup === 'string' && m.partyGroup !== '' ? m.partyGroup : NO_GROUP;
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  const named = [...groups].filter(([label]) => label !== NO_GROUP).sort(([a], [b]) => compareGroupNames(a, b));
  s.partyGroups = named.map(([label, count]) => ({ label, count }));
  if (groups.has(NO_GROUP)) s.partyGroups.push({ label: NO_GROUP, count: groups.get(NO_GROUP)! });
  return s;
}

/** 第二党小组 before 第十党小组: Chinese numerals compare by value, the rest by pinyin. */
export function compareGroupNames(a: string, b: string): number {
  const key = (s: string) => s.replace(/[零一二三四五六七八九十百]+/g, (m) => String(chineseNumeralValue(m)).padStart(4, '0'));
  return key(a).localeCompare(key(b), 'zh-Hans-CN');
}
