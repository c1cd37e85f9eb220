/**
 * 民主评议党员 (domain.md 3): the pure rules of the ballot and the tally. No national formula exists for
 * proposing a grade from the votes, so the thresholds are the campaign's own (configurable) rules.
 *
 * - A ballot sheet (测评表) has a serial, a voter type (党员 / 群众) and one mark per appraised member (1 优秀,
 *   2 合格, 3 基本合格, 4 不合格; a member left unmarked is not counted for that member), or it is spoilt (废票).
 * - With double entry every sheet is entered twice; only sheets whose two entries agree are tallied.
 * - 预备党员 take part but are not graded: they have no row on the ballot.
 */
import { z } from 'zod';
import { addDays, addMonths, isIsoDate } from './dates';

export const GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];
/** The digit typed for a grade (1–4) is its index + 1. */
export type GradeDigit = 1 | 2 | 3 | 4;
export const gradeOfDigit = (d: number): Grade => GRADES[d - 1]!;
export const digitOfGrade = (g: Grade): GradeDigit => (GRADES.indexOf(g) + 1) as GradeDigit;

export const VOTER_TYPES = ['党员', '群众'] as const;
export type VoterType = (typeof VOTER_TYPES)[number];

export const STAGES = ['学习动员', '个人自评', '党员互评', '民主测评', '组织评定', '公示', '结果反馈'] as const;
export type Stage = (typeof STAGES)[number];

/** The rules in force for a campaign. Shares are fractions num/den or integer percentages, so that comparisons stay exact. */
export interface AppraisalRules {
  /** 优秀 at most num/den of the graded members (default 1/3). */
  excellentCapNum: number;
  excellentCapDen: number;
  /** 不合格 is proposed when 不合格 votes are at least this % of the member's votes. */
  unqualifiedPct: number;
  /** 基本合格 is proposed when 基本合格 + 不合格 votes are at least this % of the member's votes. */
  basicPct: number;
  /** 优秀 is proposed (within the cap) when 优秀 votes are more than this % of the member's votes. */
  excellentPct: number;
}

export const DEFAULT_RULES: AppraisalRules = { excellentCapNum: 1, excellentCapDen: 3, unqualifiedPct: 50, basicPct: 30, excellentPct: 50 };

export const RULE_LABELS: Record<keyof AppraisalRules, string> = {
  excellentCapNum: '优秀比例上限（分子）',
  excellentCapDen: '优秀比例上限（分母）',
  unqualifiedPct: '提议不合格的不合格票比例',
  basicPct: '提议基本合格的基本合格及不合格票比例',
  excellentPct: '提议优秀的优秀票比例',
};

const pct = (label: string) =>
  z.number({ error: `请填写${label}` }).int({ error: `${label}应为整数` }).min(0, { error: `${label}应在 0 至 100 之间` }).max(100, { error: `${label}应在 0 至 100 之间` });

export const rulesSchema = z
  .object({
    excellentCapNum: z.number().int().min(0, { error: '应为 0 或正整数' }).max(100),
    excellentCapDen: z.number().int().min(1, { error: '应为正整数' }).max(100),
    unqualifiedPct: pct('不合格票比例'),
    basicPct: pct('基本合格票比例'),
    excellentPct: pct('优秀票比例'),
  })
  .refine((r) => r.excellentCapNum <= r.excellentCapDen, { error: '优秀比例上限不能超过 100%', path: ['excellentCapNum'] });

export interface StageDate {
  stage: Stage;
  /** YYYY-MM-DD or null while not set. */
  date: string | null;
}

export const stageDatesSchema = z
  .array(z.object({ stage: z.enum(STAGES, { error: '评议环节无效' }), date: z.string().refine(isIsoDate, { error: '请填写有效日期（年-月-日）' }).nullable() }))
  .max(STAGES.length)
  .refine((list) => new Set(list.map((s) => s.stage)).size === list.length, { error: '同一环节只能填写一次' });

/** Every stage, in order, with the dates given (null for the others). */
export function allStages(given: readonly StageDate[] = []): StageDate[] {
  return STAGES.map((stage) => ({ stage, date: given.find((s) => s.stage === stage)?.date ?? null }));
}

/** Stage dates must not go backwards: the first problem names the stage. */
export function stageOrderProblem(stages: readonly StageDate[]): string | null {
  let last: StageDate | null = null;
  for (const s of allStages(stages)) {
    if (!s.date) continue;
    if (last && s.date < last.date!) return `${s.stage}的日期（${s.date}）早于${last.stage}（${last.date}）`;
    last = s;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Serials and the ballots issued

/** Digits only, padded to 3 (7 → 007); anything else is kept as typed (trimmed). */
export function normalizeSerial(serial: string): string {
  const s = serial.trim();
  return /^\d+$/.test(s) ? String(Number(s)).padStart(3, '0') : s;
}

/** The serials printed on the issued sheets: 001 … total. */
export function issuedSerials(total: number): string[] {
  return Array.from({ length: total }, (_, i) => normalizeSerial(String(i + 1)));
}

/** Why this serial cannot be one of the issued sheets, or null. */
export function serialProblem(serial: string, totalIssued: number): string | null {
  const s = normalizeSerial(serial);
  if (!/^\d+$/.test(s)) return `编号“${serial}”无效，应为数字`;
  const n = Number(s);
  if (n < 1 || n > totalIssued) return `编号 ${s} 超出已发放的测评表（共 ${totalIssued} 张，编号 001 至 ${normalizeSerial(String(totalIssued))}）`;
  return null;
}

export interface IssuedBallots {
  members: number;
  masses: number;
}

/**
 * A new sheet of this voter type may be entered only while fewer sheets of that type than were issued have been
 * collected. `collected` counts the sheets already entered, by voter type (the new one not included).
 */
export function collectedProblem(serial: string, voterType: VoterType, collected: Record<VoterType, number>, issued: IssuedBallots): string | null {
  const limit = voterType === '党员' ? issued.members : issued.masses;
  if (collected[voterType] + 1 > limit) {
    return `编号 ${normalizeSerial(serial)}：${voterType}测评表已录入 ${collected[voterType]} 张，已达发放数 ${limit} 张，收回的不能多于发放的`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Sheets, double entry

/** One entry of one sheet: marks by member id. A spoilt sheet has no marks. */
export interface SheetEntry {
  serial: string;
  voterType: VoterType;
  spoilt: boolean;
  marks: Readonly<Record<string, GradeDigit>>;
}

export interface SheetEntries {
  serial: string;
  first: SheetEntry;
  second: SheetEntry | null;
}

export interface EntryDifference {
  serial: string;
  /** null for a difference of the whole sheet (voter type, spoilt). */
  memberId: string | null;
  /** What differs, in Chinese: 投票人类别 / 废票 / the member's name. */
  what: string;
  first: string;
  second: string;
}

const markText = (d: GradeDigit | undefined) => (d ? gradeOfDigit(d) : '未勾选');

/** Every cell where the two entries of a sheet differ, by serial and member (in the order of `memberIds`). */
export function entryDifferences(a: SheetEntry, b: SheetEntry, members: readonly { id: string; name: string }[]): EntryDifference[] {
  const diffs: EntryDifference[] = [];
  if (a.voterType !== b.voterType) diffs.push({ serial: a.serial, memberId: null, what: '投票人类别', first: a.voterType, second: b.voterType });
  if (a.spoilt !== b.spoilt) diffs.push({ serial: a.serial, memberId: null, what: '废票', first: a.spoilt ? '废票' : '有效', second: b.spoilt ? '废票' : '有效' });
  if (a.spoilt || b.spoilt) return diffs;
  for (const m of members) {
    if (a.marks[m.id] !== b.marks[m.id]) diffs.push({ serial: a.serial, memberId: m.id, what: m.name, first: markText(a.marks[m.id]), second: markText(b.marks[m.id]) });
  }
  return diffs;
}

/**
 * The sheets the tally may use: without double entry every first entry; with it, only sheets entered twice
 * with no difference on the members shown (marks for members no longer on the ballot do not count).
 */
export function agreedSheets(sheets: readonly SheetEntries[], doubleEntry: boolean, members: readonly { id: string; name: string }[]): SheetEntry[] {
  if (!doubleEntry) return sheets.map((s) => s.first);
  return sheets.filter((s) => s.second && entryDifferences(s.first, s.second, members).length === 0).map((s) => s.first);
}

// ---------------------------------------------------------------------------------------------------------
// The tally and the proposals

export type GradeCounts = Record<Grade, number>;
export const zeroCounts = (): GradeCounts => ({ 优秀: 0, 合格: 0, 基本合格: 0, 不合格: 0 });

export interface MemberTally {
  memberId: string;
  counts: GradeCounts;
  byVoterType: Record<VoterType, GradeCounts>;
  /** Marks given to this member on the tallied sheets. */
  votes: number;
  /** (优秀 + 合格) / votes; null with no votes. */
  favourableShare: number | null;
  proposed: Grade | null;
}

/** Counts per member from the given (agreed) sheets; spoilt sheets are left out. Proposals not yet set. */
export function countVotes(memberIds: readonly string[], sheets: readonly SheetEntry[]): MemberTally[] {
  const tallies = new Map(
    memberIds.map((id) => [id, { memberId: id, counts: zeroCounts(), byVoterType: { 党员: zeroCounts(), 群众: zeroCounts() }, votes: 0, favourableShare: null, proposed: null } as MemberTally]),
  );
  for (const sheet of sheets) {
    if (sheet.spoilt) continue;
    for (const [memberId, digit] of Object.entries(sheet.marks)) {
      const t = tallies.get(memberId);
      if (!t) continue;
      const grade = gradeOfDigit(digit);
      t.counts[grade] += 1;
      t.byVoterType[sheet.voterType][grade] += 1;
      t.votes += 1;
    }
  }
  for (const t of tallies.values()) t.favourableShare = t.votes ? (t.counts.优秀 + t.counts.合格) / t.votes : null;
  return [...tallies.values()];
}

/** The grade the thresholds propose before the 优秀 cap: 不合格, then 基本合格, then 优秀 (a majority), else 合格. */
export function thresholdGrade(c: GradeCounts, rules: AppraisalRules): Grade | null {
  const votes = c.优秀 + c.合格 + c.基本合格 + c.不合格;
  if (votes === 0) return null;
  // Integer arithmetic: votes × pct against count × 100, so an edge (exactly 50 %) is decided exactly.
  if (c.不合格 * 100 >= rules.unqualifiedPct * votes) return '不合格';
  if ((c.基本合格 + c.不合格) * 100 >= rules.basicPct * votes) return '基本合格';
  if (c.优秀 * 100 > rules.excellentPct * votes) return '优秀';
  return '合格';
}

/** The most members that may be graded 优秀: floor(graded × num / den). */
export function excellentCap(gradedCount: number, rules: AppraisalRules): number {
  return Math.floor((gradedCount * rules.excellentCapNum) / rules.excellentCapDen);
}

/**
 * Sets each tally's proposal. Members the thresholds put at 优秀 are ranked by 优秀 votes; they keep 优秀 while the
 * cap allows, a group tied on the same number of 优秀 votes that would cross the cap as a whole is proposed 合格.
 */
export function proposeGrades(tallies: MemberTally[], rules: AppraisalRules): MemberTally[] {
  const cap = excellentCap(tallies.length, rules);
  for (const t of tallies) t.proposed = thresholdGrade(t.counts, rules);
  const candidates = tallies.filter((t) => t.proposed === '优秀').sort((a, b) => b.counts.优秀 - a.counts.优秀);
  let kept = 0;
  let i = 0;
  while (i < candidates.length) {
    const votes = candidates[i]!.counts.优秀;
    const group = candidates.filter((c) => c.counts.优秀 === votes);
    const fits = kept + group.length <= cap;
    for (const c of group) c.proposed = fits ? '优秀' : '合格';
    if (fits) kept += group.length;
    else for (const c of candidates.slice(i + group.length)) c.proposed = '合格';
    if (!fits) break;
    i += group.length;
  }
  return tallies;
}

export function tally(memberIds: readonly string[], sheets: readonly SheetEntry[], rules: AppraisalRules): MemberTally[] {
  return proposeGrades(countVotes(memberIds, sheets), rules);
}

/** Why these final grades break the 优秀 cap, or null. */
export function excellentCapProblem(finalGrades: readonly (Grade | null)[], gradedCount: number, rules: AppraisalRules): string | null {
  const excellent = finalGrades.filter((g) => g === '优秀').length;
  const cap = excellentCap(gradedCount, rules);
  if (excellent > cap) {
    return `评定为优秀的有 ${excellent} 人，超过上限 ${cap} 人（参加评定的 ${gradedCount} 人的 ${rules.excellentCapNum}/${rules.excellentCapDen}）`;
  }
  return null;
}

/** 预备党员 take part but are not graded; excluded members are neither on the ballot nor graded. */
export function isGraded(m: { category: string; excluded: boolean }): boolean {
  return !m.excluded && m.category !== '预备党员';
}

// ---------------------------------------------------------------------------------------------------------
// Handling a 不合格 grade (domain.md 3.3, 处置办法 2024)

/** 限期改正 (correct within a deadline), 劝其退党, 除名. */
export const FOLLOW_UP_KINDS = ['限期改正', '劝其退党', '除名'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_STATES = ['进行中', '已改正', '已处置'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** 限期改正 runs generally 6 months, at most one year, from the decision. */
export const CORRECTION_MIN_MONTHS = 6;
export const CORRECTION_MAX_MONTHS = 12;

/** Why this follow-up cannot be so, or null: a deadline only for 限期改正, 6–12 months after the decision; 已改正 only for it. */
export function followUpProblem(f: { kind: FollowUpKind; decidedDate: string; deadline: string | null; state: FollowUpState }): { field: string; message: string } | null {
  if (f.kind !== '限期改正') {
    if (f.deadline) return { field: 'deadline', message: `${f.kind}不设改正期限` };
    if (f.state === '已改正') return { field: 'state', message: `${f.kind}没有“已改正”这一状态，请选择进行中或已处置` };
    return null;
  }
  if (!f.deadline) return { field: 'deadline', message: '限期改正须填写改正期限' };
  const earliest = addMonths(f.decidedDate, CORRECTION_MIN_MONTHS);
  const latest = addMonths(f.decidedDate, CORRECTION_MAX_MONTHS);
  if (f.deadline < earliest || f.deadline > latest) {
    return { field: 'deadline', message: `应在作出决定（${f.decidedDate}）后 6 至 12 个月之间，即 ${earliest} 至 ${latest}` };
  }
  return null;
}

/** The 公示's defaults, one rule for the dialog and the document: the 公示 stage's date or today, seven days, 落款 on the first day. */
export function publicityPeriod(stages: readonly StageDate[], today: string, given: { from?: string | null; to?: string | null; noticeDate?: string | null } = {}) {
  const from = given.from || stages.find((s) => s.stage === '公示')?.date || today;
  return { from, to: given.to || addDays(from, 6), noticeDate: given.noticeDate || from };
}
