/**
 * Every CLI command, in the order help lists them: each capability's `cliCommands`, in the order of
 * main/capabilities.ts. A new command is added to its capability's list (main/services/<key>/capability.ts).
 */
import { CAPABILITIES } from '../../capabilities';
import type { CliCommand } from '../command';

export const COMMANDS: readonly CliCommand[] = CAPABILITIES.flatMap((capability) => capability.cliCommands);
