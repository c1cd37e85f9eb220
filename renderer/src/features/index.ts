/**
 * The capabilities of the app, in one list: the menu, the routes, what is read again after a hand-over import
 * or a restore (reloadAppData) and the hand-over export choices are all derived from it. A new capability
 * adds its folder's index.ts here.
 */
import type { Capability, ScreenEntry } from './capability';
import { overview } from './overview';
import { roster } from './roster';
import { status } from './status';
import { pipeline } from './pipeline';
import { groups } from './groups';
import { meetings } from './meetings';
import { rosterFiles } from './rosterFiles';
import { handover } from './handover';
import { backup } from './backup';
import { trash } from './trash';
import { branch } from './branch';
import { committee } from './committee';
import { system } from './system';
import { codeLists } from './codeLists';
import { targets } from './targets';
import { appraisal } from './appraisal';

export const CAPABILITIES: readonly Capability[] = [overview, roster, status, pipeline, groups, meetings, targets, appraisal, rosterFiles, handover, backup, trash, branch, codeLists, committee, system];

/** Every screen of every capability. */
export const SCREENS: readonly ScreenEntry[] = CAPABILITIES.flatMap((c) => c.screens);

/** The screen opened when the address names none (and after first start). */
export const HOME_SCREEN = 'overview';
