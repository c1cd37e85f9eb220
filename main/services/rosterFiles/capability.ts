import type { Capability } from '../../capability';
import { rosterExportCommand, rosterImportCommand } from './cli';
import { rosterFilesHandlers } from './handlers';

export const rosterFilesCapability: Capability = {
  key: 'rosterFiles',
  label: '名册文件与概况',
  handlers: rosterFilesHandlers,
  cliCommands: [rosterImportCommand, rosterExportCommand],
};
