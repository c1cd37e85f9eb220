/** Ballot entry (民主测评表, one entry or two), the tally, the grades decided and the results. */
import { AppError, validationError } from '../../../shared/contract/errors';
import {
  APPRAISAL_FIELD_LABELS,
  type BallotCounts,
  type Differences,
  type FollowUpKind,
  type FollowUpState,
  type HistoryEntry,
  type MemberResult,
  type Results,
  type Sheet,
  type SheetStatus,
} from '../../../shared/contract/appraisal';
import {
  agreedSheets,
  collectedProblem,
  digitOfGrade,
  entryDifferences,
  excellentCap,
  excellentCapProblem,
  gradeOfDigit,
  normalizeSerial,
  serialProblem,
  tally,
  type Grade,
  type GradeDigit,
  type SheetEntries,
  type SheetEntry,
  type VoterType,
} from '../../../shared/domain/appraisal';
import type { FieldProblem } from '../../../shared/domain/member';
import { all, first, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { appraisedRows, collectedByType, requireCampaign, rulesOf, toAppraised } from './campaigns';
import { followUpRows, syncFollowUps } from './followups';
import type { AppraisalCampaignsTable, AppraisalSheetsTable } from './tables';

const entryName = (entry: number) => (entry === 1 ? '第一遍' : '第二遍');

/** These messages name the serial or the member themselves, so they are shown without the field's label in front. */
function refuse(problems: FieldProblem[]): AppError {
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 处问题）` : '';
  return new AppError('E_VALIDATION', `${problems[0]!.message}${more}`, problems);
}

function sheetRow(db: Sqlite, campaignId: string, serial: string, entry: number): AppraisalSheetsTable | undefined {
  return first(
    db,
    qb.selectFrom('appraisal_sheets').selectAll().where('campaign_id', '=', campaignId).where('serial', '=', serial).where('entry', '=', entry).where('deleted_at', 'is', null),
  );
}

function marksOf(db: Sqlite, sheetId: string) {
  return all(db, qb.selectFrom('appraisal_marks').select(['id', 'member_id', 'grade']).where('sheet_id', '=', sheetId).where('deleted_at', 'is', null));
}

function toSheet(db: Sqlite, row: AppraisalSheetsTable): Sheet {
  const grades: Record<string, Grade> = {};
  for (const m of marksOf(db, row.id)) grades[m.member_id] = gradeOfDigit(m.grade);
  return { serial: row.serial, entry: row.entry as 1 | 2, voterType: row.voter_type as VoterType, spoilt: row.spoilt === 1, grades, updatedAt: row.updated_at };
}

function requireSheet(db: Sqlite, campaignId: string, serial: string, entry: number): AppraisalSheetsTable {
  const row = sheetRow(db, campaignId, serial, entry);
  if (!row) throw new AppError('E_NOT_FOUND', `编号 ${serial} 的测评表还没有${entryName(entry)}录入`);
  return row;
}

export function getSheet(db: Sqlite, campaignId: string, serial: string, entry: number): Sheet {
  requireCampaign(db, campaignId);
  return toSheet(db, requireSheet(db, campaignId, normalizeSerial(serial), entry));
}

export interface SheetInput {
  campaignId: string;
  serial: string;
  entry: 1 | 2;
  voterType: VoterType;
  spoilt: boolean;
  grades: Record<string, Grade>;
}

/** The serial is one of those issued; the graded members only are marked (messages name the serial and the member). */
function checkSheet(db: Sqlite, c: AppraisalCampaignsTable, serial: string, input: SheetInput): void {
  const problems: FieldProblem[] = [];
  const badSerial = serialProblem(serial, c.issued_members + c.issued_masses);
  if (badSerial) problems.push({ field: 'serial', message: badSerial });
  if (!input.spoilt) {
    const members = new Map(appraisedRows(db, c.id).map((r) => [r.member_id, toAppraised(r)]));
    for (const memberId of Object.keys(input.grades)) {
      const m = members.get(memberId);
      const why = !m
        ? '不在这次评议的名单中'
        : m.excluded
          ? `${m.name}不参加这次评议（${m.exclusionReason}）`
          : m.category === '预备党员'
            ? `${m.name}是预备党员，参加评议但不评定等次`
            : null;
      if (why) problems.push({ field: 'grades', message: `编号 ${serial}：${why}` });
    }
  }
  if (problems.length) throw refuse(problems);
}

/** Collected ≤ issued for the voter type; `except` is a sheet already counted that is being changed. */
function checkCollected(db: Sqlite, c: AppraisalCampaignsTable, serial: string, voterType: VoterType, except?: AppraisalSheetsTable): void {
  const collected = collectedByType(db, c.id);
  if (except) collected[except.voter_type as VoterType] -= 1;
  const problem = collectedProblem(serial, voterType, collected, { members: c.issued_members, masses: c.issued_masses });
  if (problem) throw refuse([{ field: 'serial', message: problem }]);
}

function writeMarks(db: Sqlite, c: AppraisalCampaignsTable, sheetId: string, grades: Record<string, Grade>): void {
  const existing = new Map(marksOf(db, sheetId).map((m) => [m.member_id, m]));
  for (const [memberId, grade] of Object.entries(grades)) {
    const digit = digitOfGrade(grade);
    const had = existing.get(memberId);
    if (!had) insertRow(db, 'appraisal_marks', { ...newCommon(c.branch_id), sheet_id: sheetId, campaign_id: c.id, year: c.year, member_id: memberId, grade: digit });
    else if (had.grade !== digit) updateRow(db, 'appraisal_marks', had.id, { grade: digit });
    existing.delete(memberId);
  }
  for (const gone of existing.values()) trashRow(db, 'appraisal_marks', gone.id);
}

export function enterSheet(db: Sqlite, input: SheetInput): Sheet {
  return db.transaction(() => {
    const c = requireCampaign(db, input.campaignId);
    const serial = normalizeSerial(input.serial);
    checkSheet(db, c, serial, input);
    if (sheetRow(db, c.id, serial, input.entry)) {
      throw new AppError('E_CONFLICT', `编号 ${serial} 的测评表已${entryName(input.entry)}录入，不能再录入一次；如需修改请使用“更正”`);
    }
    if (input.entry === 2) {
      if (c.double_entry !== 1) throw validationError([{ field: 'entry', message: '这次评议没有设置两遍录入' }], APPRAISAL_FIELD_LABELS);
      if (!sheetRow(db, c.id, serial, 1)) throw refuse([{ field: 'serial', message: `编号 ${serial} 的测评表还没有第一遍录入，请先录入第一遍` }]);
    } else {
      checkCollected(db, c, serial, input.voterType);
    }
    const row = insertRow(db, 'appraisal_sheets', {
      ...newCommon(c.branch_id), campaign_id: c.id, year: c.year, serial, entry: input.entry, voter_type: input.voterType, spoilt: input.spoilt ? 1 : 0,
    });
    writeMarks(db, c, row.id, input.spoilt ? {} : input.grades);
    return toSheet(db, row);
  })();
}

export function correctSheet(db: Sqlite, input: SheetInput): Sheet {
  return db.transaction(() => {
    const c = requireCampaign(db, input.campaignId);
    const serial = normalizeSerial(input.serial);
    checkSheet(db, c, serial, input);
    const row = requireSheet(db, c.id, serial, input.entry);
    if (input.entry === 1 && row.voter_type !== input.voterType) checkCollected(db, c, serial, input.voterType, row);
    const updated = updateRow(db, 'appraisal_sheets', row.id, { voter_type: input.voterType, spoilt: input.spoilt ? 1 : 0 });
    writeMarks(db, c, row.id, input.spoilt ? {} : input.grades);
    return toSheet(db, updated);
  })();
}

export function markSpoilt(db: Sqlite, campaignId: string, serial: string, entry: number, spoilt: boolean): Sheet {
  return db.transaction(() => {
    const c = requireCampaign(db, campaignId);
    const row = requireSheet(db, c.id, normalizeSerial(serial), entry);
    const updated = updateRow(db, 'appraisal_sheets', row.id, { spoilt: spoilt ? 1 : 0 });
    if (spoilt) writeMarks(db, c, row.id, {});
    return toSheet(db, updated);
  })();
}

// ---------------------------------------------------------------------------------------------------------
// Reading all the sheets of a campaign

/** Every entered sheet with its entries, by serial. One read of the sheets and one of the marks. */
function loadSheets(db: Sqlite, campaignId: string): SheetEntries[] {
  const rows = all(db, qb.selectFrom('appraisal_sheets').selectAll().where('campaign_id', '=', campaignId).where('deleted_at', 'is', null).orderBy('serial').orderBy('entry'));
  const marks = all(db, qb.selectFrom('appraisal_marks').select(['sheet_id', 'member_id', 'grade']).where('campaign_id', '=', campaignId).where('deleted_at', 'is', null));
  const marksBySheet = new Map<string, Record<string, GradeDigit>>();
  for (const m of marks) {
    const sheet = marksBySheet.get(m.sheet_id) ?? {};
    sheet[m.member_id] = m.grade as GradeDigit;
    marksBySheet.set(m.sheet_id, sheet);
  }
  const bySerial = new Map<string, SheetEntries>();
  for (const r of rows) {
    const entry: SheetEntry = { serial: r.serial, voterType: r.voter_type as VoterType, spoilt: r.spoilt === 1, marks: marksBySheet.get(r.id) ?? {} };
    if (r.entry === 1) bySerial.set(r.serial, { serial: r.serial, first: entry, second: null });
    else {
      const s = bySerial.get(r.serial);
      if (s) s.second = entry;
    }
  }
  return [...bySerial.values()];
}

function ballotMembers(db: Sqlite, campaignId: string) {
  return appraisedRows(db, campaignId)
    .map(toAppraised)
    .filter((m) => m.graded)
    .map((m) => ({ id: m.memberId, name: m.name }));
}

export function listSheets(db: Sqlite, campaignId: string): SheetStatus[] {
  const c = requireCampaign(db, campaignId);
  const members = ballotMembers(db, c.id);
  return loadSheets(db, c.id).map((s) => {
    const differences = s.second ? entryDifferences(s.first, s.second, members).length : 0;
    return {
      serial: s.serial,
      voterType: s.first.voterType,
      spoilt: s.first.spoilt,
      entered: s.second ? 2 : 1,
      agreed: c.double_entry !== 1 || (s.second !== null && differences === 0),
      differences,
    };
  });
}

export function listDifferences(db: Sqlite, campaignId: string): Differences {
  const c = requireCampaign(db, campaignId);
  const members = ballotMembers(db, c.id);
  const sheets = loadSheets(db, c.id);
  const doubleEntry = c.double_entry === 1;
  return {
    doubleEntry,
    awaitingSecond: doubleEntry ? sheets.filter((s) => !s.second).map((s) => s.serial) : [],
    differences: sheets.flatMap((s) => (s.second ? entryDifferences(s.first, s.second, members) : [])),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Tally, grades, results

function gradeRows(db: Sqlite, campaignId: string) {
  return all(db, qb.selectFrom('appraisal_grades').selectAll().where('campaign_id', '=', campaignId).where('deleted_at', 'is', null));
}

/** The tally of the agreed sheets, the proposals, and the grades decided so far. */
export function results(db: Sqlite, campaignId: string): Results {
  const c = requireCampaign(db, campaignId);
  const appraised = appraisedRows(db, c.id).map(toAppraised);
  const graded = appraised.filter((m) => m.graded);
  const members = graded.map((m) => ({ id: m.memberId, name: m.name }));
  const sheets = loadSheets(db, c.id);
  const agreed = agreedSheets(sheets, c.double_entry === 1, members);
  const rules = rulesOf(c);
  const tallies = tally(members.map((m) => m.id), agreed, rules);
  const decided = new Map(gradeRows(db, c.id).map((g) => [g.member_id, g]));
  const memberResults: MemberResult[] = graded.map((m, i) => {
    const t = tallies[i]!;
    const d = decided.get(m.memberId);
    return { ...t, name: m.name, final: (d?.grade as Grade | undefined) ?? null, reason: d?.reason ?? '', note: d?.note ?? '' };
  });
  const ballots: BallotCounts = {
    issued: c.issued_members + c.issued_masses,
    collected: sheets.length,
    valid: agreed.filter((s) => !s.spoilt).length,
    spoilt: agreed.filter((s) => s.spoilt).length,
    pending: sheets.length - agreed.length,
  };
  return {
    year: c.year,
    ballots,
    members: memberResults,
    notGraded: appraised.filter((m) => !m.graded),
    excellentCap: excellentCap(graded.length, rules),
    excellentFinal: memberResults.filter((m) => m.final === '优秀').length,
  };
}

export interface Decision {
  memberId: string;
  grade: Grade | null;
  reason: string;
  note: string;
}

/** Sets (or clears) final grades in one transaction: a grade unlike the proposal needs a reason; 优秀 within the cap. */
export function decideGrades(db: Sqlite, campaignId: string, decisions: readonly Decision[], today?: string): Results {
  return db.transaction(() => {
    const before = results(db, campaignId);
    const byMember = new Map(before.members.map((m) => [m.memberId, m]));
    const notGraded = new Map(before.notGraded.map((m) => [m.memberId, m]));
    const problems: FieldProblem[] = [];
    decisions.forEach((d, i) => {
      const m = byMember.get(d.memberId);
      const other = notGraded.get(d.memberId);
      if (!m) {
        const why = other ? (other.excluded ? `${other.name}不参加这次评议` : `${other.name}是预备党员，参加评议但不评定等次`) : '所选党员不在这次评议的名单中';
        problems.push({ field: `decisions.${i}.memberId`, message: why });
      } else if (d.grade && m.proposed && d.grade !== m.proposed && !d.reason) {
        problems.push({ field: `decisions.${i}.reason`, message: `${m.name}：评定为${d.grade}，与按规则提议的${m.proposed}不同，请填写理由` });
      }
    });
    if (problems.length) throw refuse(problems);
    const finals = new Map(before.members.map((m) => [m.memberId, m.final]));
    for (const d of decisions) finals.set(d.memberId, d.grade);
    const c = requireCampaign(db, campaignId);
    const capProblem = excellentCapProblem([...finals.values()], before.members.length, rulesOf(c));
    if (capProblem) throw refuse([{ field: 'decisions', message: capProblem }]);
    const existing = new Map(gradeRows(db, c.id).map((g) => [g.member_id, g]));
    for (const d of decisions) {
      const m = byMember.get(d.memberId)!;
      const had = existing.get(d.memberId);
      const reason = d.grade && m.proposed && d.grade !== m.proposed ? d.reason : '';
      if (!d.grade) {
        if (had) trashRow(db, 'appraisal_grades', had.id);
      } else if (had) {
        updateRow(db, 'appraisal_grades', had.id, { grade: d.grade, proposed: m.proposed ?? '', reason, note: d.note });
      } else {
        insertRow(db, 'appraisal_grades', {
          ...newCommon(c.branch_id), campaign_id: c.id, year: c.year, member_id: d.memberId, grade: d.grade, proposed: m.proposed ?? '', reason, note: d.note,
        });
      }
    }
    syncFollowUps(db, c, new Map(decisions.map((d) => [d.memberId, d.grade])), new Map(before.members.map((m) => [m.memberId, m.name])), today);
    return results(db, c.id);
  })();
}

/** A member's grades across the years, newest first, with the follow-up of a 不合格. */
export function memberHistory(db: Sqlite, branchId: string, memberId: string): HistoryEntry[] {
  const rows = all(
    db,
    qb
      .selectFrom('appraisal_members as am')
      .innerJoin('appraisal_campaigns as c', 'c.id', 'am.campaign_id')
      .leftJoin('appraisal_grades as g', (j) => j.onRef('g.campaign_id', '=', 'am.campaign_id').onRef('g.member_id', '=', 'am.member_id').on('g.deleted_at', 'is', null))
      .select(['c.year', 'c.id as campaignId', 'am.category', 'am.excluded', 'am.exclusion_reason', 'g.grade'])
      .where('am.member_id', '=', memberId)
      .where('am.branch_id', '=', branchId)
      .where('am.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.year', 'desc'),
  );
  const followUps = new Map(followUpRows(db, branchId).filter((f) => f.member_id === memberId).map((f) => [f.campaign_id, f]));
  return rows.map((r) => {
    const f = followUps.get(r.campaignId);
    return {
      year: r.year,
      campaignId: r.campaignId,
      grade: (r.grade as Grade | null) ?? null,
      graded: r.excluded === 0 && r.category !== '预备党员',
      excluded: r.excluded === 1,
      exclusionReason: r.exclusion_reason,
      followUp: f ? { id: f.id, kind: f.kind as FollowUpKind, deadline: f.deadline, state: f.state as FollowUpState } : null,
    };
  });
}
