import type { Capability } from '../../capability';
import { checkCommand } from './cli/check';
import { initCommand } from './cli/init';
import { appHandlers } from './handlers';

export const appCapability: Capability = {
  key: 'app',
  label: '应用',
  handlers: appHandlers,
  cliCommands: [initCommand, checkCommand],
};
