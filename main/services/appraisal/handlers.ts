import type { appraisalOperations } from '../../../shared/contract/appraisal';
import type { HandlersOf } from '../../capability';
import { requireBranchId } from '../branch/branch';
import { correctSheet, decideGrades, enterSheet, getSheet, listDifferences, listSheets, markSpoilt, memberHistory, results } from './ballots';
import { appraisalDocumentHandlers } from './documentHandlers';
import { listFollowUps, updateFollowUp } from './followups';
import { campaignSerials, createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns';

/** The core operations; the documents and screens parts spread their own handlers in below. */
export const appraisalHandlers: HandlersOf<typeof appraisalOperations> = {
  'appraisal.list': (ctx) => listCampaigns(ctx.db, requireBranchId(ctx.db)),
  'appraisal.get': (ctx, input) => getCampaign(ctx.db, input.campaignId),
  'appraisal.create': (ctx, input) => createCampaign(ctx.db, input),
  'appraisal.update': (ctx, input) => updateCampaign(ctx.db, input),
  'appraisal.serials': (ctx, input) => campaignSerials(ctx.db, input.campaignId),
  'appraisal.sheets': (ctx, input) => listSheets(ctx.db, input.campaignId),
  'appraisal.getSheet': (ctx, input) => getSheet(ctx.db, input.campaignId, input.serial, input.entry),
  'appraisal.enterSheet': (ctx, input) => enterSheet(ctx.db, input),
  'appraisal.correctSheet': (ctx, input) => correctSheet(ctx.db, input),
  'appraisal.markSpoilt': (ctx, input) => markSpoilt(ctx.db, input.campaignId, input.serial, input.entry, input.spoilt),
  'appraisal.differences': (ctx, input) => listDifferences(ctx.db, input.campaignId),
  'appraisal.tally': (ctx, input) => results(ctx.db, input.campaignId),
  'appraisal.decide': (ctx, input) => decideGrades(ctx.db, input.campaignId, input.decisions),
  'appraisal.results': (ctx, input) => results(ctx.db, input.campaignId),
  'appraisal.history': (ctx, input) => memberHistory(ctx.db, requireBranchId(ctx.db), input.memberId),
  'appraisal.followUps': (ctx, input) => listFollowUps(ctx.db, input.campaignId),
  'appraisal.updateFollowUp': (ctx, input) => updateFollowUp(ctx.db, input),
  // documents
  ...appraisalDocumentHandlers,
};
