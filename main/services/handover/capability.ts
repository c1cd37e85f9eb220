import type { Capability } from '../../capability';
import { handoverExportCommand, handoverImportCommand } from './cli';
import { handoverHandlers } from './handlers';

export const handoverCapability: Capability = {
  key: 'handover',
  label: '数据交接',
  handlers: handoverHandlers,
  cliCommands: [handoverExportCommand, handoverImportCommand],
};
