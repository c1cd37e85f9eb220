/** `seed-demo --members N [--seed S]`: realistic demo data, the same for the same seed. */
import { contract } from '../../../shared/contract/operations';
import { demoSummaryText, seedDemo, type DemoSeedInput } from '../../services/demo/seed';
import { integerOption, schemaOptions, UsageError } from '../../cli/args';
import type { CliCommand } from '../../cli/command';

const MAX_MEMBERS = 100_000;

export const seedDemoCommand: CliCommand<DemoSeedInput> = {
  path: ['seed-demo'],
  summary: '生成示例数据（示例钻井队支部及其党员），同一种子每次生成相同的数据',
  usage: '--members N [--seed S]',
  details: [
    '--members N   党员人数（1–100000）',
    '--seed S      随机种子（整数，默认 1）',
    '只能生成到空的名册中；没有支部时会建立示例支部。',
  ],
  options: { members: { type: 'string' }, seed: { type: 'string' } },
  database: 'create',
  /** The options as the contract's demo.seed input (the same schema the app's operation uses). */
  prepare({ values }) {
    if (values.members === undefined) throw new UsageError('缺少选项 --members', seedDemoCommand);
    const members = integerOption(values, 'members', seedDemoCommand);
    if (members < 1 || members > MAX_MEMBERS) throw new UsageError(`选项 --members 应在 1 到 ${MAX_MEMBERS} 之间`, seedDemoCommand);
    const seed = integerOption(values, 'seed', seedDemoCommand, 1);
    return schemaOptions(contract['demo.seed'].input, { members, seed }, { members: '--members', seed: '--seed' }, seedDemoCommand);
  },
  run({ options, ctx }) {
    const summary = seedDemo(ctx!.db, options);
    return {
      data: { branch: summary.branch, branchCreated: summary.branchCreated, seed: summary.seed, ...summary.counts },
      text: demoSummaryText(summary),
    };
  },
};
