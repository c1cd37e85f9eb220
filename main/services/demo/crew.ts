/**
 * The shape of a drilling crew (钻井队) for demo data: its party groups (党小组) by team, the posts
 * (岗位) of each team with their job category (工作岗位 014/015/016), and the crew's leading posts.
 */
import type { PARTY_POSTS } from '../../../shared/domain/codes';
import { weightedTable, type WeightedTable } from './random';

/** The demo crew's unit; also the 工作单位 of its members. */
export const DEMO_WORK_UNIT = '渤海钻探第一钻井队';

export type TeamKind = 'drilling' | 'mechanical' | 'mud' | 'electrical' | 'logistics' | 'technical' | 'office';

export interface Post {
  post: string;
  /** 014 企业管理人员, 015 企业专业技术人员, 016 工勤技能人员. */
  jobCategory: '014' | '015' | '016';
}

export interface Team {
  name: string;
  kind: TeamKind;
  /** Relative size of the team. */
  weight: number;
}

const p = (post: string, jobCategory: Post['jobCategory'], weight: number) => [{ post, jobCategory }, weight] as const;

export const TEAM_POSTS: Record<TeamKind, WeightedTable<Post>> = {
  drilling: weightedTable([p('司钻', '016', 1), p('副司钻', '016', 1.2), p('井架工', '016', 1.2), p('内钳工', '016', 1.5), p('外钳工', '016', 1.5), p('场地工', '016', 1)]),
  mechanical: weightedTable([p('机械师', '015', 1), p('机修工', '016', 3), p('司机', '016', 1)]),
  mud: weightedTable([p('泥浆大班', '016', 1), p('泥浆工', '016', 3)]),
  electrical: weightedTable([p('电气师', '015', 1), p('电工', '016', 3)]),
  logistics: weightedTable([p('炊事员', '016', 3), p('材料员', '016', 1), p('司机', '016', 1), p('保管员', '016', 1)]),
  technical: weightedTable([p('工程师', '015', 2), p('技术员', '015', 3), p('地质技术员', '015', 1), p('安全员', '015', 1)]),
  office: weightedTable([p('副队长', '014', 1), p('核算员', '014', 1), p('安全员', '015', 1), p('材料员', '016', 1)]),
};

/** Share of women in each team (drilling crews are mostly men). */
export const WOMEN_SHARE: Record<TeamKind, number> = {
  drilling: 0.02, mechanical: 0.03, mud: 0.08, electrical: 0.05, logistics: 0.4, technical: 0.25, office: 0.2,
};

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 in Chinese numerals (一, 十, 十一, 二十四). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

const FIRST_TEAMS: readonly Team[] = [
  { name: '钻井一班', kind: 'drilling', weight: 1.3 },
  { name: '钻井二班', kind: 'drilling', weight: 1.3 },
  { name: '机修班', kind: 'mechanical', weight: 0.8 },
  { name: '泥浆班', kind: 'mud', weight: 0.8 },
  { name: '后勤', kind: 'logistics', weight: 0.8 },
  { name: '钻井三班', kind: 'drilling', weight: 1.3 },
  { name: '电气班', kind: 'electrical', weight: 0.7 },
  { name: '钻井四班', kind: 'drilling', weight: 1.3 },
  { name: '技术组', kind: 'technical', weight: 0.8 },
  { name: '队部', kind: 'office', weight: 0.7 },
];

/** More groups than this would not help anyone find a member; large demo rosters get bigger groups. */
export const MAX_GROUPS = 30;

/** About one party group per ten members (8–12 is usual), at least one, at most MAX_GROUPS. */
export function crewTeams(members: number): Team[] {
  const count = Math.max(1, Math.min(MAX_GROUPS, Math.round(members / 10)));
  const teams = FIRST_TEAMS.slice(0, count);
  for (let i = 5; teams.length < count; i++) teams.push({ name: `钻井${chineseNumeral(i)}班`, kind: 'drilling', weight: 1.3 });
  return teams;
}

export function groupName(team: Team): string {
  return `${team.name}党小组`;
}

type PartyPost = (typeof PARTY_POSTS)[number];

export interface LeadingPost extends Post {
  partyPost: PartyPost;
}

/**
 * The crew's leading posts, each held by one member: the political instructor is the branch
 * secretary; a branch of seven or more members has a committee (支部条例, domain.md 1.7).
 */
export function leadingPosts(members: number): LeadingPost[] {
  const secretary: LeadingPost = { post: '指导员', jobCategory: '014', partyPost: '书记' };
  if (members < 7) return [secretary];
  return [
    secretary,
    { post: '队长', jobCategory: '014', partyPost: '副书记' },
    { post: '副队长', jobCategory: '014', partyPost: '组织委员' },
    { post: '工程师', jobCategory: '015', partyPost: '宣传委员' },
    { post: '机械师', jobCategory: '015', partyPost: '纪检委员' },
  ];
}
