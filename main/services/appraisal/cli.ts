/**
 * `appraisal start`, `appraisal ballots`, `appraisal enter` and `appraisal results`: a year's 民主评议 from the command
 * line, through the same services and checks as the app (the sheets of `enter` pass the keyboard entry's checks).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { sheetInputSchema } from '../../../shared/contract/appraisal';
import { layoutAll } from '../../../shared/documents/layout';
import type { PrintDocument } from '../../../shared/documents/model';
import { FORCE_OPTION, integerOption, outputFile, UsageError } from '../../cli/args';
import type { CliCommand, CommandResult, OptionValues } from '../../cli/command';
import { renderDocx } from '../../documents';
import { writeFileAtomic } from '../handover/export';
import { enterSheet, results } from './ballots';
import { createCampaign } from './campaigns';
import { ballotDocument, campaignIdForYear, resultsDocument } from './documentData';

const MIN_YEAR = 1921;
const MAX_YEAR = 2200;

function yearOption(values: OptionValues, command: CliCommand): number {
  if (values.year === undefined) throw new UsageError('缺少选项 --year（评议年度）', command);
  const year = integerOption(values, 'year', command);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new UsageError(`选项 --year 应为 ${MIN_YEAR} 到 ${MAX_YEAR} 之间的年份`, command);
  return year;
}

function countOption(values: OptionValues, name: string, what: string, command: CliCommand, fallback?: number): number {
  if (values[name] === undefined && fallback === undefined) throw new UsageError(`缺少选项 --${name}（${what}）`, command);
  const n = integerOption(values, name, command, fallback);
  if (n < 0 || n > 10000) throw new UsageError(`选项 --${name} 应在 0 到 10000 之间`, command);
  return n;
}

function docxFile(arg: string, values: OptionValues, command: CliCommand, what: string): string {
  if (path.extname(arg).toLowerCase() !== '.docx') throw new UsageError(`${what}应导出为 .docx 文件：${path.resolve(arg)}`, command);
  return outputFile(arg, values, command);
}

async function writeDocument(file: string, document: PrintDocument, what: string, extra: Record<string, unknown> = {}): Promise<CommandResult> {
  writeFileAtomic(file, await renderDocx(document));
  const pages = layoutAll(document).length;
  return { data: { file, title: document.title, pages, ...extra }, text: `已生成${what}（${pages} 页）：${file}` };
}

// ---------------------------------------------------------------------------------------------------------
// appraisal start

interface StartOptions {
  year: number;
  issuedMembers: number;
  issuedMasses: number;
}

export const appraisalStartCommand: CliCommand<StartOptions> = {
  path: ['appraisal', 'start'],
  summary: '开始一个年度的民主评议：在册正常党员参加（预备党员参加评议但不评定等次），默认评定规则（优秀不超过三分之一）',
  usage: '--year YYYY --issued N [--masses N]',
  details: ['--year 2026    评议年度', '--issued N     发放给党员的测评表张数', '--masses N     发放给群众代表的测评表张数（默认 0）'],
  options: { year: { type: 'string' }, issued: { type: 'string' }, masses: { type: 'string' } },
  database: 'existing',
  prepare({ values }) {
    const command = appraisalStartCommand;
    return {
      year: yearOption(values, command),
      issuedMembers: countOption(values, 'issued', '发放给党员的测评表张数', command),
      issuedMasses: countOption(values, 'masses', '发放给群众代表的测评表张数', command, 0),
    };
  },
  run({ options, ctx }) {
    const c = createCampaign(ctx!.db, { ...options, doubleEntry: false, rules: null, stages: [], exclusions: [], note: '' });
    const graded = c.members.filter((m) => m.graded).length;
    const appraised = c.members.filter((m) => !m.excluded).length;
    const issued = c.issuedMembers + c.issuedMasses;
    return {
      data: { id: c.id, year: c.year, appraised, graded, issued },
      text: `已开始 ${c.year} 年度民主评议：参加评议 ${appraised} 人，其中评定等次 ${graded} 人；发放测评表 ${issued} 张（编号 001 起）`,
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// appraisal ballots

interface FileYearOptions {
  year: number;
  file: string;
}

export const appraisalBallotsCommand: CliCommand<FileYearOptions> = {
  path: ['appraisal', 'ballots'],
  summary: '导出民主测评表（Word）：每张发放的测评表一页起，带编号，每名参加评定的党员一行，优秀/合格/基本合格/不合格勾选',
  usage: '--year YYYY OUT.docx [--force]',
  details: ['--year 2026    评议年度', '--force        OUT.docx 已存在时覆盖它'],
  options: { year: { type: 'string' }, ...FORCE_OPTION },
  positionals: ['OUT.docx'],
  database: 'existing',
  prepare({ values, args }) {
    const command = appraisalBallotsCommand;
    return { year: yearOption(values, command), file: docxFile(args[0]!, values, command, '测评表') };
  },
  run({ options: { year, file }, ctx }) {
    const document = ballotDocument(ctx!.db, campaignIdForYear(ctx!.db, year));
    const sheets = document.blocks.filter((b) => b.kind === 'table').length;
    return writeDocument(file, document, `民主测评表 ${sheets} 张`, { sheets });
  },
};

// ---------------------------------------------------------------------------------------------------------
// appraisal enter

/** One sheet of SHEETS.json: the keyboard entry's fields (the serial may be a number). */
const sheetFileSchema = z
  .array(sheetInputSchema.omit({ campaignId: true }).extend({ serial: z.union([z.string(), z.number().int().min(1).transform(String)]).pipe(sheetInputSchema.shape.serial) }))
  .min(1, { error: '没有测评表' })
  .max(10000, { error: '一次最多录入 10000 张' });
type SheetFile = z.output<typeof sheetFileSchema>;

interface EnterOptions {
  year: number;
  sheets: SheetFile;
}

const FIELD_NAMES: Record<string, string> = { serial: '编号', voterType: '投票人类别', spoilt: '废票', grades: '评价', entry: '录入遍次' };

function readSheetsFile(file: string): SheetFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('E_NOT_FOUND', `无法读取选项 --file 指定的文件：${path.resolve(file)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new AppError('E_VALIDATION', `选项 --file 指定的文件不是有效的 JSON：${(e as Error).message}`, [{ field: 'file', message: '不是有效的 JSON' }]);
  }
  const parsed = sheetFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, field] = issue.path;
    const where = typeof index === 'number' ? `第 ${index + 1} 张${field ? `的${FIELD_NAMES[String(field)] ?? String(field)}` : ''}` : '(文件)';
    const message = /^[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不正确，应为测评表的数组';
    throw new AppError('E_VALIDATION', `选项 --file 指定的文件中 ${where}：${message}`, [{ field: issue.path.join('.') || 'file', message }]);
  }
  return parsed.data;
}

export const appraisalEnterCommand: CliCommand<EnterOptions> = {
  path: ['appraisal', 'enter'],
  summary: '录入民主测评表：与键盘录入同样的检查（编号在发放范围内、不能重复录入、收回不多于发放），全部通过才保存',
  usage: '--year YYYY --file SHEETS.json',
  details: [
    '--year 2026        评议年度',
    '--file 文件        测评表的 JSON 数组，每张如：',
    '  {"serial": "001", "voterType": "党员", "spoilt": false,',
    '   "grades": {"<党员 id>": "优秀"}}   （id 见 appraisal results --json；未列出的党员为未勾选）',
  ],
  options: { year: { type: 'string' }, file: { type: 'string' } },
  database: 'existing',
  prepare({ values }) {
    const command = appraisalEnterCommand;
    const year = yearOption(values, command);
    if (typeof values.file !== 'string' || !values.file.trim()) throw new UsageError('缺少选项 --file（测评表 JSON 文件）', command);
    return { year, sheets: readSheetsFile(values.file) };
  },
  run({ options: { year, sheets }, ctx }) {
    const db = ctx!.db;
    const campaignId = campaignIdForYear(db, year);
    // One file is one action: every sheet is entered, or none.
    db.transaction(() => {
      sheets.forEach((sheet, i) => {
        try {
          enterSheet(db, { ...sheet, campaignId });
        } catch (e) {
          if (e instanceof AppError) throw new AppError(e.code, `第 ${i + 1} 张：${e.message}（文件中的测评表均未保存）`, e.issues);
          throw e;
        }
      });
    })();
    const b = results(db, campaignId).ballots;
    return {
      data: { entered: sheets.length, issued: b.issued, collected: b.collected },
      text: `已录入测评表 ${sheets.length} 张；共收回 ${b.collected} 张，发放 ${b.issued} 张`,
    };
  },
};

// ---------------------------------------------------------------------------------------------------------
// appraisal results

interface ResultsOptions {
  year: number;
  file: string | null;
}

export const appraisalResultsCommand: CliCommand<ResultsOptions> = {
  path: ['appraisal', 'results'],
  summary: '民主评议结果：导出评议结果汇总表（Word），或以 --json 输出票数、每名党员的得票、提议等次和评定等次',
  usage: '--year YYYY OUT.docx|--json [--force]',
  details: ['--year 2026    评议年度', '--json         输出 JSON（不写文件）', '--force        OUT.docx 已存在时覆盖它'],
  options: { year: { type: 'string' }, ...FORCE_OPTION },
  positionals: ['[OUT.docx]'],
  database: 'existing',
  prepare({ values, args }) {
    const command = appraisalResultsCommand;
    const year = yearOption(values, command);
    if (!args[0] && values.json !== true) throw new UsageError('请给出要导出的 OUT.docx，或加 --json 输出结果', command);
    return { year, file: args[0] ? docxFile(args[0], values, command, '结果汇总表') : null };
  },
  run({ options: { year, file }, ctx }) {
    const db = ctx!.db;
    const campaignId = campaignIdForYear(db, year);
    if (file) return writeDocument(file, resultsDocument(db, campaignId), '民主评议结果汇总表');
    const r = results(db, campaignId);
    const { issued, collected, valid, spoilt } = r.ballots;
    return {
      data: {
        ballots: { issued, collected, valid, spoilt },
        members: r.members.map((m) => ({ memberId: m.memberId, name: m.name, counts: { ...m.counts }, proposed: m.proposed, final: m.final })),
      },
      text: `${year} 年度：发放 ${issued} 张，收回 ${collected} 张，有效 ${valid} 张，废票 ${spoilt} 张`,
    };
  },
};

export const appraisalCliCommands: readonly CliCommand<any>[] = [appraisalStartCommand, appraisalBallotsCommand, appraisalEnterCommand, appraisalResultsCommand];
