import type { Capability } from '../../capability';
import { rosterTables } from './tables';
import { ROSTER_FACTS } from './facts';
import { memberAddCommand, memberListCommand } from './cli';
import { rosterDemo } from './demo';
import { memberEventsDemo } from './demoEvents';
import { rosterHandlers } from './handlers';

export const rosterCapability: Capability = {
  key: 'roster',
  label: '党员名册',
  handlers: rosterHandlers,
  cliCommands: [memberListCommand, memberAddCommand],
  demo: [rosterDemo, memberEventsDemo],
  facts: ROSTER_FACTS,
  tables: rosterTables,
};
