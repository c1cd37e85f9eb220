import type { committeeOperations } from '../../../shared/contract/committee';
import type { HandlersOf } from '../../capability';
import { listBranches } from '../branch/branch';
import { compareBranches } from '../branch/compare';

export const committeeHandlers: HandlersOf<typeof committeeOperations> = {
  'branches.list': (ctx) => listBranches(ctx.db),
  'branches.compare': (ctx) => compareBranches(ctx.db),
};
