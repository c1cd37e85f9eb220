import type { Capability } from '../../capability';
import { branchTables } from './tables';
import { branchHandlers } from './handlers';

export const branchCapability: Capability = {
  key: 'branch',
  label: '支部与党小组',
  handlers: branchHandlers,
  cliCommands: [],
  tables: branchTables,
};
