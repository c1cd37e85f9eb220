/** The CLI's work, apart from its entry (index.ts), so that tests can run it in-process. */
import fs from 'node:fs';
import path from 'node:path';
import { closeContext, createContext, type AppContext } from '../app/context';
import { resolveDataLocation } from '../app/paths';
import { parseCommandLine, UsageError } from './args';
import type { CliCommand, CommandResult, OptionValues } from './command';
import { COMMANDS } from './commands';
import { commandUsage, overallUsage } from './help';
import { missingDatabase } from './lookup';
import { createPrinter, type TextSink } from './output';

/** --db: absent means the default data folder; given, it must name a file (an empty value would silently pick the default). */
function databaseOption(values: OptionValues, command: CliCommand): string | undefined {
  if (values.db === undefined) return undefined;
  if (typeof values.db !== 'string' || values.db.trim() === '') throw new UsageError('选项 --db 不能为空', command);
  const file = path.resolve(values.db);
  if (fs.existsSync(file) && !fs.statSync(file).isFile()) throw new UsageError(`选项 --db 应为数据文件，“${file}”不是文件（是文件夹？）`, command);
  return values.db;
}

async function openFor(command: CliCommand, databasePath: string, db: string | undefined): Promise<AppContext | undefined> {
  if (command.database === 'none' || command.database === 'file') return undefined;
  if (command.database === 'existing' && !fs.existsSync(databasePath)) {
    throw missingDatabase(databasePath);
  }
  return createContext({ db });
}

/** Options and input files are checked (prepare) before the database is opened or created. */
async function runCommand(command: CliCommand, values: OptionValues, args: string[]): Promise<CommandResult> {
  const db = databaseOption(values, command);
  const { databasePath } = resolveDataLocation(db);
  const options = command.prepare ? await command.prepare({ values, args, databasePath }) : undefined;
  const ctx = await openFor(command, databasePath, db);
  try {
    return await command.run({ options, ctx, databasePath });
  } finally {
    if (ctx) closeContext(ctx);
  }
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 failed, 2 usage error). `io` is for tests. */
export async function main(argv: readonly string[], io: { stdout: TextSink; stderr: TextSink } = process): Promise<number> {
  const json = argv.includes('--json');
  const printer = createPrinter(json, io.stdout, io.stderr);
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
