/** The development board: who is at which stage and what is due next; probationers due for 转正. */
import { daysBetween, localToday } from '../../../shared/domain/dates';
import { probationEnd } from '../../../shared/domain/member';
import {
  APPLICANT_STAGES,
  LAST_STEP,
  probationReminder,
  type ApplicantStage,
  type BoardEntry,
  type PipelineBoard,
  type ProbationEntry,
} from '../../../shared/domain/pipeline';
import { nameSearchKey } from '../../../shared/domain/pinyin';
import { all, qb, type Sqlite } from '../../db/query';
import { ACTIVE_STATUSES } from '../../../shared/domain/member';
import type { MembersTable } from '../roster/tables';
import type { ApplicantsTable } from './tables';
import { requireBranchId } from '../branch/branch';
import { toApplicant } from './records';

function boardEntry(db: Sqlite, row: ApplicantsTable, today: string): BoardEntry & { finished: boolean } {
  const a = toApplicant(db, row, today);
  return {
    id: a.id,
    name: a.name,
    gender: a.gender,
    stage: a.stage,
    stageSince: a.stageSince,
    applicationDate: a.applicationDate,
    partyGroup: a.partyGroup,
    memberId: a.memberId,
    next: a.next,
    warnings: a.warnings,
    searchKey: nameSearchKey(a.name),
    stepDates: Object.fromEntries(a.steps.map((s) => [String(s.step), s.date])),
    finished: a.stage === '已终止' || a.steps.some((s) => s.step === LAST_STEP),
  };
}

/** Overdue first, then by the next due date, then by how long the person has been in the stage. */
function byUrgency(a: BoardEntry, b: BoardEntry): number {
  const overdue = Number(b.next?.overdue ?? false) - Number(a.next?.overdue ?? false);
  if (overdue) return overdue;
  const due = (a.next?.dueDate ?? '9999').localeCompare(b.next?.dueDate ?? '9999');
  return due || (a.stageSince ?? '').localeCompare(b.stageSince ?? '');
}

type ProbationerRow = Pick<MembersTable, 'id' | 'name' | 'join_date' | 'probation_extension_months'> & {
  group_name: string | null;
  applicant_id: string | null;
};

/** Probationers on the roster whose probation ends within 30 days or has ended (from the members table). */
function probationReminders(db: Sqlite, branchId: string, today: string): PipelineBoard['probation'] {
  const rows: ProbationerRow[] = all(
    db,
    qb
      .selectFrom('members as m')
      .leftJoin('party_groups as g', 'g.id', 'm.party_group_id')
      .select(['m.id', 'm.name', 'm.join_date', 'm.probation_extension_months', 'g.name as group_name'])
      .select((eb) =>
        eb.selectFrom('applicants as a').select('a.id').whereRef('a.member_id', '=', 'm.id').where('a.deleted_at', 'is', null).limit(1).as('applicant_id'),
      )
      .where('m.branch_id', '=', branchId)
      .where('m.deleted_at', 'is', null)
      .where('m.category', '=', '预备党员')
      .where('m.status', 'in', ACTIVE_STATUSES),
  );
  const dueSoon: ProbationEntry[] = [];
  const overdue: ProbationEntry[] = [];
  for (const r of rows) {
    const end = probationEnd({ category: '预备党员', joinDate: r.join_date, probationExtensionMonths: r.probation_extension_months })!;
    const kind = probationReminder(end, today);
    if (!kind) continue;
    const entry: ProbationEntry = {
      memberId: r.id,
      name: r.name,
      joinDate: r.join_date,
      probationEnd: end,
      daysLeft: daysBetween(today, end),
      partyGroup: r.group_name,
      applicantId: r.applicant_id,
      searchKey: nameSearchKey(r.name),
    };
    (kind === 'due' ? dueSoon : overdue).push(entry);
  }
  dueSoon.sort((a, b) => a.probationEnd.localeCompare(b.probationEnd));
  overdue.sort((a, b) => a.probationEnd.localeCompare(b.probationEnd));
  return { dueSoon, overdue };
}

/** The board of the local branch; finished records (材料归档 done, or 已终止) are counted, and listed when asked for. */
export function pipelineBoard(db: Sqlite, options: { includeFinished?: boolean } = {}, today: string = localToday()): PipelineBoard {
  const branchId = requireBranchId(db);
  const rows = all(db, qb.selectFrom('applicants').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null));
  const entries = rows.map((r) => boardEntry(db, r, today));
  const stages = APPLICANT_STAGES.map((stage: ApplicantStage) => {
    const inStage = entries.filter((e) => e.stage === stage);
    const shown = inStage.filter((e) => options.includeFinished || !e.finished).map(({ finished: _, ...e }) => e);
    return { stage, total: inStage.length, entries: shown.sort(byUrgency) };
  });
  return { today, stages, probation: probationReminders(db, branchId, today) };
}

