import type { Capability } from '../../capability';
import { meetingCalendarCommand } from './calendarCli';
import { MEETINGS_CALENDAR_FACTS } from './calendarFacts';
import { meetingsCliCommands } from './cli';
import { meetingsDemo } from './demo';
import { meetingsHandlers } from './handlers';
import { meetingsTables } from './tables';

export const meetingsCapability: Capability = {
  key: 'meetings',
  label: '三会一课',
  handlers: meetingsHandlers,
  cliCommands: [...meetingsCliCommands, meetingCalendarCommand],
  demo: [meetingsDemo],
  facts: MEETINGS_CALENDAR_FACTS,
  tables: meetingsTables,
};
