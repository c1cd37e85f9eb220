import type { Capability } from '../../capability';
import { committeeHandlers } from './handlers';

export const committeeCapability: Capability = {
  key: 'committee',
  label: '党委汇总',
  handlers: committeeHandlers,
  cliCommands: [],
};
