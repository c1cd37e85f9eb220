/**
 * A roster filter in words, for the scope line a printed roster carries (范围：钻井二十班党小组；女). Main builds it from
 * the filter itself, so the app's export, its preview and the command line print the same line for the same members.
 */
import { EDUCATION_GROUPS, HIGH_SCHOOL_OR_BELOW } from './codes';
import { localToday } from './dates';
import { AGE_BANDS, MEMBER_CHANGES } from './member';
import { STANDING_BANDS } from './statistics';

/** The filter fields that narrow which members a roster lists (a member search without paging or sorting). */
export interface RosterFilterFields {
  query?: string | null;
  partyGroupId?: string | null;
  category?: string | null;
  status?: string | null;
  educationGroup?: string | null;
  gender?: string | null;
  ageBand?: string | null;
  ethnicity?: string | null;
  standing?: string | null;
  change?: string | null;
  changeFrom?: string | null;
  changeTo?: string | null;
}

/** 党龄：5—9年 */
export function standingPhrase(key: string): string {
  return `党龄：${STANDING_BANDS.find((b) => b.key === key)?.label ?? key}`;
}

/** 2026-01-01 至 2026-12-07 转入 (from: 1 January of `today`'s year, to: today, when not given). */
export function changePhrase(f: Pick<RosterFilterFields, 'change' | 'changeFrom' | 'changeTo'>, today: string): string {
  const label = MEMBER_CHANGES.find((c) => c.key === f.change)?.label ?? f.change ?? '';
  return `${f.changeFrom ?? `${today.slice(0, 4)}-01-01`} 至 ${f.changeTo ?? today} ${label}`;
}

/** How a roster names members in no party group. */
export const NO_PARTY_GROUP = '未编入党小组';

/** 研究生…, or 高中及以下. */
export function educationFilterLabel(code: string): string {
  return code === HIGH_SCHOOL_OR_BELOW.code ? HIGH_SCHOOL_OR_BELOW.label : (EDUCATION_GROUPS.find((e) => e.code === code)?.label ?? code);
}

/** One phrase per condition, in the order the roster screen shows its filters; empty when nothing narrows the list. */
export function rosterScopeParts(filter: RosterFilterFields, groupName: (id: string) => string | undefined, today = localToday()): string[] {
  const parts: string[] = [];
  const query = filter.query?.trim();
  if (query) parts.push(`含“${query}”`);
  if (filter.partyGroupId) parts.push(filter.partyGroupId === 'none' ? NO_PARTY_GROUP : (groupName(filter.partyGroupId) ?? '所选党小组'));
  if (filter.category) parts.push(filter.category);
  if (filter.status === 'all') parts.push('全部党籍状态');
  else if (filter.status && filter.status !== 'active') parts.push(`党籍状态：${filter.status}`);
  if (filter.educationGroup) {
    parts.push(`学历：${educationFilterLabel(filter.educationGroup)}`);
  }
  if (filter.gender) parts.push(filter.gender);
  if (filter.ageBand) parts.push(`年龄：${(AGE_BANDS.find((b) => b.key === filter.ageBand)?.label ?? filter.ageBand).replace(/\s+/g, '')}`);
  if (filter.ethnicity) parts.push(filter.ethnicity);
  if (filter.standing) parts.push(standingPhrase(filter.standing));
  if (filter.change) parts.push(changePhrase(filter, today).replace(/ /g, ''));
  return parts;
}

/** 范围：钻井二十班党小组；女 — or null for the whole branch. */
export function rosterScopeLine(parts: readonly string[]): string | null {
  return parts.length ? `范围：${parts.join('；')}` : null;
}
