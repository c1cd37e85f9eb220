/**
 * The one list of the capabilities' contract modules. A new capability adds its module here (one line);
 * `contract` is their merge, and a name declared twice stops the app at start-up.
 */
import { appOperations } from './app';
import { appraisalOperations } from './appraisal';
import { backupOperations } from './backup';
import { branchOperations } from './branch';
import { codeListsOperations } from './codeLists';
import { committeeOperations } from './committee';
import { defineContract } from './define';
import { demoOperations } from './demo';
import { factsOperations } from './facts';
import { handoverOperations } from './handover';
import { meetingsOperations } from './meetings';
import { pipelineOperations } from './pipeline';
import { rosterOperations } from './roster';
import { rosterFilesOperations } from './rosterFiles';
import { targetsOperations } from './targets';
import { trashOperations } from './trash';

export const CONTRACT_MODULES = [
  appOperations,
  demoOperations,
  branchOperations,
  rosterOperations,
  trashOperations,
  rosterFilesOperations,
  committeeOperations,
  handoverOperations,
  backupOperations,
  pipelineOperations,
  factsOperations,
  codeListsOperations,
  meetingsOperations,
  targetsOperations,
  appraisalOperations,
] as const;

export const contract = defineContract(...CONTRACT_MODULES);
