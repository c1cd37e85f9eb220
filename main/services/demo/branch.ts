/** The demo branch: created when the database has none, with its committee linked to demo members. */
import { branchFieldsSchema, type Branch, type Officer } from '../../../shared/domain/branch';
import type { Member } from '../../../shared/domain/member';
import type { Sqlite } from '../../db/query';
import { getLocalBranch, saveBranch } from '../branch/branch';
import { DEMO_WORK_UNIT } from './crew';

const UNIT = DEMO_WORK_UNIT;

/** A branch with seven or more members has a committee (支部委员会), a smaller one a secretary only. */
export function demoBranchName(members: number): string {
  return members >= 7 ? `中共${UNIT}支部委员会` : `中共${UNIT}支部`;
}

/** 中共渤海钻探第一钻井队支部委员会 -> 渤海钻探第一钻井队: the unit the branch's members work in. */
export function workUnitOf(branchName: string): string {
  const unit = branchName.replace(/^中共/, '').replace(/(总支部委员会|支部委员会|总支部|党总支|党支部|支部)$/, '');
  return unit || branchName;
}

const DUTIES: Record<string, string> = {
  书记: '主持支部全面工作，抓班子带队伍',
  副书记: '协助书记工作，负责生产经营中的党建工作',
  组织委员: '负责组织发展、党员教育管理和党费收缴',
  宣传委员: '负责宣传教育和思想政治工作',
  纪检委员: '负责党风廉政建设和纪律检查',
};

export function officersFrom(members: readonly Member[]): Officer[] {
  return members
    .filter((m) => DUTIES[m.partyPost])
    .map((m) => ({ name: m.name, role: m.partyPost as Officer['role'], duties: DUTIES[m.partyPost]!, memberId: m.id }));
}

/** The local branch, created as the demo branch when there is none. */
export function ensureDemoBranch(db: Sqlite, members: number): { branch: Branch; created: boolean } {
  const existing = getLocalBranch(db);
  if (existing) return { branch: existing, created: false };
  const fields = branchFieldsSchema.parse({
    name: demoBranchName(members),
    parentCommittee: '中共渤海钻探第一钻井公司委员会',
    foundedDate: '1998-07-01',
    address: '河北省任丘市渤海钻探第一钻井公司基地',
  });
  return { branch: saveBranch(db, fields), created: true };
}

/** Puts the demo committee (members holding branch posts) on the branch profile. */
export function linkDemoOfficers(db: Sqlite, members: readonly Member[]): number {
  const branch = getLocalBranch(db)!;
  const officers = officersFrom(members);
  const { id, isLocal, createdAt, updatedAt, ...fields } = branch;
  saveBranch(db, { ...fields, officers });
  return officers.length;
}
