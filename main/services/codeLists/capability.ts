import type { Capability } from '../../capability';
import { codeListsTables } from './tables';
import { codesListCommand } from './cli';
import { codeListsDemoCapability } from './demo';
import { codeListsHandlers } from './handlers';

export const codeListsCapability: Capability = {
  key: 'codeLists',
  label: '字典',
  handlers: codeListsHandlers,
  cliCommands: [codesListCommand],
  demo: [codeListsDemoCapability],
  tables: codeListsTables,
};
