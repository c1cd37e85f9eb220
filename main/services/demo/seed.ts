/** Demo data (seed-demo): realistic, deterministic. Filled in by the CLI work. */
import type { AppContext } from '../../app/context';
import type { JobStatus } from '../../../shared/contract/operations';
import { AppError } from '../../../shared/contract/errors';

export function startDemoSeed(_ctx: AppContext, _input: { members: number; seed: number }): JobStatus {
  throw new AppError('E_INTERNAL', '示例数据尚未实现');
}
