import type { Capability } from '../../capability';
import { backupCreateCommand, backupListCommand, backupRestoreCommand, backupVerifyCommand } from './cli';
import { backupHandlers } from './handlers';

export const backupCapability: Capability = {
  key: 'backup',
  label: '备份与恢复',
  handlers: backupHandlers,
  cliCommands: [backupCreateCommand, backupListCommand, backupVerifyCommand, backupRestoreCommand],
};
