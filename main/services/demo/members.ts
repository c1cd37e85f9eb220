/**
 * Demo members of a drilling crew's branch: pure and deterministic for a seed and a date.
 * Names, ID numbers and birth dates depend on the seed only; dates of joining are placed
 * relative to `today` (probationers joined within the last year).
 */
import { addDays, addMonths, addYears, daysBetween } from '../../../shared/domain/dates';
import type { Gender, MemberCategory, MemberStatus } from '../../../shared/domain/member';
import type { MemberImportItem } from '../roster/members';
import { crewTeams, DEMO_WORK_UNIT, groupName, leadingPosts, TEAM_POSTS, WOMEN_SHARE, type Post, type Team } from './crew';
import { demoName } from './names';
import { createRng, weightedTable, type Rng } from './random';
import { anyRegion, demoAddress, demoIdNumber, demoRegion, type Region } from './regions';

export interface DemoMemberOptions {
  /** 工作单位 of every member: the branch's unit. */
  workUnit?: string;
}

const ETHNICITIES = weightedTable<string>([['汉族', 930], ['回族', 25], ['蒙古族', 15], ['满族', 12], ['土家族', 10], ['维吾尔族', 8]]);

const EDUCATION_BY_JOB = {
  '014': weightedTable<string>([['21', 50], ['31', 25], ['14', 12], ['41', 8], ['61', 5]]),
  '015': weightedTable<string>([['21', 55], ['31', 22], ['14', 12], ['41', 8], ['61', 3]]),
  '016': weightedTable<string>([['31', 32], ['61', 20], ['41', 20], ['47', 10], ['21', 15], ['71', 3]]),
} as const;

const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '180', '181', '182', '183', '185', '186', '187', '188', '189'];
const MOBILE_DESTINATIONS = ['新疆维吾尔自治区克拉玛依市', '新疆维吾尔自治区库尔勒市', '四川省南充市', '陕西省榆林市', '甘肃省庆阳市', '内蒙古自治区鄂尔多斯市', '山西省吕梁市'];
const TRANSFER_TARGETS = ['渤海钻探第二钻井队', '渤海钻探井下作业公司', '华北油田采油三厂', '渤海钻探机关', '渤海钻探第五钻井队'];
/** Where the crew's base is: many members live there whatever their birthplace. */
const BASE: Region = { code: '130982', nativePlace: '河北省任丘市', city: '河北省任丘市' };

const EARLIEST_BIRTH = '1964-01-01';
const LATEST_BIRTH = '2003-12-31';

interface Slot {
  team: Team;
  post: Post;
  partyPost: string;
  /** Leading members are full members on the active roster. */
  leading: boolean;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function digits(rng: Rng, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += String(rng.int(0, 9));
  return s;
}

/** A birth date between 1964 and 2003 (no later than 22 years before today), weighted toward the middle. */
function birthDate(rng: Rng, today: string, probationer: boolean): string {
  const latest = addYears(LATEST_BIRTH, 22) <= today ? LATEST_BIRTH : addYears(today, -22);
  const earliest = probationer ? '1990-01-01' : EARLIEST_BIRTH;
  const span = Math.max(0, daysBetween(earliest, latest));
  const a = rng.next();
  const b = rng.next();
  const x = rng.chance(0.5) ? a : (a + b) / 2;
  return addDays(earliest, Math.floor(x * span));
}

interface MembershipDates {
  applicationDate: string | null;
  joinDate: string;
  fullDate: string | null;
  extended: boolean;
}

function membershipDates(rng: Rng, birth: string, category: MemberCategory, today: string): MembershipDates {
  const probationDays = rng.int(20, 340);
  const r = rng.next();
  const extended = category === '正式党员' && rng.chance(0.04);
  const earliestJoin = addYears(birth, 20);
  const latestJoin = addMonths(today, -18);
  const span = Math.max(0, Math.min(daysBetween(earliestJoin, latestJoin), 20 * 365));
  const joinDate = category === '预备党员' ? addDays(today, -probationDays) : addDays(earliestJoin, Math.floor(span * r ** 1.3));
  const fullDate = category === '预备党员' ? null : extended ? addMonths(joinDate, 18) : addYears(joinDate, 1);
  const applied = addDays(joinDate, -rng.int(400, 1500));
  const adult = addDays(addYears(birth, 18), 1);
  const applicationDate = rng.chance(0.92) ? (applied > adult ? applied : adult) : null;
  return { applicationDate, joinDate, fullDate, extended };
}

interface StatusFields {
  status: MemberStatus;
  lostContact: boolean;
  lostContactDate: string | null;
  mobileMember: boolean;
  mobileDestination: string;
  remark: string;
}

function statusFields(rng: Rng, slot: Slot, dates: MembershipDates, today: string): StatusFields {
  const x = rng.next();
  const monthsAgo = rng.int(8, 30);
  const destination = rng.pick(MOBILE_DESTINATIONS);
  const target = rng.pick(TRANSFER_TARGETS);
  const base: StatusFields = { status: '正常', lostContact: false, lostContactDate: null, mobileMember: false, mobileDestination: '', remark: '' };
  if (dates.extended) base.remark = '预备期延长半年';
  if (slot.leading || !dates.fullDate) return base;
  const since = addMonths(today, -monthsAgo);
  if (x < 0.015 && since > dates.fullDate) {
    return { ...base, status: '停止党籍', lostContact: true, lostContactDate: since.slice(0, 7), remark: '失去联系超过六个月，已停止党籍' };
  }
  if (x < 0.04 && since > dates.fullDate) {
    const [y, m] = since.split('-').map(Number);
    return { ...base, status: '转出', remark: `${y}年${m}月组织关系转至${target}` };
  }
  if (x < 0.06) return { ...base, mobileMember: true, mobileDestination: destination };
  return base;
}

function slotFor(rng: Rng, index: number, teams: readonly Team[], leading: ReturnType<typeof leadingPosts>, teamTable: ReturnType<typeof weightedTable<Team>>): Slot {
  const lead = leading[index];
  if (lead) {
    const team = teams.find((t) => t.kind === 'office') ?? teams[0]!;
    return { team, post: lead, partyPost: lead.partyPost, leading: true };
  }
  const team = rng.weighted(teamTable);
  return { team, post: rng.weighted(TEAM_POSTS[team.kind]), partyPost: '', leading: false };
}

/** Demo members one at a time (so a job can prepare them in slices). */
export function* demoMemberStream(count: number, seed: number, today: string, options: DemoMemberOptions = {}): Generator<MemberImportItem> {
  const rng = createRng(seed, 'members');
  const teams = crewTeams(count);
  const teamTable = weightedTable(teams.map((t) => [t, t.weight] as const));
  const leading = leadingPosts(count);
  const taken = new Set<string>();
  const groupsWithLeader = new Set<string>();
  for (let index = 0; index < count; index++) {
    const slot = slotFor(rng, index, teams, leading, teamTable);
    const gender: Gender = rng.chance(WOMEN_SHARE[slot.team.kind]) ? '女' : '男';
    const category: MemberCategory = !slot.leading && rng.chance(0.1) ? '预备党员' : '正式党员';
    const birth = birthDate(rng, today, category === '预备党员');
    const ethnicity = rng.weighted(ETHNICITIES);
    const region = demoRegion(rng, ethnicity);
    const name = demoName(rng, gender, Number(birth.slice(0, 4)), ethnicity);
    const idNumber = demoIdNumber(rng, region, birth, gender === '男', taken);
    const dates = membershipDates(rng, birth, category, today);
    const { applicationDate, joinDate, fullDate } = dates;
    const status = statusFields(rng, slot, dates, today);
    const nativePlace = rng.chance(0.8) ? region.nativePlace : anyRegion(rng).nativePlace;
    const address = demoAddress(rng, rng.chance(0.5) ? BASE : region);
    const phone = rng.pick(PHONE_PREFIXES) + digits(rng, 8);
    const landline = rng.chance(0.1) ? `0317-27${digits(rng, 5)}` : '';
    const education = rng.weighted(EDUCATION_BY_JOB[slot.post.jobCategory]);
    const group = groupName(slot.team);
    let partyPost = slot.partyPost;
    if (!partyPost && category === '正式党员' && status.status === '正常' && !status.mobileMember && !groupsWithLeader.has(group)) {
      partyPost = '党小组长';
      groupsWithLeader.add(group);
    }
    yield {
      name,
      gender,
      ethnicity: ethnicity as MemberImportItem['ethnicity'],
      idNumber,
      birthDate: birth,
      education,
      nativePlace,
      category,
      applicationDate,
      joinDate,
      fullDate,
      jobCategory: slot.post.jobCategory,
      workUnit: options.workUnit ?? DEMO_WORK_UNIT,
      post: slot.post.post,
      partyPost,
      partyGroup: group,
      phone,
      landline,
      address,
      ...status,
    };
  }
}

/** `count` demo members for `seed`, with dates relative to `today` (YYYY-MM-DD). */
export function generateDemoMembers(count: number, seed: number, today: string, options: DemoMemberOptions = {}): MemberImportItem[] {
  return Array.from(demoMemberStream(count, seed, today, options));
}
