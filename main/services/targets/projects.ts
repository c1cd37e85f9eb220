/**
 * 立项攻关: a production problem a member leads a team to solve, with dated progress notes, its outcome and the
 * measured benefit (yuan saved, days won). The outcome is entered once; facts, commendation proposals and the
 * member's page read it from here.
 */
import type { z } from 'zod';
import type { Project, ProjectNote, projectSaveSchema } from '../../../shared/contract/targets';
import type { FieldProblem } from '../../../shared/domain/member';
import type { ProjectStatus } from '../../../shared/domain/targets';
import { all, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { memberName, memberProblems, membersById, parseJson, requireLive, requireNoProblems, type MemberRef } from './common';
import type { TargetProjectNotesTable, TargetProjectsTable } from './tables';

export type ProjectSave = z.output<typeof projectSaveSchema>;

function toNote(r: TargetProjectNotesTable): ProjectNote {
  return { id: r.id, projectId: r.project_id, date: r.note_date, content: r.content };
}

function notesOf(db: Sqlite, branchId: string, projectId?: string): TargetProjectNotesTable[] {
  let query = qb.selectFrom('target_project_notes').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null);
  if (projectId) query = query.where('project_id', '=', projectId);
  return all(
    db,
    query
      .orderBy('note_date', 'desc')
      .orderBy('created_at', 'desc'),
  );
}

function toProject(r: TargetProjectsTable, members: Map<string, MemberRef>, notes: readonly TargetProjectNotesTable[]): Project {
  const memberIds = parseJson<string[]>(r.member_ids);
  return {
    id: r.id,
    title: r.title,
    problem: r.problem,
    leaderId: r.leader_id,
    leaderName: memberName(members, r.leader_id),
    memberIds,
    memberNames: memberIds.map((id) => memberName(members, id)),
    startDate: r.start_date,
    plannedEnd: r.planned_end,
    status: r.status as ProjectStatus,
    finishedDate: r.finished_date,
    outcome: r.outcome,
    benefitYuan: r.benefit_yuan,
    benefitDays: r.benefit_days,
    note: r.note,
    notes: notes.filter((n) => n.project_id === r.id).map(toNote),
    updatedAt: r.updated_at,
  };
}

/** Projects running at some time in the year: started by its end, and not finished before its start. */
export function projectsOfYear(db: Sqlite, branchId: string, year: number): TargetProjectsTable[] {
  return all(
    db,
    qb
      .selectFrom('target_projects')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('deleted_at', 'is', null)
      .where('start_date', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('finished_date', 'is', null), eb('finished_date', '>=', `${year}-01-01`)]))
      .orderBy('start_date')
      .orderBy('title'),
  );
}

export function listProjects(db: Sqlite, year: number): Project[] {
  const branchId = requireBranchId(db);
  const members = membersById(db, branchId);
  const notes = notesOf(db, branchId);
  return projectsOfYear(db, branchId, year).map((p) => toProject(p, members, notes));
}

export function getProject(db: Sqlite, id: string): Project {
  const row = requireLive(db, 'target_projects', id, '攻关项目');
  return toProject(row, membersById(db, row.branch_id, [row.leader_id, ...parseJson<string[]>(row.member_ids)]), notesOf(db, row.branch_id, row.id));
}

/** Dates in order; a finished or stopped project has its end date, a running one none. */
function dateProblems(input: ProjectSave): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.plannedEnd < input.startDate) problems.push({ field: 'plannedEnd', message: `不能早于开始日期（${input.startDate}）` });
  if (input.status !== '进行中' && !input.finishedDate) problems.push({ field: 'finishedDate', message: `项目${input.status}，请填写完成日期` });
  if (input.finishedDate && input.finishedDate < input.startDate) problems.push({ field: 'finishedDate', message: `不能早于开始日期（${input.startDate}）` });
  return problems;
}

export function saveProject(db: Sqlite, input: ProjectSave): Project {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const existing = input.id ? requireLive(db, 'target_projects', input.id, '攻关项目') : null;
    const members = membersById(db, branchId);
    const before = new Set(existing ? [existing.leader_id, ...parseJson<string[]>(existing.member_ids)] : []);
    const memberIds = [...new Set(input.memberIds)].filter((id) => id !== input.leaderId);
    const problems = [
      ...(before.has(input.leaderId) ? [] : memberProblems(members, input.leaderId, 'leaderId')),
      ...memberIds.flatMap((id, i) => (before.has(id) ? [] : memberProblems(members, id, `memberIds.${i}`))),
      ...dateProblems(input),
    ];
    requireNoProblems(problems);
    const columns = {
      title: input.title,
      problem: input.problem,
      leader_id: input.leaderId,
      member_ids: JSON.stringify(memberIds),
      start_date: input.startDate,
      planned_end: input.plannedEnd,
      status: input.status,
      finished_date: input.status === '进行中' ? null : input.finishedDate,
      outcome: input.outcome,
      benefit_yuan: input.benefitYuan,
      benefit_days: input.benefitDays,
      note: input.note,
    };
    const row = existing
      ? updateRow(db, 'target_projects', existing.id, columns, input.expectedUpdatedAt ?? undefined)
      : insertRow(db, 'target_projects', { ...newCommon(branchId), ...columns });
    return getProject(db, row.id);
  })();
}

export function deleteProject(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireLive(db, 'target_projects', id, '攻关项目');
    trashRow(db, 'target_projects', id);
  })();
}

export function addProjectNote(db: Sqlite, input: { projectId: string; date: string; content: string }): Project {
  return db.transaction(() => {
    const project = requireLive(db, 'target_projects', input.projectId, '攻关项目');
    if (input.date < project.start_date) requireNoProblems([{ field: 'date', message: `不能早于项目开始日期（${project.start_date}）` }]);
    insertRow(db, 'target_project_notes', { ...newCommon(project.branch_id), project_id: project.id, note_date: input.date, content: input.content });
    return getProject(db, project.id);
  })();
}

export function deleteProjectNote(db: Sqlite, id: string): Project {
  return db.transaction(() => {
    const note = requireLive(db, 'target_project_notes', id, '攻关进展');
    trashRow(db, 'target_project_notes', id);
    return getProject(db, note.project_id);
  })();
}
