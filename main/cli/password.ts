/**
 * Where the CLI takes a hand-over password from, safest first: standard input (--password-stdin),
 * the environment (BRANCH_DESK_PASSWORD), or a prompt that does not echo when a person is at the
 * terminal. --password still works but warns: other users of the computer see it in the process list.
 */
import { AppError } from '../../shared/contract/errors';
import { MIN_PASSWORD_LENGTH } from '../services/handover/export';
import { UsageError } from './args';
import type { CliCommand, OptionSpec, OptionValues } from './command';

export const PASSWORD_ENV = 'BRANCH_DESK_PASSWORD';

export const PASSWORD_OPTIONS: OptionSpec = {
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
};

export const PASSWORD_WARNING = '警告：--password 写在命令行上，本机其他用户可在进程列表中看到密码；请改用 --password-stdin 或环境变量 BRANCH_DESK_PASSWORD';

export interface PasswordIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): PasswordIo => ({ stdin: process.stdin, stderr: process.stderr, env: process.env });

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  // One trailing line break is the end of the line, not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** A prompt on the terminal without echo (raw mode; Enter ends, Ctrl-C cancels). */
function prompt(io: PasswordIo, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin } = io;
    io.stderr.write(question);
    stdin.setRawMode?.(true);
    stdin.resume();
    let typed = '';
    const done = (value: string | null) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      io.stderr.write('\n');
      if (value === null) reject(new AppError('E_VALIDATION', '已取消'));
      else resolve(value);
    };
    const onData = (data: Buffer | string) => {
      for (const ch of String(data)) {
        if (ch === '\r' || ch === '\n') return done(typed);
        if (ch === '\u0003') return done(null);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

function checkLength(password: string, command: CliCommand): string {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`, command);
  return password;
}

/**
 * The password given for this command, or null when none was given. `ask`: prompt when nothing was
 * given and a person is at the terminal (export always; import when the package is encrypted).
 */
export async function passwordOption(
  values: OptionValues,
  command: CliCommand,
  { ask = false, io = defaultIo() }: { ask?: boolean; io?: PasswordIo } = {},
): Promise<string | null> {
  const fromArg = typeof values.password === 'string' ? values.password : null;
  const fromStdin = values['password-stdin'] === true;
  const fromEnv = io.env[PASSWORD_ENV] ? io.env[PASSWORD_ENV]! : null;
  const given = [fromArg !== null, fromStdin, fromEnv !== null].filter(Boolean).length;
  if (given > 1) throw new UsageError(`密码只能用一种方式给出（--password、--password-stdin 或环境变量 ${PASSWORD_ENV}）`, command);
  if (fromArg !== null) {
    if (fromArg === '') throw new UsageError('选项 --password 不能为空', command);
    io.stderr.write(`${PASSWORD_WARNING}\n`);
    return checkLength(fromArg, command);
  }
  if (fromStdin) {
    if (io.stdin.isTTY) return checkLength(await prompt(io, '密码：'), command);
    return checkLength(await readAll(io.stdin), command);
  }
  if (fromEnv !== null) return checkLength(fromEnv, command);
  if (ask && io.stdin.isTTY) return checkLength(await prompt(io, '密码（输入时不显示）：'), command);
  return null;
}
