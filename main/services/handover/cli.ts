/** `handover export` and `handover import`: hand-over packages (.zbk) by file. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { isIsoDate } from '../../../shared/domain/dates';
import type { ImportPreview } from '../../../shared/contract/handover';
import { closeContext, createContext } from '../../app/context';
import { openDatabase } from '../../db/open';
import type { Sqlite } from '../../db/query';
import { registeredTables, tableSpec } from '../../db/registry';
import { exportHandover, importHandover, previewHandover, readPackageFile } from '../../services/handover/handover';
import { planImport } from '../../services/handover/merge';
import { readPackage } from '../../services/handover/read';
import { FORCE_OPTION, optionalString, outputFile, UsageError } from '../../cli/args';
import type { CliCommand, OptionValues } from '../../cli/command';
import { branchOption } from '../../cli/lookup';
import { formatTable } from '../../cli/output';
import { PASSWORD_ENV, PASSWORD_OPTIONS, passwordOption } from '../../cli/password';
import { readZip } from './zip';

function dateOption(values: OptionValues, name: string, command: CliCommand): string | null {
  const v = optionalString(values, name, command);
  if (v && !isIsoDate(v)) throw new UsageError(`选项 --${name} 应为日期，如 2026-01-01`, command);
  return v;
}

/** --tables a,b: names of registered tables (their dependencies are added on export). */
function tablesOption(values: OptionValues, command: CliCommand): string[] | null {
  const v = optionalString(values, 'tables', command);
  if (v === null) return null;
  const names = v.split(/[,，]/).map((t) => t.trim()).filter(Boolean);
  const known = registeredTables().map((t) => t.name);
  const unknown = names.filter((n) => !tableSpec(n));
  if (!names.length || unknown.length) {
    throw new UsageError(`选项 --tables 中有未知的数据表：${unknown.join('、') || v}（可用：${known.join('、')}）`, command);
  }
  return names;
}

/** A scratch database with the current schema, in memory: packages are checked against it before any file is touched. */
async function withScratchDatabase<T>(use: (db: Sqlite) => Promise<T>): Promise<T> {
  const db = await openDatabase(':memory:');
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

/** Exporting needs a password, or --no-password said on purpose: a plain package holds names and ID numbers in clear text. */
async function exportPassword(values: OptionValues, command: CliCommand): Promise<string | null> {
  const noPassword = values['no-password'] === true;
  const password = await passwordOption(values, command, { ask: !noPassword });
  if (noPassword && password !== null) throw new UsageError('--no-password 不能与密码同时给出', command);
  if (!noPassword && password === null) {
    throw new UsageError(
      `导出交接包需要密码：用 --password-stdin 或环境变量 ${PASSWORD_ENV} 给出；确实不加密时写 --no-password（姓名、身份证号将以明文保存在文件中）`,
      command,
    );
  }
  return password;
}

async function isEncrypted(buffer: Buffer): Promise<boolean> {
  const header = (await readZip(buffer)).get('header.json');
  try {
    return header ? JSON.parse(header.toString('utf8')).encrypted === true : false;
  } catch {
    return false;
  }
}

interface HandoverExportOptions {
  file: string;
  password: string | null;
  from: string | null;
  to: string | null;
  tables: string[] | null;
  createdBy: string | null;
  /** null: the local branch. */
  branchId: string | null;
  /** 交给接任者: the package carries the branch's signing key (needs a password). */
  forSuccessor: boolean;
}

export const handoverExportCommand: CliCommand<HandoverExportOptions> = {
  path: ['handover', 'export'],
  summary: '导出交接包（.zbk）：整个支部，或一段时间、部分数据表；可设密码',
  usage: 'OUT.zbk (--password-stdin | --no-password) [--for-successor] [--branch 支部名称] [--from 日期 --to 日期] [--tables 表1,表2] [--by 姓名] [--force]',
  details: [
    '--for-successor        交给接任者：交接包带上本支部的签名密钥，接任者导入后以本支部的名义签名，上级党委无需重新确认；',
    '                       必须设置密码，只用于本支部。不加时（交给上级党委、留作副本）交接包不带密钥',
    '--branch 支部名称      导出数据文件中的另一个支部（从交接包导入的），写完整名称或其中能区分的一段；默认为本支部',
    '--password-stdin       从标准输入读密码，用它加密（AES-256-GCM，至少 4 个字符），丢失的 U 盘不会泄露党员信息',
    `也可用环境变量 ${PASSWORD_ENV} 给出密码；在终端里什么都不给时会提示输入（不显示）`,
    '--no-password          不加密：姓名、身份证号等以明文保存在文件中，只在确有必要时使用',
    '--password 密码        仍可用，但本机其他用户能在进程列表中看到密码，会给出警告',
    '--from / --to 日期     只导出这段时间内的记录（会议、评议等按日期的数据；名册整表导出）',
    '--tables 表1,表2       只导出这些数据表（自动带上它们依赖的表），如 members',
    '--by 姓名              交接人',
    '--force                OUT.zbk 已存在时覆盖它（否则不导出）；不存在的文件夹会自动建立',
  ],
  options: {
    branch: { type: 'string' },
    ...PASSWORD_OPTIONS,
    'no-password': { type: 'boolean' },
    'for-successor': { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    tables: { type: 'string' },
    by: { type: 'string' },
    ...FORCE_OPTION,
  },
  positionals: ['OUT.zbk'],
  database: 'existing',
  async prepare({ values, args, databasePath }) {
    const command = handoverExportCommand;
    const from = dateOption(values, 'from', command);
    const to = dateOption(values, 'to', command);
    if (from && to && from > to) throw new UsageError(`选项 --from（${from}）不能晚于 --to（${to}）`, command);
    const forSuccessor = values['for-successor'] === true;
    if (forSuccessor && values['no-password'] === true) {
      throw new UsageError('--for-successor 的交接包带有本支部的签名密钥，必须设置密码，不能与 --no-password 同用', command);
    }
    if (forSuccessor && typeof values.branch === 'string') throw new UsageError('--for-successor 只用于本支部，不能与 --branch 同用', command);
    const options = {
      forSuccessor,
      file: outputFile(args[0]!, values, command),
      from,
      to,
      tables: tablesOption(values, command),
      createdBy: typeof values.by === 'string' ? values.by.trim() || null : null,
      password: await exportPassword(values, command),
    };
    // Last: the only check that reads the data file.
    return { ...options, branchId: branchOption(values, databasePath, command) };
  },
  async run({ options: { file, ...options }, ctx }) {
    const manifest = await exportHandover(ctx!, file, options);
    const rows = manifest.tables.map((t) => [t.label, String(t.rows)]);
    return {
      data: { file, package: manifest },
      text: `已导出交接包：${file}（${manifest.branch.name}）${options.password ? '（已加密）' : '（未加密：姓名、身份证号以明文保存）'}${
        options.forSuccessor ? '\n交给接任者：带有本支部的签名密钥，请只交给接任的书记本人，密码另行告知' : ''
      }\n\n${formatTable(['数据表', '行数'], rows)}`,
    };
  },
};

function previewJson(p: ImportPreview) {
  return {
    package: p.package,
    trust: p.trust,
    tables: Object.fromEntries(
      Object.entries(p.tables).map(([name, c]) => [name, { new: c.new, updated: c.updated, unchanged: c.unchanged, conflicts: c.conflicts }]),
    ),
    conflicts: p.conflicts.map((c) => ({ table: c.table, id: c.id, label: c.label, kind: c.kind, fields: c.fields })),
  };
}

function previewText(p: ImportPreview): string {
  const head = `交接包：${p.package.branch.name}，${p.package.createdAt.slice(0, 10)} 导出${p.package.createdBy ? `（${p.package.createdBy}）` : ''}`;
  const key = `签名：${p.trust.fingerprint ? `密钥指纹 ${p.trust.fingerprint}` : '未签名'}${p.trust.notice ? `\n${p.trust.notice}` : ''}`;
  const table = formatTable(
    ['数据表', '新增', '更新', '未变', '冲突'],
    Object.values(p.tables).map((c) => [c.label, String(c.new), String(c.updated), String(c.unchanged), String(c.conflicts)]),
  );
  const conflicts = p.conflicts.map((c) => `  ${c.tableLabel}“${c.label}”：${c.fields.map((f) => f.label).join('、') || '同一人的两条记录'}`);
  return [head, key, '', table, ...(conflicts.length ? ['', '冲突（两边都改过）：', ...conflicts] : [])].join('\n');
}

interface HandoverImportOptions {
  buffer: Buffer;
  password: string | null;
  prefer: 'package' | 'local' | null;
  dryRun: boolean;
  acceptNewKey: boolean;
  /** A password was given but the package is not encrypted: said in the output. */
  notEncrypted: boolean;
}

export const handoverImportCommand: CliCommand<HandoverImportOptions> = {
  path: ['handover', 'import'],
  summary: '导入交接包：先预览，确认无误后在一个事务中写入（写入前自动备份）',
  usage: 'IN.zbk [--password-stdin] [--dry-run] [--prefer package|local] [--accept-new-key]',
  details: [
    `--password-stdin          从标准输入读密码（也可用环境变量 ${PASSWORD_ENV}；在终端里导入加密的包时会提示输入，不显示）`,
    '--dry-run                 只预览，不写入',
    '--prefer package|local    有冲突时保留交接包（package）或本机（local）的版本；未保留的版本记入变更记录',
    '--accept-new-key          交接包的签名密钥与本机记住的不同时，接受新密钥（先打电话与对方核对预览中的指纹；记入日志）',
    '有冲突而未给 --prefer 时不导入。',
  ],
  options: { ...PASSWORD_OPTIONS, 'dry-run': { type: 'boolean' }, prefer: { type: 'string' }, 'accept-new-key': { type: 'boolean' } },
  positionals: ['IN.zbk'],
  // Opens the file itself: created when missing, except for --dry-run, which previews against an empty database.
  database: 'file',
  /** The package is read, decrypted and checked in full (against a scratch database) before the data file is opened or created. */
  async prepare({ values, args }) {
    const command = handoverImportCommand;
    const preferText = optionalString(values, 'prefer', command);
    if (preferText !== null && preferText !== 'package' && preferText !== 'local') throw new UsageError('选项 --prefer 应为 package 或 local', command);
    const prefer = preferText as 'package' | 'local' | null;
    let password = await passwordOption(values, command);
    const buffer = readPackageFile(path.resolve(args[0]!));
    const encrypted = await isEncrypted(buffer);
    if (encrypted && password === null) password = await passwordOption(values, command, { ask: true });
    await withScratchDatabase((db) => readPackage(db, buffer, password));
    return {
      buffer,
      password,
      prefer,
      dryRun: values['dry-run'] === true,
      acceptNewKey: values['accept-new-key'] === true,
      notEncrypted: !encrypted && password !== null,
    };
  },
  async run({ options: { buffer, password, prefer, dryRun, acceptNewKey, notEncrypted }, databasePath }) {
    const result = await importRun(buffer, password, prefer, dryRun, acceptNewKey, databasePath);
    if (!notEncrypted) return result;
    const notice = '注意：这个交接包没有加密（给出的密码没有用到），其中的姓名、身份证号是明文。';
    return { data: { ...(result.data as object), encrypted: false }, text: `${notice}\n${result.text}` };
  },
};

async function importRun(
  buffer: Buffer,
  password: string | null,
  prefer: 'package' | 'local' | null,
  dryRun: boolean,
  acceptNewKey: boolean,
  databasePath: string,
): Promise<{ data: unknown; text: string }> {
  if (dryRun && !fs.existsSync(databasePath)) {
    const preview = await withScratchDatabase(async (db) => planImport(db, await readPackage(db, buffer, password)).preview);
    return { data: previewJson(preview), text: `${previewText(preview)}\n\n（预览，未写入；数据文件尚不存在，按空数据预览：${databasePath}）` };
  }
  const ctx = await createContext({ db: databasePath });
  try {
    const preview = await previewHandover(ctx, buffer, password);
    if (dryRun) return { data: previewJson(preview), text: `${previewText(preview)}\n\n（预览，未写入）` };
    if (preview.conflicts.length && !prefer) {
      throw new AppError('E_CONFLICT', `有 ${preview.conflicts.length} 处冲突，未导入。请用 --prefer package 或 --prefer local 选择保留哪一方。\n${previewText(preview)}`);
    }
    const done = await importHandover(ctx, buffer, { password, resolutions: { all: prefer }, acceptNewKey });
    return { data: { ...previewJson(done.preview), backup: done.backup }, text: `${previewText(done.preview)}\n\n已导入。导入前的备份：${done.backup}` };
  } finally {
    closeContext(ctx);
  }
}
