/**
 * 评先评优: commendations per member and year, and the proposals drawn from the year-end assessment (the top
 * grade → 优秀共产党员), the demonstration zones (regular records → 红旗责任区) and the finished projects with a
 * measured benefit (the leader → 党员先锋岗).
 */
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { Commendation, CommendationProposal, commendationSaveSchema } from '../../../shared/contract/targets';
import { formatPoints, projectBenefitText, type CommendationStatus } from '../../../shared/domain/targets';
import { all, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { periodResults } from './assessments';
import { memberName, memberProblems, membersById, requireLive, requireNoProblems, type MemberRef } from './common';
import { projectsOfYear } from './projects';
import type { TargetCommendationsTable } from './tables';
import { liveZones, zoneRecords } from './zones';

export type CommendationSave = z.output<typeof commendationSaveSchema>;

/** A zone with at least this many records in the year (members report monthly; half a year's worth) is proposed. */
export const ZONE_RECORDS_FOR_PROPOSAL = 6;

function toCommendation(r: TargetCommendationsTable, members: Map<string, MemberRef>): Commendation {
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: memberName(members, r.member_id),
    year: r.year,
    title: r.title,
    basis: r.basis,
    status: r.status as CommendationStatus,
    decidedDate: r.decided_date,
    note: r.note,
    updatedAt: r.updated_at,
  };
}

function commendationsOf(db: Sqlite, branchId: string, year: number): TargetCommendationsTable[] {
  return all(
    db,
    qb.selectFrom('target_commendations').selectAll().where('branch_id', '=', branchId).where('year', '=', year).where('deleted_at', 'is', null).orderBy('title').orderBy('created_at'),
  );
}

export function listCommendations(db: Sqlite, year: number): Commendation[] {
  const branchId = requireBranchId(db);
  const members = membersById(db, branchId);
  return commendationsOf(db, branchId, year).map((r) => toCommendation(r, members));
}

export function proposeCommendations(db: Sqlite, year: number): CommendationProposal[] {
  const branchId = requireBranchId(db);
  const members = membersById(db, branchId);
  const recorded = new Set(commendationsOf(db, branchId, year).map((c) => `${c.member_id}|${c.title}`));
  const proposals: Omit<CommendationProposal, 'recorded' | 'memberName'>[] = [];

  const results = periodResults(db, branchId, year, 'final').filter((r) => r.rank !== null);
  for (const r of results.sort((a, b) => a.rank! - b.rank!)) {
    const top = r.rules[0];
    if (!top || r.reward !== top) continue;
    proposals.push({
      memberId: r.letter.member_id,
      title: '优秀共产党员',
      basis: `${year}年年终考核 ${formatPoints(r.totals.total!)} 分，支部排名第 ${r.rank} 名，档次“${top.grade}”`,
      source: { table: 'target_assessments', id: r.assessment!.id },
    });
  }

  const records = zoneRecords(db, branchId).filter((rec) => rec.record_date.startsWith(`${year}-`));
  for (const zone of liveZones(db, branchId)) {
    const count = records.filter((rec) => rec.zone_id === zone.id).length;
    if (count < ZONE_RECORDS_FOR_PROPOSAL) continue;
    proposals.push({ memberId: zone.member_id, title: '红旗责任区', basis: `示范责任区“${zone.name}”${year}年记录 ${count} 次`, source: { table: 'target_zones', id: zone.id } });
  }

  for (const p of projectsOfYear(db, branchId, year)) {
    if (p.status !== '已完成' || !p.finished_date?.startsWith(`${year}-`) || (p.benefit_yuan === null && p.benefit_days === null)) continue;
    const benefit = projectBenefitText(p.benefit_yuan, p.benefit_days);
    proposals.push({ memberId: p.leader_id, title: '党员先锋岗', basis: `牵头攻关“${p.title}”，${benefit}`, source: { table: 'target_projects', id: p.id } });
  }

  return proposals
    .filter((p) => !members.get(p.memberId)?.deleted)
    .map((p) => ({ ...p, memberName: memberName(members, p.memberId), recorded: recorded.has(`${p.memberId}|${p.title}`) }));
}

export function saveCommendation(db: Sqlite, input: CommendationSave): Commendation {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const existing = input.id ? requireLive(db, 'target_commendations', input.id, '评先评优记录') : null;
    const members = membersById(db, branchId);
    const problems = existing?.member_id === input.memberId ? [] : memberProblems(members, input.memberId, 'memberId');
    if (input.status === '已表彰' && !input.decidedDate) problems.push({ field: 'decidedDate', message: '已表彰的请填写表彰日期' });
    requireNoProblems(problems);
    const clash = commendationsOf(db, branchId, input.year).find((c) => c.id !== existing?.id && c.member_id === input.memberId && c.title === input.title);
    if (clash) {
      const message = `${memberName(members, input.memberId)}${input.year}年已有“${input.title}”`;
      throw new AppError('E_CONFLICT', message, [{ field: 'title', message }]);
    }
    const columns = {
      member_id: input.memberId,
      year: input.year,
      title: input.title,
      basis: input.basis,
      status: input.status,
      decided_date: input.decidedDate,
      note: input.note,
    };
    const row = existing
      ? updateRow(db, 'target_commendations', existing.id, columns, input.expectedUpdatedAt ?? undefined)
      : insertRow(db, 'target_commendations', { ...newCommon(branchId), ...columns });
    return toCommendation(row, members);
  })();
}

export function deleteCommendation(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireLive(db, 'target_commendations', id, '评先评优记录');
    trashRow(db, 'target_commendations', id);
  })();
}
