/** `roster import` and `roster export`: the roster in and out of spreadsheets and the printed Word roster. */
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { memberSearchSchema } from '../../../shared/contract/operations';
import { parseOrThrow } from '../../../shared/contract/validate';
import { localToday } from '../../../shared/domain/dates';
import { buildRosterDocument, toBuffer, type RosterDocumentInput } from '../../documents';
import { writeFileAtomic } from '../../services/handover/export';
import { getLocalBranch } from '../../services/branch/branch';
import { findMembers } from '../../services/roster/members';
import {
  applyImport,
  describeIssue,
  exportRosterXlsx,
  previewImport,
  previewSummary,
  readSpreadsheetFile,
  type ColumnMapping,
} from '../../services/spreadsheet';
import { UsageError } from '../args';
import type { CliCommand, OptionValues } from '../command';

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
  return mapping;
}

export const rosterImportCommand: CliCommand = {
  path: ['roster', 'import'],
  summary: '从 Excel（.xlsx/.xls）或 CSV 导入党员名册：先预览，全部有效才写入（写入前自动备份）',
  usage: 'FILE [--dry-run] [--skip-invalid] [--map 列=字段,…] [--header-row N]',
  details: [
    '--dry-run          只预览，不写入',
    '--skip-invalid     跳过有问题的行，写入其余的行',
    '--map D=idNumber   更正猜错的列对应关系（字段名同 member list --json 的键；留空表示不导入该列）',
    '--header-row N     表头所在的行号（猜错时指定）',
  ],
  options: { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, map: { type: 'string' }, 'header-row': { type: 'string' } },
  positionals: ['FILE'],
  database: 'existing',
  async run({ values, args, ctx }) {
    const headerRow = typeof values['header-row'] === 'string' ? Number(values['header-row']) : undefined;
    if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow > 0)) throw new UsageError('--header-row 应为正整数', rosterImportCommand);
    const dryRun = values['dry-run'] === true;
    const skipInvalid = values['skip-invalid'] === true;
    const grid = await readSpreadsheetFile(path.resolve(args[0]!));
    const preview = previewImport(ctx!.db, grid, { mapping: mappingOption(values, rosterImportCommand), headerRow });
    const summary = previewSummary(preview);
    const report = [
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

function filterPairs(values: OptionValues, command: CliCommand): Record<string, unknown> {
  const v = values.filter;
  if (typeof v !== 'string' || !v.trim()) return {};
  const out: Record<string, unknown> = {};
  for (const part of v.split(/[,，]/)) {
    const m = /^\s*([^=\s]+)\s*=\s*(.*?)\s*$/.exec(part);
    const key = m ? FILTER_KEYS[m[1]!] : undefined;
    if (!m || !key) throw new UsageError(`--filter 的写法应为 条件=值，如 category=预备党员；“${part}”无法识别`, command);
    out[key] = key === 'status' && m[2] === '全部' ? 'all' : m[2];
  }
  return out;
}

function filterOption(values: OptionValues) {
  const filter: Record<string, unknown> = filterPairs(values, rosterExportCommand);
  if (typeof values.search === 'string') filter.query = values.search;
  if (typeof values.category === 'string') filter.category = values.category;
  if (typeof values.status === 'string') filter.status = values.status === '全部' ? 'all' : values.status;
  if (values.all === true) filter.status = 'all';
  if (typeof values.group === 'string') filter.partyGroupId = values.group;
  const search = parseOrThrow(memberSearchSchema, filter, { category: '--category', status: '--status', query: '--search' });
  return search;
}

const COLUMN_HELP = '--columns a,b,…   导出的列（member list --json 的键），如 name,gender,birthDate,idNumber';

export const rosterExportCommand: CliCommand = {
  path: ['roster', 'export'],
  summary: '导出党员名册：FILE.xlsx（可再导入，完全一致）或 FILE.docx（打印用的党员花名册，A4 横向）',
  usage: 'FILE.xlsx|FILE.docx [--filter 条件=值,…] [--category 正式党员|预备党员] [--status 状态|全部] [--all] [--search 关键字] [--columns a,b] [--mask-id]',
  details: [
    '--filter category=预备党员,gender=女   筛选条件（category/人员类别、status/党籍状态、gender/性别、query/搜索、educationGroup、ageBand）',
    '--category 预备党员   只导出预备党员（或正式党员）',
    '--status 转出 / --all  按党籍状态筛选；默认为在册党员',
    '--search 关键字       与名册页的搜索相同',
    COLUMN_HELP,
    '--mask-id             Word 花名册中身份证号只显示首尾',
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
  },
  positionals: ['FILE'],
  database: 'existing',
  async run({ values, args, ctx }) {
    const file = path.resolve(args[0]!);
    const ext = path.extname(file).toLowerCase();
    const columns = typeof values.columns === 'string' ? values.columns.split(/[,，]/).map((c) => c.trim()).filter(Boolean) : undefined;
    const filter = filterOption(values);
    if (ext === '.xlsx') {
      const { count } = await exportRosterXlsx(ctx!.db, file, { filter, columns: columns as never });
      return { data: { file, count }, text: `已导出 ${count} 名党员到 ${file}` };
    }
    if (ext !== '.docx') throw new UsageError('导出文件应以 .xlsx 或 .docx 结尾', rosterExportCommand);
    const branch = getLocalBranch(ctx!.db);
    if (!branch) throw new AppError('E_NO_BRANCH', '尚未建立支部信息');
    const members = findMembers(ctx!.db, filter);
    const doc = buildRosterDocument({
      branchName: branch.name,
      date: localToday(),
      columns,
      members: members as unknown as RosterDocumentInput['members'],
      filterLabel: filter.category ?? undefined,
      maskIdNumbers: values['mask-id'] === true,
    });
    writeFileAtomic(file, await toBuffer(doc));
    return { data: { file, count: members.length }, text: `已生成党员花名册（${members.length} 人）：${file}` };
  },
};
