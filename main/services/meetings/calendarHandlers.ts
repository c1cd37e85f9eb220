/** The 台账's operations (the `// calendar` block of shared/contract/meetings.ts), spread into meetingsHandlers. */
import type { meetingsOperations } from '../../../shared/contract/meetings';
import type { HandlersOf } from '../../capability';
import { resolveBranchId } from '../branch/branch';
import type { AppContext } from '../../app/context';
import { branchCalendar, calendarDocument, calendarExcel, calendarWord } from './calendarService';

type CalendarOps = 'meetings.calendar' | 'meetings.previewCalendar' | 'meetings.exportCalendarWord' | 'meetings.exportCalendarXlsx';

const branchOf = (ctx: AppContext, branchId: string | null | undefined) => resolveBranchId(ctx.db, branchId, 'branchId', '支部');

export const calendarHandlers: Pick<HandlersOf<typeof meetingsOperations>, CalendarOps> = {
  'meetings.calendar': (ctx, input) => branchCalendar(ctx.db, branchOf(ctx, input.branchId), input.year),
  'meetings.previewCalendar': (ctx, input) => ({ document: calendarDocument(ctx.db, branchOf(ctx, input.branchId), input.year) }),
  'meetings.exportCalendarWord': (ctx, input) => calendarWord(ctx.db, branchOf(ctx, input.branchId), input.year),
  'meetings.exportCalendarXlsx': (ctx, input) => calendarExcel(ctx.db, branchOf(ctx, input.branchId), input.year),
};
