/** `roster import` and `roster export`: the roster in and out of spreadsheets and the printed Word roster. */
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { memberSearchSchema } from '../../../shared/contract/operations';
import { localToday } from '../../../shared/domain/dates';
import { parseFontSize } from '../../../shared/documents/sizeNames';
import type { Orientation } from '../../../shared/documents/presets';
import { renderDocx, rosterPlanMessage, rosterPrint, ROSTER_COLUMNS } from '../../documents';
import { rosterPrintInput } from './rosterPrint';
import { writeFileAtomic } from '../../services/handover/export';
import { branchNames, localBranchId } from '../../services/branch/branch';
import { listGroups } from '../../services/roster/groups';
import {
  applyImport,
  describeIssue,
  EXPORT_COLUMNS,
  exportRosterXlsx,
  IMPORT_FIELDS,
  mappingProblems,
  previewImport,
  previewSummary,
  readSpreadsheetFile,
  type ColumnMapping,
  type Grid,
  type ImportField,
} from '../../services/spreadsheet';
import { FORCE_OPTION, integerOption, optionalString, outputFile, schemaOptions, UsageError } from '../../cli/args';
import type { CliCommand, OptionValues } from '../../cli/command';
import { branchOption, peekDatabase, pickByName } from '../../cli/lookup';

/** --map D=idNumber,M=  (a column letter, '=' and a member key; empty leaves the column out). */
function mappingOption(values: OptionValues, command: CliCommand): ColumnMapping | undefined {
  const v = values.map;
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const mapping: ColumnMapping = {};
  for (const part of v.split(',')) {
    const m = /^\s*([A-Za-z]{1,3})\s*=\s*(\w*)\s*$/.exec(part);
    if (!m) throw new UsageError(`--map 的写法应为 列=字段，如 D=idNumber，“${part}”不对`, command);
    mapping[m[1]!.toUpperCase()] = (m[2] || null) as ColumnMapping[string];
  }
  const problems = mappingProblems(mapping);
  if (problems.length) throw new UsageError(`选项 --map 有误：${problems.join('；')}（字段可用：${IMPORT_FIELDS.join('、')}）`, command);
  return mapping;
}

interface RosterImportOptions {
  grid: Grid;
  mapping: ColumnMapping | undefined;
  headerRow: number | undefined;
  dryRun: boolean;
  skipInvalid: boolean;
  /** null: the local branch. */
  branchId: string | null;
}

export const rosterImportCommand: CliCommand<RosterImportOptions> = {
  path: ['roster', 'import'],
  summary: '从 Excel（.xlsx/.xls）或 CSV 导入党员名册：先预览，全部有效才写入（写入前自动备份）',
  usage: 'FILE [--branch 支部名称] [--dry-run] [--skip-invalid] [--map 列=字段,…] [--header-row N]',
  details: [
    '--branch 支部名称  导入到数据文件中的另一个支部（从交接包导入的），写完整名称或其中能区分的一段；默认为本支部',
    '--dry-run          只预览，不写入',
    '--skip-invalid     跳过有问题的行，写入其余的行',
    '--map D=idNumber   更正猜错的列对应关系（字段名同 member list --json 的键；留空表示不导入该列）',
    '--header-row N     表头所在的行号（猜错时指定）',
  ],
  options: {
    branch: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'skip-invalid': { type: 'boolean' },
    map: { type: 'string' },
    'header-row': { type: 'string' },
  },
  positionals: ['FILE'],
  database: 'existing',
  async prepare({ values, args, databasePath }) {
    const headerRow = values['header-row'] === undefined ? undefined : integerOption(values, 'header-row', rosterImportCommand);
    if (headerRow !== undefined && headerRow < 1) throw new UsageError('选项 --header-row 应为正整数', rosterImportCommand);
    const mapping = mappingOption(values, rosterImportCommand);
    const grid = await readSpreadsheetFile(path.resolve(args[0]!));
    const branchId = branchOption(values, databasePath, rosterImportCommand);
    return { grid, mapping, headerRow, dryRun: values['dry-run'] === true, skipInvalid: values['skip-invalid'] === true, branchId };
  },
  async run({ options: { grid, mapping, headerRow, dryRun, skipInvalid, branchId }, ctx }) {
    const preview = previewImport(ctx!.db, grid, { mapping, headerRow, branchId });
    const summary = previewSummary(preview);
    const report = [
      `导入到：${branchNames(ctx!.db).get(preview.branchId) ?? ''}`,
      `新增 ${summary.new} 人，更新 ${summary.updated} 人，未变 ${summary.unchanged} 人，有问题 ${summary.invalid.length} 处`,
      ...summary.invalid.map((i) => `  ${describeIssue(i)}`),
    ];
    if (dryRun) return { data: { ...summary, written: false }, text: [...report, '（预览，未写入）'].join('\n') };
    if (summary.invalid.length && !skipInvalid) {
      return {
        data: { ...summary, written: false },
        text: [...report, '有问题的行，未写入任何数据。请改正表格后重试，或加 --skip-invalid 只写入没有问题的行。'].join('\n'),
        exitCode: 1,
      };
    }
    const applied = await applyImport(ctx!.db, ctx!.databasePath, preview, { skipInvalid });
    const backup = applied.backup?.name ?? null;
    return {
      data: { ...summary, written: true, backup },
      text: [...report, backup ? `已写入。导入前的备份：${backup}` : '没有需要写入的变化。'].join('\n'),
    };
  },
};

/** --filter 人员类别=预备党员,性别=女 (or the member keys: category=预备党员,gender=女,status=转出,query=张). */
const FILTER_KEYS: Record<string, string> = {
  category: 'category', 人员类别: 'category', 类别: 'category',
  status: 'status', 党籍状态: 'status', 状态: 'status',
  gender: 'gender', 性别: 'gender',
  query: 'query', search: 'query', 搜索: 'query',
  educationGroup: 'educationGroup', ageBand: 'ageBand',
};

/** The conditions of --filter, each with the words it was given as (for messages). */
function filterPairs(values: OptionValues, command: CliCommand): { filter: Record<string, unknown>; labels: Record<string, string> } {
  const filter: Record<string, unknown> = {};
  const labels: Record<string, string> = {};
  const v = values.filter;
  if (typeof v !== 'string' || !v.trim()) return { filter, labels };
  for (const part of v.split(/[,，]/)) {
    const m = /^\s*([^=\s]+)\s*=\s*(.*?)\s*$/.exec(part);
    const key = m ? FILTER_KEYS[m[1]!] : undefined;
    if (!m || !key) {
      throw new UsageError(`--filter 的写法应为 条件=值，如 category=预备党员；“${part}”无法识别（条件可用：${Object.keys(FILTER_KEYS).join('、')}）`, command);
    }
    filter[key] = key === 'status' && m[2] === '全部' ? 'all' : m[2];
    labels[key] = `--filter ${m[1]}`;
  }
  return { filter, labels };
}

/** How the roster screen shows members without a party group; --group takes it too. */
const NO_GROUP = '未分组';

/**
 * --group 名称: a party group of the local branch by its name as the 党小组 screen shows it, or 未分组;
 * as the search takes it (an id, or 'none'). Read from the data file: an unknown name is a usage error.
 */
function groupOption(values: OptionValues, databasePath: string, command: CliCommand): string | null {
  const text = optionalString(values, 'group', command);
  if (text === null) return null;
  const groups = peekDatabase(databasePath, [], (db) => {
    const branchId = localBranchId(db);
    return branchId ? listGroups(db, branchId) : [];
  });
  return pickByName([...groups, { id: 'none', name: NO_GROUP }], text, { option: '--group', what: '党小组', partial: false, command }).id;
}

function filterOption(values: OptionValues, command: CliCommand) {
  const { filter, labels } = filterPairs(values, command);
  const set = (key: string, value: unknown, option: string) => {
    filter[key] = value;
    labels[key] = option;
  };
  if (typeof values.search === 'string') set('query', values.search, '--search');
  if (typeof values.category === 'string') set('category', values.category, '--category');
  if (typeof values.status === 'string') set('status', values.status === '全部' ? 'all' : values.status, '--status');
  if (values.all === true) set('status', 'all', '--all');
  return schemaOptions(memberSearchSchema, filter, labels, command);
}

/** --columns: member keys the chosen format can show; an unknown one is refused, not silently left out. */
function columnsOption(values: OptionValues, format: 'xlsx' | 'docx', command: CliCommand): string[] | undefined {
  if (values.columns === undefined) return undefined;
  const columns = typeof values.columns === 'string' ? values.columns.split(/[,，]/).map((c) => c.trim()).filter(Boolean) : [];
  if (!columns.length) throw new UsageError('选项 --columns 不能为空', command);
  const known: readonly string[] = format === 'xlsx' ? EXPORT_COLUMNS : ROSTER_COLUMNS.map((c) => c.key);
  const unknown = columns.filter((c) => !known.includes(c));
  if (unknown.length) {
    throw new UsageError(`选项 --columns 中有 ${format === 'xlsx' ? 'Excel 名册' : 'Word 花名册'}没有的列：${unknown.join('、')}（可用：${known.join('、')}）`, command);
  }
  return columns;
}

interface RosterExportOptions {
  file: string;
  format: 'xlsx' | 'docx';
  columns: string[] | undefined;
  filter: z.output<typeof memberSearchSchema>;
  maskId: boolean;
  orientation: Orientation | undefined;
  minSize: number | undefined;
}

/** --landscape / --portrait (the Word roster is landscape unless asked). */
function orientationOption(values: OptionValues, command: CliCommand): Orientation | undefined {
  if (values.landscape === true && values.portrait === true) throw new UsageError('--landscape 与 --portrait 只能选一个', command);
  return values.portrait === true ? 'portrait' : values.landscape === true ? 'landscape' : undefined;
}

/** --min-size 小五 | 9: the smallest table text the user accepts (五号 unless asked). */
function minSizeOption(values: OptionValues, command: CliCommand): number | undefined {
  const text = optionalString(values, 'min-size', command);
  if (text === null) return undefined;
  const size = parseFontSize(text);
  if (size === null || size < 7.5 || size > 14) throw new UsageError(`--min-size 应为字号（四号、小四、五号、小五、六号）或 7.5–14 的磅值，“${text}”不对`, command);
  return size;
}

const COLUMN_HELP = '--columns a,b,…   导出的列（member list --json 的键），如 name,gender,birthDate,idNumber';

export const rosterExportCommand: CliCommand<RosterExportOptions> = {
  path: ['roster', 'export'],
  summary: '导出党员名册：FILE.xlsx（可再导入，完全一致）或 FILE.docx（打印用的党员花名册，默认 A4 横向）',
  usage: 'FILE.xlsx|FILE.docx [--filter 条件=值,…] [--category 正式党员|预备党员] [--status 状态|全部] [--all] [--search 关键字] [--group 党小组] [--columns a,b] [--mask-id] [--landscape|--portrait] [--min-size 五号] [--force]',
  details: [
    '--filter category=预备党员,gender=女   筛选条件（category/人员类别、status/党籍状态、gender/性别、query/搜索、educationGroup、ageBand）',
    '--category 预备党员   只导出预备党员（或正式党员）',
    '--status 转出 / --all  按党籍状态筛选；默认为在册党员',
    '--search 关键字       与名册页的搜索相同',
    `--group 党小组名称    只导出这个党小组的党员（名称同“党小组”页；“${NO_GROUP}”：没有党小组的党员）`,
    COLUMN_HELP,
    '--mask-id             Word 花名册中身份证号只显示首尾',
    '--landscape / --portrait  Word 花名册用 A4 横向（默认）或纵向',
    '--min-size 五号       Word 花名册表格文字最小的字号（默认五号；可用小五、六号或磅值）。所选的列排不下时不生成文件，并说明可以怎么改',
    '--force               FILE 已存在时覆盖它（否则不导出）；不存在的文件夹会自动建立',
  ],
  options: {
    filter: { type: 'string' },
    category: { type: 'string' },
    status: { type: 'string' },
    all: { type: 'boolean' },
    search: { type: 'string' },
    group: { type: 'string' },
    columns: { type: 'string' },
    'mask-id': { type: 'boolean' },
    landscape: { type: 'boolean' },
    portrait: { type: 'boolean' },
    'min-size': { type: 'string' },
    ...FORCE_OPTION,
  },
  positionals: ['FILE'],
  database: 'existing',
  prepare({ values, args, databasePath }) {
    const command = rosterExportCommand;
    const file = path.resolve(args[0]!);
    const ext = path.extname(file).toLowerCase();
    if (ext !== '.xlsx' && ext !== '.docx') throw new UsageError(`导出文件应以 .xlsx 或 .docx 结尾：${file}`, command);
    const format = ext === '.xlsx' ? 'xlsx' : 'docx';
    const columns = columnsOption(values, format, command);
    const orientation = orientationOption(values, command);
    const minSize = minSizeOption(values, command);
    outputFile(file, values, command);
    const filter = filterOption(values, command);
    // Last: the only check that reads the data file.
    const partyGroupId = groupOption(values, databasePath, command);
    const withGroup = partyGroupId ? { ...filter, partyGroupId } : filter;
    return { file, format, columns, filter: withGroup, maskId: values['mask-id'] === true, orientation, minSize };
  },
  async run({ options: { file, format, columns, filter, maskId, orientation, minSize }, ctx }) {
    if (format === 'xlsx') {
      const { count } = await exportRosterXlsx(ctx!.db, file, { filter, columns: columns as ImportField[] | undefined });
      return { data: { file, count }, text: `已导出 ${count} 名党员到 ${file}` };
    }
    const input = rosterPrintInput(ctx!.db, filter, { columns, maskIdNumbers: maskId, orientation, minSize });
    const { document, plan } = rosterPrint(input);
    const count = input.members.length;
    if (!plan.fits) {
      return { data: { file, count, written: false, plan }, text: `未生成文件。${rosterPlanMessage(plan)}`, exitCode: 1 };
    }
    writeFileAtomic(file, await renderDocx(document));
    return { data: { file, count, written: true, plan }, text: `已生成党员花名册（${count} 人，${plan.orientation === 'landscape' ? 'A4 横向' : 'A4 纵向'}）：${file}` };
  },
};
