import type { Capability } from '../../capability';
import { meetingsCliCommands } from './cli';
import { meetingsDemo } from './demo';
import { meetingsDocumentCommands } from './documentsCli';
import { meetingCalendarCommand } from './calendarCli';
import { MEETINGS_CALENDAR_FACTS } from './calendarFacts';
import { meetingsHandlers } from './handlers';
import { MEETINGS_REPORT_FACTS } from './reportFacts';
import { meetingsTables } from './tables';

export const meetingsCapability: Capability = {
  key: 'meetings',
  label: '三会一课',
  handlers: meetingsHandlers,
  cliCommands: [
    ...meetingsCliCommands,
    // documents
    ...meetingsDocumentCommands,
    // calendar
    meetingCalendarCommand,
  ],
  demo: [meetingsDemo],
  facts: [...MEETINGS_CALENDAR_FACTS, ...MEETINGS_REPORT_FACTS],
  tables: meetingsTables,
};
