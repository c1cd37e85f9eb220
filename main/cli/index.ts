/**
 * `npm run cli -- <command> [--db FILE] [--json]`: the command-line entry. It calls the services
 * directly (validating with the contract's schemas) and does not take the app's instance lock:
 * SQLite's busy timeout lets it run beside the app.
 */
import fs from 'node:fs';
import { AppError } from '../../shared/contract/errors';
import { closeContext, createContext, type AppContext } from '../app/context';
import { resolveDataLocation } from '../app/paths';
import { parseCommandLine, UsageError } from './args';
import type { CliCommand, CommandResult, OptionValues } from './command';
import { COMMANDS } from './commands';
import { commandUsage, overallUsage } from './help';
import { createPrinter } from './output';

async function openFor(command: CliCommand, databasePath: string, db: string | undefined): Promise<AppContext | undefined> {
  if (command.database === 'none' || command.database === 'file') return undefined;
  if (command.database === 'existing' && !fs.existsSync(databasePath)) {
    throw new AppError('E_NOT_FOUND', `找不到数据文件：${databasePath}（可先运行 init 建立）`);
  }
  return createContext({ db });
}

async function runCommand(command: CliCommand, values: OptionValues, args: string[]): Promise<CommandResult> {
  const db = typeof values.db === 'string' ? values.db : undefined;
  const { databasePath } = resolveDataLocation(db);
  const ctx = await openFor(command, databasePath, db);
  try {
    return await command.run({ values, args, ctx, databasePath });
  } finally {
    if (ctx) closeContext(ctx);
  }
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 failed, 2 usage error). */
export async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  const printer = createPrinter(json);
  try {
    const { command, helpFor, values, args } = parseCommandLine(argv, COMMANDS);
    if (!command || values.help) {
      const shown = command ?? helpFor;
      printer.result({ usage: shown ? commandUsage(shown) : overallUsage(COMMANDS) }, shown ? commandUsage(shown) : overallUsage(COMMANDS));
      return 0;
    }
    const result = await runCommand(command, values, args);
    printer.result(result.data, result.text);
    return result.exitCode ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      printer.error(e, e.command ? commandUsage(e.command) : overallUsage(COMMANDS));
      return 2;
    }
    printer.error(e);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 1;
  },
);
