/** The target-management operations, each a call of its service with the parsed input. */
import type { targetsOperations } from '../../../shared/contract/targets';
import type { HandlersOf } from '../../capability';
import { assessmentSummary, deleteAssessment, getAssessment, saveAssessment } from './assessments';
import { getBranchLetter, saveBranchLetter } from './branchLetters';
import { deleteCommendation, listCommendations, proposeCommendations, saveCommendation } from './commendations';
import { deleteLetter, generateLetters, getLetter, listLetters, regenerateLetter, updateLetter } from './letters';
import { exportLetters, exportLetterFiles, exportSummary, previewLetters, previewSummary } from './printing';
import { copyLastYearPlan, getPlan, planYears, savePlan } from './plans';
import { addProjectNote, deleteProject, deleteProjectNote, getProject, listProjects, saveProject } from './projects';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';
import { addZoneRecord, deleteZone, deleteZoneRecord, listZones, saveZone } from './zones';

export const targetsHandlers: HandlersOf<typeof targetsOperations> = {
  'targetPlans.years': (ctx) => planYears(ctx.db),
  'targetPlans.get': (ctx, input) => getPlan(ctx.db, input.year),
  'targetPlans.save': (ctx, input) => savePlan(ctx.db, input),
  'targetPlans.copyLastYear': (ctx, input) => copyLastYearPlan(ctx.db, input.year),

  'postTemplates.list': (ctx) => listTemplates(ctx.db),
  'postTemplates.save': (ctx, input) => saveTemplate(ctx.db, input),
  'postTemplates.delete': (ctx, input) => deleteTemplate(ctx.db, input.id),

  'targetLetters.list': (ctx, input) => listLetters(ctx.db, input.year),
  'targetLetters.get': (ctx, input) => getLetter(ctx.db, input.id),
  'targetLetters.generate': (ctx, input) => generateLetters(ctx.db, input.year),
  'targetLetters.update': (ctx, input) => updateLetter(ctx.db, input),
  'targetLetters.regenerate': (ctx, input) => regenerateLetter(ctx.db, input.id),
  'targetLetters.delete': (ctx, input) => deleteLetter(ctx.db, input.id),

  'zones.list': (ctx) => listZones(ctx.db),
  'zones.save': (ctx, input) => saveZone(ctx.db, input),
  'zones.delete': (ctx, input) => deleteZone(ctx.db, input.id),
  'zones.addRecord': (ctx, input) => addZoneRecord(ctx.db, input),
  'zones.deleteRecord': (ctx, input) => deleteZoneRecord(ctx.db, input.id),

  'projects.list': (ctx, input) => listProjects(ctx.db, input.year),
  'projects.get': (ctx, input) => getProject(ctx.db, input.id),
  'projects.save': (ctx, input) => saveProject(ctx.db, input),
  'projects.delete': (ctx, input) => deleteProject(ctx.db, input.id),
  'projects.addNote': (ctx, input) => addProjectNote(ctx.db, input),
  'projects.deleteNote': (ctx, input) => deleteProjectNote(ctx.db, input.id),

  'assessments.get': (ctx, input) => getAssessment(ctx.db, input.letterId, input.period),
  'assessments.save': (ctx, input) => saveAssessment(ctx.db, input),
  'assessments.delete': (ctx, input) => deleteAssessment(ctx.db, input.id),
  'assessments.summary': (ctx, input) => assessmentSummary(ctx.db, input.year, input.period),

  'commendations.list': (ctx, input) => listCommendations(ctx.db, input.year),
  'commendations.propose': (ctx, input) => proposeCommendations(ctx.db, input.year),
  'commendations.save': (ctx, input) => saveCommendation(ctx.db, input),
  'commendations.delete': (ctx, input) => deleteCommendation(ctx.db, input.id),

  'branchLetters.get': (ctx, input) => getBranchLetter(ctx.db, input.year),
  'branchLetters.save': (ctx, input) => saveBranchLetter(ctx.db, input),

  'targetLetters.preview': (ctx, input) => previewLetters(ctx.db, input.year, input.ids),
  'targetLetters.export': (ctx, input) => exportLetters(ctx.db, input.year, input.ids),
  'targetLetters.exportEach': (ctx, input) => exportLetterFiles(ctx.db, input.year, input.ids),
  'assessments.previewSummary': (ctx, input) => previewSummary(ctx.db, input.year, input.period),
  'assessments.exportSummary': (ctx, input) => exportSummary(ctx.db, input.year, input.period, input.format),
};
