/** Usage text, in Chinese, laid out for an 80-column terminal (CJK characters take two columns). */
import { commandName, type CliCommand } from './command';
import { displayWidth } from './output';

const PROGRAM = 'npm run cli --';

/** No line of help is wider than this. */
export const HELP_WIDTH = 80;

const GLOBAL_HELP = [
  '通用选项：',
  '  --db 文件    使用指定的数据文件（默认：本机用户数据目录中的支部工作台数据）',
  '  --json       以 JSON 输出（仅输出 JSON，错误以 {"error": {...}} 写到标准错误）',
  '  -h, --help   显示帮助',
];

/** Punctuation that must not start a line: it stays with what comes before it. */
const CLOSING = '，。；：、）》」”！？';

/**
 * The pieces a line may break between: a bracketed option group `[--status 状态|全部]` or a word
 * of a usage line (`words`), or else a run of ASCII or a single CJK character, each with the closing
 * punctuation after it.
 */
function pieces(text: string, words: boolean): string[] {
  const pattern = words ? /\[[^\]]*\]|\S+|\s+/g : new RegExp(`[\\x21-\\x7e]+[${CLOSING}]*|\\s+|.[${CLOSING}]*`, 'gu');
  return text.match(pattern) ?? [];
}

/**
 * `text` broken into lines of at most `width` columns: the first after `first`, the rest after
 * `rest` (both prefixes of spaces or a label). A piece wider than a whole line stands on its own.
 */
export function wrapLine(text: string, { first = '', rest = first, width = HELP_WIDTH, words = false }: { first?: string; rest?: string; width?: number; words?: boolean } = {}): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const piece of pieces(text, words)) {
    const blank = piece.trim() === '';
    if (empty && blank) continue;
    if (!empty && !blank && displayWidth(line + piece) > width) {
      lines.push(line.trimEnd());
      line = rest;
      empty = true;
    }
    if (empty && blank) continue;
    line += piece;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

/**
 * A detail line `--option 值   what it does`: wrapped lines start under the description when the
 * option part is narrow, else four columns in. A line that starts with spaces continues the one above.
 */
function wrapDetail(detail: string, indent: string): string[] {
  const lead = /^\s*/.exec(detail)![0];
  const head = /^(\s*\S.*?\s{2,})\S/.exec(detail)?.[1];
  const hang = head && displayWidth(head) <= 36 ? ' '.repeat(displayWidth(head)) : `${lead}    `;
  return wrapLine(detail.slice(lead.length), { first: indent + lead, rest: indent + hang });
}

function usageLines(prefix: string, usage: string, hang: number): string[] {
  return wrapLine(usage, { first: prefix, rest: ' '.repeat(hang), words: true });
}

export function commandUsage(c: CliCommand): string {
  const head = `用法：${PROGRAM} ${commandName(c)}`;
  const usage = `${c.usage ? `${c.usage} ` : ''}[--db 文件] [--json]`;
  const lines = [...usageLines(`${head} `, usage, displayWidth(head) + 1), '', ...wrapLine(c.summary)];
  if (c.details?.length) lines.push('', ...c.details.flatMap((d) => wrapDetail(d, '  ')));
  return [...lines, '', ...GLOBAL_HELP.flatMap((g) => wrapDetail(g, ''))].join('\n');
}

/** One command in the list: its usage (wrapped under its first option), then its summary indented below. */
function commandEntry(name: string, usage: string, summary: string): string[] {
  const head = `  ${name}`;
  const usageText = usage ? usageLines(`${head} `, usage, displayWidth(head) + 1) : [head];
  return [...usageText, ...wrapLine(summary, { first: '      ' })];
}

export function overallUsage(commands: readonly CliCommand[]): string {
  const list = [...commands.map((c) => commandEntry(commandName(c), c.usage, c.summary)), commandEntry('help', '[命令]', '显示帮助')];
  return [
    '支部工作台 命令行工具',
    '',
    `用法：${PROGRAM} <命令> [选项]`,
    '',
    '命令：',
    ...list.flat(),
    '',
    ...GLOBAL_HELP.flatMap((g) => wrapDetail(g, '')),
    '',
    ...wrapLine('命令行可与已打开的支部工作台同时使用（SQLite 会让双方依次写入）。'),
  ].join('\n');
}
