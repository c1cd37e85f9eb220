/**
 * What a capability brings to main: its handlers (typed from its own contract module), its CLI commands
 * and its demo seeders. Each capability exports one `Capability` from main/services/<key>/capability.ts;
 * main/capabilities.ts lists them, and the dispatcher, the CLI and the demo seeder are derived from that list.
 */
import type { z } from 'zod';
import type { ContractModule, OperationSpec } from '../shared/contract/define';
import type { AppContext } from './app/context';
import type { CliCommand } from './cli/command';
import type { DemoCapability } from './services/demo/types';
import type { FactSpec } from './services/facts/registry';
import type { TableSpec } from './db/registry';

/** The function behind one operation: gets the validated (parsed) input, returns the operation's result. */
export type Handler<S extends OperationSpec> = (ctx: AppContext, input: z.output<S['input']>) => S['output'] | Promise<S['output']>;

/** Exactly one handler per operation of a contract module: a missing or misspelled one does not compile. */
export type HandlersOf<M extends ContractModule> = { [N in keyof M['operations']]: Handler<M['operations'][N]> };

/** A handler whose input type has been forgotten (what the dispatcher calls with parsed input). */
export type AnyHandler = (ctx: AppContext, input: never) => unknown;

export interface Capability {
  /** Unique, the same as its contract module's key and its folder name (main/services/<key>/). */
  key: string;
  /** The capability's name, in Chinese. */
  label: string;
  /** Its operations' handlers; together, the capabilities must handle every operation of the contract exactly once. */
  handlers: Readonly<Record<string, AnyHandler>>;
  /** Its CLI commands, in the order help lists them (the CLI lists capabilities in their order). */
  cliCommands: readonly CliCommand<any>[];
  /** Its demo seeders, in the order they run (after the seeders of the capabilities listed before it). */
  demo?: readonly DemoCapability<any>[];
  /** The facts it offers other capabilities (the home page, reports): named, period-scoped figures with their sources. */
  facts?: readonly FactSpec[];
  /** Its tables (row types are merged into UserTables in the same tables.ts); trash, history, hand-over and merge read them. */
  tables?: readonly TableSpec[];
}

/** Throws unless every capability key is used once. */
export function assertUniqueKeys(capabilities: readonly Capability[]): void {
  const seen = new Set<string>();
  for (const { key } of capabilities) {
    if (seen.has(key)) throw new Error(`capabilities: the key "${key}" is used twice`);
    seen.add(key);
  }
}

/**
 * The capabilities' handlers as one map. Throws (at start-up) when an operation has no handler, has two,
 * or a handler has no operation in the contract.
 */
export function mergeHandlers(operationNames: readonly string[], capabilities: readonly Capability[]): Map<string, AnyHandler> {
  const known = new Set(operationNames);
  const merged = new Map<string, AnyHandler>();
  const owner = new Map<string, string>();
  for (const capability of capabilities) {
    for (const [name, handler] of Object.entries(capability.handlers)) {
      if (!known.has(name)) throw new Error(`capabilities: "${capability.key}" handles "${name}", which the contract does not declare`);
      const previous = owner.get(name);
      if (previous !== undefined) throw new Error(`capabilities: "${name}" is handled by both "${previous}" and "${capability.key}"`);
      owner.set(name, capability.key);
      merged.set(name, handler);
    }
  }
  const missing = operationNames.filter((name) => !merged.has(name));
  if (missing.length) throw new Error(`capabilities: no handler for ${missing.map((n) => `"${n}"`).join(', ')}`);
  return merged;
}
