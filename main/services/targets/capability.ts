import type { Capability } from '../../capability';
import { targetsHandlers } from './handlers';
import { targetsTables } from './tables';

export const targetsCapability: Capability = {
  key: 'targets',
  label: '目标管理',
  handlers: targetsHandlers,
  cliCommands: [],
  tables: targetsTables,
};
