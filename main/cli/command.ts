/** What a CLI command is: its words, options, the database it needs, and what it does. */
import type { ParseArgsConfig } from 'node:util';
import type { AppContext } from '../app/context';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * create: open (creating and migrating if needed) through the app context;
 * existing: the same, but the database file must already exist;
 * file: the command opens the file itself (check); none: no database.
 */
export type DatabaseNeed = 'create' | 'existing' | 'file' | 'none';

export interface CommandInput {
  values: OptionValues;
  /** Words after the command's own (files), as declared by `positionals`. */
  args: string[];
  /** Set for 'create' and 'existing'. */
  ctx?: AppContext;
  /** The database file chosen by --db (or the default one). */
  databasePath: string;
}

export interface CommandResult {
  /** Printed with --json (exactly this, as JSON). */
  data: unknown;
  /** Printed otherwise. */
  text: string;
  /** Non-zero when the command ran but found a problem (check). */
  exitCode?: number;
}

export interface CliCommand {
  /** The words that name the command: ['member', 'list']. */
  path: readonly string[];
  summary: string;
  /** Usage lines after the command words, e.g. '--members N [--seed S]'. */
  usage: string;
  /** Longer help: one line per option. */
  details?: readonly string[];
  options: OptionSpec;
  /** Names of the words the command takes after its own (e.g. ['OUT.zbk']); all required. */
  positionals?: readonly string[];
  database: DatabaseNeed;
  run(input: CommandInput): CommandResult | Promise<CommandResult>;
}

export function commandName(c: Pick<CliCommand, 'path'>): string {
  return c.path.join(' ');
}
