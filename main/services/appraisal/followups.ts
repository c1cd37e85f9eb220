/**
 * The follow-up of a 不合格 grade (domain.md 3.3): deciding 不合格 opens one (限期改正, six months from the 组织评定
 * date); the branch then changes it to 劝其退党 or 除名, sets the deadline (6–12 months), records what happened and
 * closes it (已改正 / 已处置).
 */
import { AppError } from '../../../shared/contract/errors';
import { APPRAISAL_FIELD_LABELS, type FollowUp } from '../../../shared/contract/appraisal';
import { validationError } from '../../../shared/contract/errors';
import { CORRECTION_MIN_MONTHS, followUpProblem, type FollowUpKind, type FollowUpState, type Grade } from '../../../shared/domain/appraisal';
import { addMonths, localToday } from '../../../shared/domain/dates';
import { all, qb, type Sqlite } from '../../db/query';
import { getRow, insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { appraisedRows, getCampaign, requireCampaign } from './campaigns';
import type { AppraisalCampaignsTable, AppraisalFollowupsTable } from './tables';

export function followUpRows(db: Sqlite, branchId: string, campaignId?: string): AppraisalFollowupsTable[] {
  let q = qb.selectFrom('appraisal_followups').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null);
  if (campaignId) q = q.where('campaign_id', '=', campaignId);
  return all(db, q.orderBy('year', 'desc').orderBy('decided_date'));
}

function toFollowUp(r: AppraisalFollowupsTable, name: string): FollowUp {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    year: r.year,
    memberId: r.member_id,
    name,
    kind: r.kind as FollowUpKind,
    decidedDate: r.decided_date,
    deadline: r.deadline,
    state: r.state as FollowUpState,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

/** Names as the campaign's list has them (the member may have left the roster since). */
function namesOf(db: Sqlite, campaignIds: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of new Set(campaignIds)) for (const m of appraisedRows(db, id)) names.set(`${id}|${m.member_id}`, m.name);
  return names;
}

export function listFollowUps(db: Sqlite, campaignId?: string): FollowUp[] {
  const branchId = campaignId ? requireCampaign(db, campaignId).branch_id : requireBranchId(db);
  const rows = followUpRows(db, branchId, campaignId);
  const names = namesOf(db, rows.map((r) => r.campaign_id));
  return rows.map((r) => toFollowUp(r, names.get(`${r.campaign_id}|${r.member_id}`) ?? ''));
}

/** The 组织评定 date of the campaign, else today. */
function decisionDate(db: Sqlite, c: AppraisalCampaignsTable, today: string): string {
  return getCampaign(db, c.id).stages.find((s) => s.stage === '组织评定')?.date ?? today;
}

/**
 * After grades were set in decideGrades' transaction: a 不合格 opens a follow-up; a grade no longer 不合格 removes
 * one still 进行中, and is refused once it was closed (the handling happened).
 */
export function syncFollowUps(db: Sqlite, c: AppraisalCampaignsTable, finals: ReadonlyMap<string, Grade | null>, names: ReadonlyMap<string, string>, today = localToday()): void {
  const existing = new Map(followUpRows(db, c.branch_id, c.id).map((f) => [f.member_id, f]));
  for (const [memberId, grade] of finals) {
    const had = existing.get(memberId);
    if (grade === '不合格' && !had) {
      const decided = decisionDate(db, c, today);
      insertRow(db, 'appraisal_followups', {
        ...newCommon(c.branch_id), campaign_id: c.id, year: c.year, member_id: memberId, kind: '限期改正', decided_date: decided,
        deadline: addMonths(decided, CORRECTION_MIN_MONTHS), state: '进行中', note: '',
      });
    } else if (grade !== '不合格' && had) {
      if (had.state !== '进行中') {
        throw new AppError('E_VALIDATION', `${names.get(memberId) ?? ''}：评议不合格的处置（${had.kind}）状态为${had.state}，不能再改评定等次`);
      }
      trashRow(db, 'appraisal_followups', had.id);
    }
  }
}

export interface FollowUpUpdate {
  followUpId: string;
  kind?: FollowUpKind;
  decidedDate?: string;
  deadline?: string | null;
  state?: FollowUpState;
  note?: string;
  expectedUpdatedAt?: string;
}

export function updateFollowUp(db: Sqlite, input: FollowUpUpdate): FollowUp {
  return db.transaction(() => {
    const row = getRow(db, 'appraisal_followups', input.followUpId);
    if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这条处置记录（可能评定等次已改）');
    const kind = input.kind ?? (row.kind as FollowUpKind);
    const decidedDate = input.decidedDate ?? row.decided_date;
    // Changing to 劝其退党 or 除名 drops the deadline unless one is given.
    const deadline = input.deadline !== undefined ? input.deadline : kind === '限期改正' ? (row.deadline ?? addMonths(decidedDate, CORRECTION_MIN_MONTHS)) : null;
    const state = input.state ?? (row.state as FollowUpState);
    const problem = followUpProblem({ kind, decidedDate, deadline, state });
    if (problem) throw validationError([problem], APPRAISAL_FIELD_LABELS);
    const updated = updateRow(
      db,
      'appraisal_followups',
      row.id,
      { kind, decided_date: decidedDate, deadline, state, ...(input.note !== undefined && { note: input.note }) },
      input.expectedUpdatedAt,
    );
    return toFollowUp(updated, namesOf(db, [row.campaign_id]).get(`${row.campaign_id}|${row.member_id}`) ?? '');
  })();
}
