/** Finding the command in argv and parsing its options strictly (node:util parseArgs). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { zodProblems } from '../../shared/contract/validate';
import { commandName, type CliCommand, type OptionSpec, type OptionValues } from './command';

/** Options every command accepts. */
export const GLOBAL_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export class UsageError extends AppError {
  constructor(
    message: string,
    readonly command?: CliCommand,
  ) {
    super('E_VALIDATION', message);
  }
}

export interface Parsed {
  command: CliCommand | null;
  args: string[];
  /** Words after `help`, when help was asked for a command. */
  helpFor: CliCommand | null;
  values: OptionValues;
}

/** Positionals found with every known option, so option values are not taken for command words. */
function looseWords(argv: readonly string[], commands: readonly CliCommand[]): string[] {
  const options: OptionSpec = { ...GLOBAL_OPTIONS };
  for (const c of commands) Object.assign(options, c.options);
  return parseArgs({ args: [...argv], options, strict: false, allowPositionals: true }).positionals;
}

function findCommand(words: readonly string[], commands: readonly CliCommand[]): CliCommand | null {
  const matches = commands.filter((c) => c.path.every((w, i) => words[i] === w));
  return matches.sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}

/** The options a command accepts, as they are typed: `--search、--all`. */
function optionList(options: OptionSpec): string {
  return Object.entries(options)
    .map(([name, o]) => (o.short ? `-${o.short}, --${name}` : `--${name}`))
    .join('、');
}

/** What a command accepts, for an unknown-option message. */
export function acceptedOptions(command: CliCommand): string {
  const own = Object.keys(command.options).length ? `${commandName(command)} 可用的选项：${optionList(command.options)}` : `${commandName(command)} 没有自己的选项`;
  return `${own}；通用选项：${optionList(GLOBAL_OPTIONS)}`;
}

/** What is accepted where a command was expected: the subcommands of a known first word, or every command. */
export function acceptedCommands(words: readonly string[], commands: readonly CliCommand[]): string {
  const group = commands.filter((c) => c.path.length > 1 && c.path[0] === words[0]);
  if (group.length) return `“${words[0]}”后应接：${group.map((c) => c.path.slice(1).join(' ')).join('、')}`;
  return `可用的命令：${[...commands.map(commandName), 'help'].join('、')}`;
}

/** Node's parseArgs errors, in Chinese. */
function usageMessage(e: unknown, command: CliCommand): string {
  const err = e as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(err.message ?? '')?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项“${quoted}”。${acceptedOptions(command)}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项“${quoted.split(' ')[0]}”的用法不正确（需要一个值，或不应带值）`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数“${quoted}”`;
    default:
      return `命令行参数有误：${err.message ?? String(e)}`;
  }
}

/**
 * `--members -5`: parseArgs takes `-5` for an option and reports a missing value; joined as
 * `--members=-5` the value reaches the option's own check, which says what range is allowed.
 */
function negativeValuesJoined(argv: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([^=]+)$/.exec(argv[i]!)?.[1];
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(argv[i]!);
  }
  return out;
}

export function parseCommandLine(argv: readonly string[], commands: readonly CliCommand[]): Parsed {
  const words = looseWords(argv, commands);
  if (words[0] === 'help' || words.length === 0) {
    const helpFor = words.length > 1 ? findCommand(words.slice(1), commands) : null;
    if (words.length > 1 && !helpFor) throw new UsageError(`没有命令“${words.slice(1).join(' ')}”。${acceptedCommands(words.slice(1), commands)}`);
    const values = parseArgs({ args: [...argv], options: GLOBAL_OPTIONS, strict: false, allowPositionals: true }).values;
    return { command: null, helpFor, args: [], values: values as OptionValues };
  }
  const command = findCommand(words, commands);
  if (!command) throw new UsageError(`未知命令“${words.join(' ')}”。${acceptedCommands(words, commands)}`);
  let parsed;
  try {
    const options = { ...GLOBAL_OPTIONS, ...command.options };
    parsed = parseArgs({ args: negativeValuesJoined(argv, options), options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(usageMessage(e, command), command);
  }
  const wanted = command.positionals ?? [];
  const args = parsed.positionals.slice(command.path.length, command.path.length + wanted.length);
  const extra = parsed.positionals.slice(command.path.length + wanted.length);
  if (extra.length || commandName({ path: parsed.positionals.slice(0, command.path.length) }) !== commandName(command)) {
    throw new UsageError(`多余的参数“${extra.join(' ')}”`, command);
  }
  const required = wanted.filter((name) => !name.startsWith('['));
  if (args.length < required.length) throw new UsageError(`缺少参数 ${required.slice(args.length).join(' ')}`, command);
  return { command, helpFor: null, args, values: parsed.values as OptionValues };
}

/** A string option that may be left out; given, it must not be empty (`--password ""` is a mistake, not "no password"). */
export function optionalString(values: OptionValues, name: string, command: CliCommand): string | null {
  const v = values[name];
  if (v === undefined) return null;
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`选项 --${name} 不能为空`, command);
  return v.trim();
}

/** A required string option; a usage error names it when missing or empty. */
export function requiredString(values: OptionValues, name: string, command: CliCommand): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`缺少选项 --${name}`, command);
  return v;
}

/** An integer option, or the fallback when absent. */
export function integerOption(values: OptionValues, name: string, command: CliCommand, fallback?: number): number {
  const v = values[name];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || !/^-?\d+$/.test(v.trim())) throw new UsageError(`选项 --${name} 应为整数`, command);
  return Number(v);
}

/**
 * Options checked with a contract schema; a failure is a usage error naming the option each field
 * came from (`labels`: field -> '--option'), every problem listed.
 */
export function schemaOptions<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string>, command: CliCommand): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = zodProblems(r.error).map((p, i) => {
    // A value outside a fixed list: say what the list is.
    const issue = r.error.issues[i];
    const message = issue?.code === 'invalid_value' ? `应为 ${issue.values.map(String).join('、')} 之一` : p.message;
    return `选项 ${labels[p.field] ?? p.field}：${message}`;
  });
  throw new UsageError(problems.join('；'), command);
}

/** --force: taken by every command that writes a file the user names. */
export const FORCE_OPTION: OptionSpec = { force: { type: 'boolean' } };

/**
 * The file a command writes (resolved): an existing file is overwritten only with --force, so a
 * mistyped name cannot replace yesterday's export. A missing folder is created when the file is written.
 */
export function outputFile(arg: string, values: OptionValues, command: CliCommand): string {
  const file = path.resolve(arg);
  if (!fs.existsSync(file)) return file;
  if (!fs.statSync(file).isFile()) throw new UsageError(`“${file}”是文件夹，请写出要导出的文件名`, command);
  if (values.force !== true) throw new UsageError(`文件已存在：${file}（加 --force 覆盖，或换一个文件名）`, command);
  return file;
}
