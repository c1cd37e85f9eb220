/** The branch's table: its row type and its registry entry. */
import { branchFieldsSchema } from '../../../shared/domain/branch';
import { zodProblems } from '../../../shared/contract/validate';
import type { CommonColumns } from '../../db/schema';
import type { TableSpec } from '../../db/registry';

export interface BranchesTable extends CommonColumns {
  name: string;
  parent_committee: string;
  founded_date: string | null;
  address: string;
  officers_json: string;
}

declare module '../../db/schema' {
  interface UserTables {
    branches: BranchesTable;
  }
}

const branchesTable: TableSpec = {
  name: 'branches',
  label: '支部',
  describe: (r) => String(r.name),
  dependsOn: [],
  // A branch row is the branch itself: every other row's branch_id points at one.
  isBranch: true,
  inTrash: false,
  columnLabels: { name: '支部名称', parent_committee: '所属党委', founded_date: '成立时间', address: '地址', officers_json: '支部委员' },
  validateRow: (r) => {
    let officers: unknown;
    try {
      officers = JSON.parse(String(r.officers_json));
    } catch {
      return [{ field: 'officers_json', message: '支部委员数据不是有效的 JSON' }];
    }
    const parsed = branchFieldsSchema.safeParse({
      name: r.name,
      parentCommittee: r.parent_committee,
      foundedDate: r.founded_date,
      address: r.address,
      officers,
    });
    return parsed.success ? [] : zodProblems(parsed.error);
  },
};

/** This capability's tables, in the order they are created (main/capabilities.ts hands them to the registry). */
export const branchTables: readonly TableSpec[] = [branchesTable];
