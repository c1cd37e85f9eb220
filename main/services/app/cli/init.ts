/** `init --branch NAME [--parent NAME]`: creates the local branch profile. */
import { AppError } from '../../../../shared/contract/errors';
import { branchFieldsSchema, type BranchFields } from '../../../../shared/domain/branch';
import { getLocalBranch, saveBranch } from '../../../services/branch/branch';
import { requiredString, schemaOptions } from '../../../cli/args';
import type { CliCommand } from '../../../cli/command';

export const initCommand: CliCommand<BranchFields> = {
  path: ['init'],
  summary: '建立本支部的支部信息（数据文件不存在时一并创建）',
  usage: '--branch 支部名称 [--parent 所属党委]',
  details: ['--branch 名称   支部全称，如：中共渤海钻探第一钻井队支部委员会', '--parent 名称   所属党委（可选）'],
  options: { branch: { type: 'string' }, parent: { type: 'string' } },
  database: 'create',
  prepare({ values }) {
    const input = { name: requiredString(values, 'branch', initCommand), parentCommittee: typeof values.parent === 'string' ? values.parent : '' };
    return schemaOptions(branchFieldsSchema, input, { name: '--branch', parentCommittee: '--parent' }, initCommand);
  },
  run({ options: fields, ctx }) {
    const db = ctx!.db;
    const existing = getLocalBranch(db);
    if (existing && existing.name !== fields.name) {
      throw new AppError('E_CONFLICT', `本数据文件已建立支部“${existing.name}”，不能再建立“${fields.name}”。如需改名，请在程序的支部信息中修改。`);
    }
    const branch = existing ?? saveBranch(db, fields);
    const created = !existing;
    return {
      data: { created, branch: { id: branch.id, name: branch.name, parentCommittee: branch.parentCommittee } },
      text: created ? `已建立支部“${branch.name}”。\n数据文件：${ctx!.databasePath}` : `支部“${branch.name}”已经建立，无需重复建立。`,
    };
  },
};
