import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  agreedSheets,
  collectedProblem,
  countVotes,
  entryDifferences,
  excellentCap,
  excellentCapProblem,
  isGraded,
  normalizeSerial,
  proposeGrades,
  publicityPeriod,
  serialProblem,
  stageOrderProblem,
  tally,
  thresholdGrade,
  zeroCounts,
  type GradeCounts,
  type SheetEntry,
} from '../../../shared/domain/appraisal';

const sheet = (serial: string, marks: SheetEntry['marks'], voterType: SheetEntry['voterType'] = '党员', spoilt = false): SheetEntry => ({ serial, voterType, spoilt, marks });
const counts = (c: Partial<GradeCounts>): GradeCounts => ({ ...zeroCounts(), ...c });
const members = [
  { id: 'a', name: '张三' },
  { id: 'b', name: '李四' },
];

describe('the tally', () => {
  it('counts each grade by voter type, leaves spoilt sheets and unmarked members out, and gives the favourable share', () => {
    const sheets = [
      sheet('001', { a: 1, b: 2 }),
      sheet('002', { a: 2, b: 4 }),
      sheet('003', { a: 1 }, '群众'),
      sheet('004', { a: 4, b: 4 }, '党员', true),
    ];
    const [a, b] = countVotes(['a', 'b'], sheets);
    expect(a!.counts).toEqual(counts({ 优秀: 2, 合格: 1 }));
    expect(a!.byVoterType.党员).toEqual(counts({ 优秀: 1, 合格: 1 }));
    expect(a!.byVoterType.群众).toEqual(counts({ 优秀: 1 }));
    expect(a!.votes).toBe(3);
    expect(a!.favourableShare).toBe(1);
    expect(b!.counts).toEqual(counts({ 合格: 1, 不合格: 1 }));
    expect(b!.favourableShare).toBe(0.5);
  });

  it('ignores marks for members not on the ballot and gives no share without votes', () => {
    const [a] = countVotes(['a'], [sheet('001', { z: 1 })]);
    expect(a!.votes).toBe(0);
    expect(a!.favourableShare).toBeNull();
    expect(a!.proposed).toBeNull();
  });
});

describe('proposals at the threshold edges (default rules: 不合格 ≥ 50 %, 基本合格 + 不合格 ≥ 30 %, 优秀 > 50 %)', () => {
  it('proposes 不合格 from exactly half the votes, not below', () => {
    expect(thresholdGrade(counts({ 合格: 5, 不合格: 5 }), DEFAULT_RULES)).toBe('不合格');
    expect(thresholdGrade(counts({ 合格: 6, 不合格: 5 }), DEFAULT_RULES)).toBe('基本合格');
  });

  it('proposes 基本合格 from exactly 30 % of 基本合格 and 不合格 votes, else 合格', () => {
    expect(thresholdGrade(counts({ 合格: 7, 基本合格: 2, 不合格: 1 }), DEFAULT_RULES)).toBe('基本合格');
    expect(thresholdGrade(counts({ 合格: 8, 基本合格: 2 }), DEFAULT_RULES)).toBe('合格');
  });

  it('proposes 优秀 only above half the votes', () => {
    expect(thresholdGrade(counts({ 优秀: 5, 合格: 5 }), DEFAULT_RULES)).toBe('合格');
    expect(thresholdGrade(counts({ 优秀: 6, 合格: 5 }), DEFAULT_RULES)).toBe('优秀');
  });

  it('follows the campaign’s own thresholds', () => {
    const strict = { ...DEFAULT_RULES, unqualifiedPct: 20 };
    expect(thresholdGrade(counts({ 合格: 8, 不合格: 2 }), strict)).toBe('不合格');
    expect(thresholdGrade(counts({ 合格: 8, 不合格: 2 }), DEFAULT_RULES)).toBe('合格');
  });
});

describe('the 优秀 share', () => {
  it('caps 优秀 at a third of the graded members, rounded down', () => {
    expect(excellentCap(30, DEFAULT_RULES)).toBe(10);
    expect(excellentCap(31, DEFAULT_RULES)).toBe(10);
    expect(excellentCap(2, DEFAULT_RULES)).toBe(0);
    expect(excellentCap(10, { ...DEFAULT_RULES, excellentCapNum: 1, excellentCapDen: 2 })).toBe(5);
  });

  it('keeps the proposals within the cap, the most 优秀 votes first; a tie crossing the cap is proposed 合格', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    // Cap of 6 is 2. a has 3 优秀 of 3; b and c 2 of 3 (tied); the rest 合格.
    const sheets = [sheet('1', { a: 1, b: 1, c: 1, d: 2, e: 2, f: 2 }), sheet('2', { a: 1, b: 1, c: 1, d: 2, e: 2, f: 2 }), sheet('3', { a: 1, b: 2, c: 2, d: 2, e: 2, f: 2 })];
    const proposed = tally(ids, sheets, DEFAULT_RULES).map((t) => t.proposed);
    expect(proposed).toEqual(['优秀', '合格', '合格', '合格', '合格', '合格']);
    // With a cap of 3 the tied pair fits.
    const roomier = proposeGrades(countVotes(ids, sheets), { ...DEFAULT_RULES, excellentCapNum: 1, excellentCapDen: 2 }).map((t) => t.proposed);
    expect(roomier).toEqual(['优秀', '优秀', '优秀', '合格', '合格', '合格']);
  });

  it('refuses final grades with more 优秀 than the cap, naming both figures', () => {
    expect(excellentCapProblem(['优秀', '优秀', '合格', '合格', '合格', '合格'], 6, DEFAULT_RULES)).toBeNull();
    expect(excellentCapProblem(['优秀', '优秀', '优秀', '合格', '合格', null], 6, DEFAULT_RULES)).toBe('评定为优秀的有 3 人，超过上限 2 人（参加评定的 6 人的 1/3）');
  });
});

describe('who is graded', () => {
  it('does not grade 预备党员 nor excluded members', () => {
    expect(isGraded({ category: '正式党员', excluded: false })).toBe(true);
    expect(isGraded({ category: '预备党员', excluded: false })).toBe(false);
    expect(isGraded({ category: '正式党员', excluded: true })).toBe(false);
  });
});

describe('serials and the ballots collected', () => {
  it('pads numeric serials and refuses serials outside those issued, naming the serial', () => {
    expect(normalizeSerial(' 7 ')).toBe('007');
    expect(normalizeSerial('0012')).toBe('012');
    expect(serialProblem('60', 60)).toBeNull();
    expect(serialProblem('61', 60)).toBe('编号 061 超出已发放的测评表（共 60 张，编号 001 至 060）');
    expect(serialProblem('0', 60)).toContain('编号 000');
    expect(serialProblem('A1', 60)).toBe('编号“A1”无效，应为数字');
  });

  it('refuses a sheet that would make the collected exceed the issued of its voter type', () => {
    const issued = { members: 2, masses: 1 };
    expect(collectedProblem('3', '党员', { 党员: 1, 群众: 1 }, issued)).toBeNull();
    expect(collectedProblem('3', '群众', { 党员: 1, 群众: 1 }, issued)).toBe('编号 003：群众测评表已录入 1 张，已达发放数 1 张，收回的不能多于发放的');
  });
});

describe('double entry', () => {
  it('lists every difference by serial and member, and the whole-sheet differences', () => {
    const first = sheet('007', { a: 1, b: 2 });
    expect(entryDifferences(first, sheet('007', { a: 1, b: 2 }), members)).toEqual([]);
    expect(entryDifferences(first, sheet('007', { a: 2 }), members)).toEqual([
      { serial: '007', memberId: 'a', what: '张三', first: '优秀', second: '合格' },
      { serial: '007', memberId: 'b', what: '李四', first: '合格', second: '未勾选' },
    ]);
    expect(entryDifferences(first, sheet('007', {}, '群众', true), members)).toEqual([
      { serial: '007', memberId: null, what: '投票人类别', first: '党员', second: '群众' },
      { serial: '007', memberId: null, what: '废票', first: '有效', second: '废票' },
    ]);
  });

  it('tallies only sheets whose two entries agree; without double entry, every first entry', () => {
    const sheets = [
      { serial: '001', first: sheet('001', { a: 1 }), second: sheet('001', { a: 1 }) },
      { serial: '002', first: sheet('002', { a: 1 }), second: sheet('002', { a: 3 }) },
      { serial: '003', first: sheet('003', { a: 4 }), second: null },
    ];
    expect(agreedSheets(sheets, true, members).map((s) => s.serial)).toEqual(['001']);
    expect(agreedSheets(sheets, false, members).map((s) => s.serial)).toEqual(['001', '002', '003']);
  });
});

describe('stages', () => {
  it('refuses a stage dated before an earlier one, naming both', () => {
    expect(stageOrderProblem([{ stage: '学习动员', date: '2025-11-01' }, { stage: '民主测评', date: '2025-12-01' }])).toBeNull();
    expect(stageOrderProblem([{ stage: '学习动员', date: '2025-11-01' }, { stage: '个人自评', date: '2025-10-30' }])).toBe('个人自评的日期（2025-10-30）早于学习动员（2025-11-01）');
  });
});

describe('the 公示 period', () => {
  it('runs seven days from the 公示 stage, or from today without one; what is given wins', () => {
    expect(publicityPeriod([{ stage: '公示', date: '2026-12-20' }], '2026-12-01')).toEqual({ from: '2026-12-20', to: '2026-12-26', noticeDate: '2026-12-20' });
    expect(publicityPeriod([], '2026-12-30')).toEqual({ from: '2026-12-30', to: '2027-01-05', noticeDate: '2026-12-30' });
    expect(publicityPeriod([], '2026-12-01', { from: '2026-12-10', noticeDate: '2026-12-09' })).toEqual({ from: '2026-12-10', to: '2026-12-16', noticeDate: '2026-12-09' });
  });
});
