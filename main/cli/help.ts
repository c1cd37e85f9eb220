/** Usage text, in Chinese. */
import { commandName, type CliCommand } from './command';
import { displayWidth } from './output';

const PROGRAM = 'npm run cli --';

const GLOBAL_HELP = [
  '通用选项：',
  '  --db 文件    使用指定的数据文件（默认：本机用户数据目录中的支部工作台数据）',
  '  --json       以 JSON 输出（仅输出 JSON，错误以 {"error": {...}} 写到标准错误）',
  '  -h, --help   显示帮助',
];

export function commandUsage(c: CliCommand): string {
  const lines = [`用法：${PROGRAM} ${commandName(c)}${c.usage ? ` ${c.usage}` : ''} [--db 文件] [--json]`, '', c.summary];
  if (c.details?.length) lines.push('', ...c.details.map((d) => `  ${d}`));
  return [...lines, '', ...GLOBAL_HELP].join('\n');
}

export function overallUsage(commands: readonly CliCommand[]): string {
  const heads = [...commands.map((c) => `${commandName(c)}${c.usage ? ` ${c.usage}` : ''}`), 'help [命令]'];
  const width = Math.max(...heads.map(displayWidth));
  const summaries = [...commands.map((c) => c.summary), '显示帮助'];
  const list = heads.map((h, i) => `  ${h}${' '.repeat(width - displayWidth(h))}  ${summaries[i]}`);
  return [
    '支部工作台 命令行工具',
    '',
    `用法：${PROGRAM} <命令> [选项]`,
    '',
    '命令：',
    ...list,
    '',
    ...GLOBAL_HELP,
    '',
    '命令行可与已打开的支部工作台同时使用（SQLite 会让双方依次写入）。',
  ].join('\n');
}
