/** 党员示范责任区: a zone of equipment, area or crew a member answers for, with dated records of what was done. */
import type { z } from 'zod';
import type { Zone, ZoneRecord, zoneSaveSchema } from '../../../shared/contract/targets';
import { all, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { memberName, memberProblems, membersById, requireLive, requireNoProblems, type MemberRef } from './common';
import type { TargetZoneRecordsTable, TargetZonesTable } from './tables';

export type ZoneSave = z.output<typeof zoneSaveSchema>;

function toRecord(r: TargetZoneRecordsTable): ZoneRecord {
  return { id: r.id, zoneId: r.zone_id, date: r.record_date, content: r.content };
}

/** The live records of the branch's zones (of one zone, when given), newest first. */
export function zoneRecords(db: Sqlite, branchId: string, zoneId?: string): TargetZoneRecordsTable[] {
  let query = qb.selectFrom('target_zone_records').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null);
  if (zoneId) query = query.where('zone_id', '=', zoneId);
  return all(
    db,
    query
      .orderBy('record_date', 'desc')
      .orderBy('created_at', 'desc'),
  );
}

function toZone(r: TargetZonesTable, members: Map<string, MemberRef>, records: readonly TargetZoneRecordsTable[]): Zone {
  return {
    id: r.id,
    name: r.name,
    memberId: r.member_id,
    memberName: memberName(members, r.member_id),
    scopeEquipment: r.scope_equipment,
    scopeArea: r.scope_area,
    scopeCrew: r.scope_crew,
    commitments: r.commitments,
    startDate: r.start_date,
    endDate: r.end_date,
    note: r.note,
    records: records.filter((rec) => rec.zone_id === r.id).map(toRecord),
    updatedAt: r.updated_at,
  };
}

export function liveZones(db: Sqlite, branchId: string): TargetZonesTable[] {
  return all(db, qb.selectFrom('target_zones').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null).orderBy('start_date').orderBy('name'));
}

export function listZones(db: Sqlite): Zone[] {
  const branchId = requireBranchId(db);
  const members = membersById(db, branchId);
  const records = zoneRecords(db, branchId);
  return liveZones(db, branchId).map((z) => toZone(z, members, records));
}

function getZone(db: Sqlite, id: string): Zone {
  const row = requireLive(db, 'target_zones', id, '示范责任区');
  return toZone(row, membersById(db, row.branch_id, [row.member_id]), zoneRecords(db, row.branch_id, row.id));
}

export function saveZone(db: Sqlite, input: ZoneSave): Zone {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const existing = input.id ? requireLive(db, 'target_zones', input.id, '示范责任区') : null;
    const members = membersById(db, branchId);
    const problems = existing?.member_id === input.memberId ? [] : memberProblems(members, input.memberId, 'memberId');
    if (input.endDate && input.endDate < input.startDate) problems.push({ field: 'endDate', message: `不能早于开始日期（${input.startDate}）` });
    requireNoProblems(problems);
    const columns = {
      name: input.name,
      member_id: input.memberId,
      scope_equipment: input.scopeEquipment,
      scope_area: input.scopeArea,
      scope_crew: input.scopeCrew,
      commitments: input.commitments,
      start_date: input.startDate,
      end_date: input.endDate,
      note: input.note,
    };
    const row = existing
      ? updateRow(db, 'target_zones', existing.id, columns, input.expectedUpdatedAt ?? undefined)
      : insertRow(db, 'target_zones', { ...newCommon(branchId), ...columns });
    return getZone(db, row.id);
  })();
}

/** To the trash; its records stay with it. */
export function deleteZone(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireLive(db, 'target_zones', id, '示范责任区');
    trashRow(db, 'target_zones', id);
  })();
}

export function addZoneRecord(db: Sqlite, input: { zoneId: string; date: string; content: string }): Zone {
  return db.transaction(() => {
    const zone = requireLive(db, 'target_zones', input.zoneId, '示范责任区');
    if (input.date < zone.start_date) requireNoProblems([{ field: 'date', message: `不能早于责任区设立日期（${zone.start_date}）` }]);
    insertRow(db, 'target_zone_records', { ...newCommon(zone.branch_id), zone_id: zone.id, record_date: input.date, content: input.content });
    return getZone(db, zone.id);
  })();
}

export function deleteZoneRecord(db: Sqlite, id: string): Zone {
  return db.transaction(() => {
    const record = requireLive(db, 'target_zone_records', id, '责任区记录');
    trashRow(db, 'target_zone_records', id);
    return getZone(db, record.zone_id);
  })();
}
