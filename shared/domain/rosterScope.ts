/**
 * A roster filter in words, for the scope line a printed roster carries (范围：钻井二十班党小组；女). Main builds it from
 * the filter itself, so the app's export, its preview and the command line print the same line for the same members.
 */
import { EDUCATION_GROUPS } from './codes';
import { AGE_BANDS } from './member';

/** The filter fields that narrow which members a roster lists (a member search without paging or sorting). */
export interface RosterFilterFields {
  query?: string | null;
  partyGroupId?: string | null;
  category?: string | null;
  status?: string | null;
  educationGroup?: string | null;
  gender?: string | null;
  ageBand?: string | null;
}

/** How a roster names members in no party group. */
export const NO_PARTY_GROUP = '未编入党小组';

/** One phrase per condition, in the order the roster screen shows its filters; empty when nothing narrows the list. */
export function rosterScopeParts(filter: RosterFilterFields, groupName: (id: string) => string | undefined): string[] {
  const parts: string[] = [];
  const query = filter.query?.trim();
  if (query) parts.push(`含“${query}”`);
  if (filter.partyGroupId) parts.push(filter.partyGroupId === 'none' ? NO_PARTY_GROUP : (groupName(filter.partyGroupId) ?? '所选党小组'));
  if (filter.category) parts.push(filter.category);
  if (filter.status === 'all') parts.push('全部党籍状态');
  else if (filter.status && filter.status !== 'active') parts.push(`党籍状态：${filter.status}`);
  if (filter.educationGroup) {
    parts.push(`学历：${EDUCATION_GROUPS.find((e) => e.code === filter.educationGroup)?.label ?? filter.educationGroup}`);
  }
  if (filter.gender) parts.push(filter.gender);
  if (filter.ageBand) parts.push(`年龄：${(AGE_BANDS.find((b) => b.key === filter.ageBand)?.label ?? filter.ageBand).replace(/\s+/g, '')}`);
  return parts;
}

/** 范围：钻井二十班党小组；女 — or null for the whole branch. */
export function rosterScopeLine(parts: readonly string[]): string | null {
  return parts.length ? `范围：${parts.join('；')}` : null;
}
