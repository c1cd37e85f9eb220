/** Every CLI command, in the order help lists them. A new command is one module added here. */
import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { initCommand } from './init';
import { memberAddCommand, memberListCommand } from './member';
import { seedDemoCommand } from './seedDemo';
import { rosterExportCommand, rosterImportCommand } from './roster';
import { handoverExportCommand, handoverImportCommand } from './handover';
import { backupCreateCommand, backupListCommand, backupRestoreCommand, backupVerifyCommand } from './backup';

export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  checkCommand,
  seedDemoCommand,
  memberListCommand,
  memberAddCommand,
  rosterImportCommand,
  rosterExportCommand,
  handoverExportCommand,
  handoverImportCommand,
  backupCreateCommand,
  backupListCommand,
  backupVerifyCommand,
  backupRestoreCommand,
];
