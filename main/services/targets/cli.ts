/** `targets letters` and `targets assessment`: the year's letters and the 考核汇总表 as files, from the command line. */
import path from 'node:path';
import { MAX_YEAR, MIN_YEAR, PERIOD_LABELS, type AssessmentPeriod } from '../../../shared/domain/targets';
import { FORCE_OPTION, integerOption, outputFile, UsageError } from '../../cli/args';
import type { CliCommand, OptionValues } from '../../cli/command';
import { writeFileAtomic } from '../handover/export';
import { exportLetters, exportSummary } from './printing';

function yearOption(values: OptionValues, command: CliCommand): number {
  const year = integerOption(values, 'year', command);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new UsageError(`选项 --year 应为 ${MIN_YEAR}—${MAX_YEAR} 之间的年份`, command);
  return year;
}

interface LettersOptions {
  file: string;
  year: number;
}

export const targetLettersCommand: CliCommand<LettersOptions> = {
  path: ['targets', 'letters'],
  summary: '导出一年的党员目标管理责任书：一个 Word 文件，每份责任书一页',
  usage: '--year YYYY OUT.docx [--force]',
  details: ['--year 2026   责任书的年度（先在“目标管理”中生成责任书）', '--force       OUT.docx 已存在时覆盖它'],
  options: { year: { type: 'string' }, ...FORCE_OPTION },
  positionals: ['OUT.docx'],
  database: 'existing',
  prepare({ values, args }) {
    const command = targetLettersCommand;
    if (path.extname(args[0]!).toLowerCase() !== '.docx') throw new UsageError(`责任书应导出为 .docx 文件：${args[0]}`, command);
    return { year: yearOption(values, command), file: outputFile(args[0]!, values, command) };
  },
  async run({ options: { file, year }, ctx }) {
    const exported = await exportLetters(ctx!.db, year);
    writeFileAtomic(file, Buffer.from(exported.data, 'base64'));
    return { data: { file, year, letters: exported.count }, text: `已导出 ${year} 年度目标管理责任书 ${exported.count} 份：${file}` };
  },
};

interface AssessmentOptions {
  file: string;
  year: number;
  period: AssessmentPeriod;
  format: 'docx' | 'xlsx';
}

export const targetAssessmentCommand: CliCommand<AssessmentOptions> = {
  path: ['targets', 'assessment'],
  summary: '导出党员目标考核汇总表：OUT.docx（打印用）或 OUT.xlsx',
  usage: '--year YYYY --period mid|final OUT.docx|OUT.xlsx [--force]',
  details: ['--year 2026       考核年度', '--period mid      半年考核（mid）或年终考核（final）', '--force           OUT 已存在时覆盖它'],
  options: { year: { type: 'string' }, period: { type: 'string' }, ...FORCE_OPTION },
  positionals: ['OUT'],
  database: 'existing',
  prepare({ values, args }) {
    const command = targetAssessmentCommand;
    const ext = path.extname(args[0]!).toLowerCase();
    if (ext !== '.docx' && ext !== '.xlsx') throw new UsageError(`汇总表应导出为 .docx 或 .xlsx 文件：${args[0]}`, command);
    const period = values.period;
    if (period !== 'mid' && period !== 'final') throw new UsageError('选项 --period 应为 mid（半年考核）或 final（年终考核）', command);
    return { year: yearOption(values, command), period, format: ext === '.docx' ? 'docx' : 'xlsx', file: outputFile(args[0]!, values, command) };
  },
  async run({ options: { file, year, period, format }, ctx }) {
    const exported = await exportSummary(ctx!.db, year, period, format);
    writeFileAtomic(file, Buffer.from(exported.data, 'base64'));
    return { data: { file, year, period, rows: exported.count }, text: `已导出 ${year} 年${PERIOD_LABELS[period]}汇总表（${exported.count} 人）：${file}` };
  },
};
