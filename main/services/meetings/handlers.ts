import type { meetingsOperations } from '../../../shared/contract/meetings';
import type { HandlersOf } from '../../capability';
import { requireBranchId } from '../branch/branch';
import { addAttachment, deleteAttachment, getAttachment } from './attachments';
import { calendarHandlers } from './calendarHandlers';
import { meetingFrequencies, setMeetingFrequencies } from './frequencies';
import { amendMeeting, deleteMeeting, finalizeMeeting, meetingHistory, saveAndFinalizeMeeting, saveMeeting } from './meetings';
import { expectedFor, getMeeting, listMeetings } from './records';
import { deleteTalk, getTalk, listTalks, saveTalk } from './talks';
import { meetingsDocumentHandlers } from './documentHandlers';
import { deleteReport, listReports, reportRhythms, reportsDueNow, saveReport, setReportRhythms } from './reports';

/** The core operations; the calendar, documents and screens parts spread their own handlers in below. */
export const meetingsHandlers: HandlersOf<typeof meetingsOperations> = {
  'meetings.list': (ctx, input) => listMeetings(ctx.db, requireBranchId(ctx.db), input),
  'meetings.get': (ctx, input) => getMeeting(ctx.db, input.id),
  'meetings.expected': (ctx, input) => expectedFor(ctx.db, requireBranchId(ctx.db), input.kind, input.date, input.groupId),
  'meetings.save': (ctx, input) => saveMeeting(ctx.db, input),
  'meetings.finalize': (ctx, input) =>
    input.fields ? saveAndFinalizeMeeting(ctx.db, { id: input.id, fields: input.fields, expectedUpdatedAt: input.expectedUpdatedAt }) : finalizeMeeting(ctx.db, input.id!, input.expectedUpdatedAt),
  'meetings.amend': (ctx, input) => amendMeeting(ctx.db, input),
  'meetings.history': (ctx, input) => meetingHistory(ctx.db, input.id),
  'meetings.delete': (ctx, input) => deleteMeeting(ctx.db, input.id),
  'meetings.addAttachment': (ctx, input) => addAttachment(ctx.db, input),
  'meetings.getAttachment': (ctx, input) => getAttachment(ctx.db, input.id),
  'meetings.deleteAttachment': (ctx, input) => deleteAttachment(ctx.db, input.id),
  'meetings.frequencies': (ctx) => meetingFrequencies(ctx.db, requireBranchId(ctx.db)),
  'meetings.setFrequencies': (ctx, input) => setMeetingFrequencies(ctx.db, input.frequencies),
  'talks.list': (ctx, input) => listTalks(ctx.db, requireBranchId(ctx.db), input),
  'talks.get': (ctx, input) => getTalk(ctx.db, input.id),
  'talks.save': (ctx, input) => saveTalk(ctx.db, input),
  'talks.delete': (ctx, input) => deleteTalk(ctx.db, input.id),
  // documents
  ...meetingsDocumentHandlers,
  ...calendarHandlers,
  // reports
  'reports.list': (ctx, input) => listReports(ctx.db, requireBranchId(ctx.db), input),
  'reports.save': (ctx, input) => saveReport(ctx.db, input),
  'reports.delete': (ctx, input) => deleteReport(ctx.db, input.id),
  'reports.due': (ctx) => reportsDueNow(ctx.db, requireBranchId(ctx.db)),
  'reports.rhythms': (ctx) => reportRhythms(ctx.db, requireBranchId(ctx.db)),
  'reports.setRhythms': (ctx, input) => setReportRhythms(ctx.db, input.rhythms),
};
