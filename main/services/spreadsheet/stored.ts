/** The stored roster of the branch imported into, loaded once per preview and looked up in maps (no query per row). */
import type { MemberFieldsInput, Member } from '../../../shared/domain/member';
import { all, qb, type Sqlite } from '../../db/query';
import { resolveBranchId } from '../branch/branch';
import { toMember } from '../roster/members';

export interface StoredRoster {
  branchId: string;
  byId: Map<string, Member>;
  byIdNumber: Map<string, Member>;
  /** name + birth date -> the members with both (more than one: ambiguous, not matched). */
  byNameBirth: Map<string, Member[]>;
}

export const nameBirthKey = (name: string, birthDate: string) => `${name}\u0000${birthDate}`;

/** The label the import names its target branch by, in messages. */
export const IMPORT_BRANCH_LABEL = '导入到支部';

/** branch: the branch imported into (a committee importing into an imported branch); omitted: the local one. */
export function loadStoredRoster(db: Sqlite, branch?: string | null): StoredRoster {
  const branchId = resolveBranchId(db, branch, 'branchId', IMPORT_BRANCH_LABEL);
  const rows = all(
    db,
    qb
      .selectFrom('members as m')
      .leftJoin('party_groups as g', 'g.id', 'm.party_group_id')
      .selectAll('m')
      .select('g.name as group_name')
      .where('m.branch_id', '=', branchId)
      .where('m.deleted_at', 'is', null),
  );
  const roster: StoredRoster = { branchId, byId: new Map(), byIdNumber: new Map(), byNameBirth: new Map() };
  for (const r of rows) {
    const m = toMember(r, r.group_name);
    roster.byId.set(m.id, m);
    roster.byIdNumber.set(m.idNumber, m);
    const key = nameBirthKey(m.name, m.birthDate);
    roster.byNameBirth.set(key, [...(roster.byNameBirth.get(key) ?? []), m]);
  }
  return roster;
}

/** A stored member as schema input (the starting point of an update: unmapped fields keep these values). */
export function storedInput(m: Member): MemberFieldsInput {
  const { id, branchId, createdAt, updatedAt, partyGroupId, partyGroup, probationExtensionMonths, ...fields } = m;
  return { ...fields, partyGroupId: null };
}
