/**
 * The one main-side list of capabilities, in order. The dispatcher's handlers, the CLI's commands (help lists
 * them in this order) and the demo seeders (run in this order) are derived from it. A new capability adds
 * its main/services/<key>/capability.ts here (one line); its contract module goes in shared/contract/capabilities.ts.
 */
import { assertUniqueKeys, type Capability } from './capability';
import { appCapability } from './services/app/capability';
import { appraisalCapability } from './services/appraisal/capability';
import { backupCapability } from './services/backup/capability';
import { branchCapability } from './services/branch/capability';
import { codeListsCapability } from './services/codeLists/capability';
import { committeeCapability } from './services/committee/capability';
import { demoCapability } from './services/demo/capability';
import { factsCapability } from './services/facts/capability';
import { provideFacts } from './services/facts/registry';
import { provideTables } from './db/registry';
import { handoverCapability } from './services/handover/capability';
import { meetingsCapability } from './services/meetings/capability';
import { pipelineCapability } from './services/pipeline/capability';
import { rosterCapability } from './services/roster/capability';
import { rosterFilesCapability } from './services/rosterFiles/capability';
import { targetsCapability } from './services/targets/capability';
import { trashCapability } from './services/trash/capability';

export const CAPABILITIES: readonly Capability[] = [
  appCapability,
  demoCapability,
  branchCapability,
  rosterCapability,
  trashCapability,
  rosterFilesCapability,
  committeeCapability,
  handoverCapability,
  backupCapability,
  pipelineCapability,
  factsCapability,
  codeListsCapability,
  meetingsCapability,
  targetsCapability,
  appraisalCapability,
];

assertUniqueKeys(CAPABILITIES);
provideTables(CAPABILITIES.flatMap((c) => c.tables ?? []));
provideFacts(CAPABILITIES.flatMap((c) => c.facts ?? []));
