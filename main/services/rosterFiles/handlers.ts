import type { rosterFilesOperations } from '../../../shared/contract/rosterFiles';
import type { HandlersOf } from '../../capability';
import { applySheet, exportRosterSheet, exportRosterWord, exportStatisticsWord, previewRosterWord, previewSheet, previewStatisticsWord, rosterOverview } from './rosterFiles';

export const rosterFilesHandlers: HandlersOf<typeof rosterFilesOperations> = {
  'roster.importPreview': (ctx, input) => previewSheet(ctx, input),
  'roster.importApply': (ctx, input) => applySheet(ctx, input),
  'roster.exportXlsx': (ctx, input) => exportRosterSheet(ctx, input.filter, input.columns),
  'roster.exportDocx': (ctx, input) => exportRosterWord(ctx, input.filter, input),
  'roster.previewDocx': (ctx, input) => previewRosterWord(ctx, input.filter, input),
  'overview.get': (ctx) => rosterOverview(ctx),
  'overview.exportStatistics': (ctx) => exportStatisticsWord(ctx),
  'overview.previewStatistics': (ctx) => previewStatisticsWord(ctx),
};
