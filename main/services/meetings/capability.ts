import type { Capability } from '../../capability';
import { meetingsHandlers } from './handlers';
import { meetingsTables } from './tables';

export const meetingsCapability: Capability = {
  key: 'meetings',
  label: '三会一课',
  handlers: meetingsHandlers,
  cliCommands: [],
  tables: meetingsTables,
};
