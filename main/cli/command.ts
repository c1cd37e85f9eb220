/** What a CLI command is: its words, options, the database it needs, and what it does. */
import type { ParseArgsConfig } from 'node:util';
import type { AppContext } from '../app/context';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * create: open (creating and migrating if needed) through the app context;
 * existing: the same, but the database file must already exist;
 * file: the command opens the file itself (check, backup restore); none: no database.
 */
export type DatabaseNeed = 'create' | 'existing' | 'file' | 'none';

/** What `prepare` sees: the command line, and where the database would be (nothing is opened yet). */
export interface PrepareInput {
  values: OptionValues;
  /** Words after the command's own (files), as declared by `positionals`. */
  args: string[];
  /** The database file chosen by --db (or the default one); it may not exist. */
  databasePath: string;
}

/** What `run` sees: the checked options, never the raw command line, so nothing can be checked too late. */
export interface CommandInput<O = unknown> {
  /** What `prepare` returned (undefined for a command without one). */
  options: O;
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

export interface CliCommand<O = unknown> {
  /** The words that name the command: ['member', 'list']. */
  path: readonly string[];
  summary: string;
  /** Usage lines after the command words, e.g. '--members N [--seed S]'. */
  usage: string;
  /** Longer help: one line per option. */
  details?: readonly string[];
  options: OptionSpec;
  /** Names of the words the command takes after its own (e.g. ['OUT.zbk']); required, except a last one in brackets ('[OUT.docx]'). */
  positionals?: readonly string[];
  database: DatabaseNeed;
  /**
   * Checks every option and reads every input file BEFORE any database is opened or created, so a
   * mistake on the command line changes nothing. Throws UsageError (exit 2) naming the option at fault.
   * A command with options or positionals must have one: `run` does not see the command line.
   */
  prepare?(input: PrepareInput): O | Promise<O>;
  run(input: CommandInput<O>): CommandResult | Promise<CommandResult>;
}

export function commandName(c: Pick<CliCommand, 'path'>): string {
  return c.path.join(' ');
}
