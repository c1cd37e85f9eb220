/** The branch's required frequency per meeting kind: the defaults of domain.md 2.1, or the branch's own. */
import { effectiveFrequencies, kindInfo, type KindFrequency, type MeetingFrequency, type MeetingKind } from '../../../shared/domain/meetings';
import { all, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';

function stored(db: Sqlite, branchId: string) {
  return all(db, qb.selectFrom('meeting_frequencies').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null));
}

export function meetingFrequencies(db: Sqlite, branchId: string): KindFrequency[] {
  return effectiveFrequencies(
    stored(db, branchId).map((r) => ({ kind: r.kind as MeetingKind, frequency: r.frequency as MeetingFrequency, minPerPeriod: r.min_per_period })),
  );
}

/** Stores the settings that differ from the defaults; a setting back at its default is removed. */
export function setMeetingFrequencies(db: Sqlite, settings: readonly KindFrequency[]): KindFrequency[] {
  const branchId = requireBranchId(db);
  return db.transaction(() => {
    const rows = new Map(stored(db, branchId).map((r) => [r.kind, r]));
    for (const s of settings) {
      const info = kindInfo(s.kind);
      const isDefault = s.frequency === info.frequency && s.minPerPeriod === info.minPerPeriod;
      const row = rows.get(s.kind);
      if (isDefault) {
        if (row) trashRow(db, 'meeting_frequencies', row.id);
      } else if (row) {
        updateRow(db, 'meeting_frequencies', row.id, { frequency: s.frequency, min_per_period: s.minPerPeriod });
      } else {
        insertRow(db, 'meeting_frequencies', { ...newCommon(branchId), kind: s.kind, frequency: s.frequency, min_per_period: s.minPerPeriod });
      }
    }
    return meetingFrequencies(db, branchId);
  })();
}
