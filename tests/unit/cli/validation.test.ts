/**
 * Every command checks its options (and the files it reads) before it opens or creates anything:
 * a mistake on the command line leaves no file or folder behind, and an existing data folder
 * byte for byte as it was. Run in-process through main() (fast); one run as a child process
 * checks the real exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../main/cli/commands';
import { commandName } from '../../../main/cli/command';
import { cliInProcess as cli, cliOk as ok, runCli, snapshot } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

// Made when the file is collected: the cases' arguments (and test names) are built from these paths.
const root = tempDir('branch-desk-cli-validation-');
/** The data folder of an existing database with members, a backup and a hand-over log. */
const dataDir = path.join(root, 'data');
const existing = path.join(dataDir, 'existing.sqlite');
/** Inputs and outputs of the commands live here, apart from the data folder. */
const files = path.join(root, 'files');
/** BRANCH_DESK_DATA_DIR during these tests: must never be created (an empty --db once fell back to it). */
const defaultDir = path.join(root, 'default-data-dir');
let savedDataDir: string | undefined;
const file = (name: string) => path.join(files, name);
/** A --db path whose folder does not exist yet, a new one each time (so one failure does not spill into the next test). */
let freshCount = 0;
const fresh = () => path.join(root, `fresh-${++freshCount}`, 'sub', 'x.sqlite');

beforeAll(async () => {
  fs.mkdirSync(files);
  savedDataDir = process.env.BRANCH_DESK_DATA_DIR;
  process.env.BRANCH_DESK_DATA_DIR = defaultDir;

  await ok(['seed-demo', '--members', '30', '--seed', '3', '--db', existing]);
  await ok(['backup', 'create', '--db', existing]);
  await ok(['handover', 'export', file('plain.zbk'), '--db', existing, '--no-password']);
  await ok(['handover', 'export', file('locked.zbk'), '--password', '正确的密码', '--db', existing]);
  fs.writeFileSync(file('not-a-package.zbk'), 'PK this is not a zip');
  fs.writeFileSync(file('members.json'), '[]');
  fs.writeFileSync(file('plain.xlsx'), 'an export made earlier');
  fs.writeFileSync(file('broken.json'), '[{"name": ');
  fs.writeFileSync(file('object.json'), '{"name": "张三"}');
  fs.writeFileSync(file('roster.csv'), '姓名,性别,身份证号\n张三,男,110101199003077777\n');
}, 120_000);

afterAll(() => {
  if (savedDataDir === undefined) delete process.env.BRANCH_DESK_DATA_DIR;
  else process.env.BRANCH_DESK_DATA_DIR = savedDataDir;
  fs.rmSync(root, { recursive: true, force: true });
});

interface BadCase {
  args: () => string[];
  code: number;
  /** The error code under --json. */
  error: string;
  /** Text the message must contain: the option (or file) at fault. */
  names: string;
}

/** A well-formed record id that names nothing. */
const SOME_ID = '8d0c2b1e-5f4a-4c3b-9a2d-1e0f3c4b5a69';

const BAD: BadCase[] = [
  { args: () => ['init'], code: 2, error: 'E_VALIDATION', names: '缺少选项 --branch' },
  { args: () => ['init', '--branch', ' '], code: 2, error: 'E_VALIDATION', names: '--branch' },
  { args: () => ['init', '--branch', '中'], code: 2, error: 'E_VALIDATION', names: '选项 --branch：' },
  { args: () => ['init', '--branch', '中共测试支部委员会', '--parent', '党'.repeat(61)], code: 2, error: 'E_VALIDATION', names: '选项 --parent：' },
  { args: () => ['init', '--branch', '中共测试支部委员会', '--brnach', 'x'], code: 2, error: 'E_VALIDATION', names: '未知选项“--brnach”。init 可用的选项：--branch、--parent' },
  { args: () => ['init', '--branch'], code: 2, error: 'E_VALIDATION', names: '“--branch”' },
  { args: () => ['seed-demo'], code: 2, error: 'E_VALIDATION', names: '缺少选项 --members' },
  { args: () => ['seed-demo', '--members', 'abc'], code: 2, error: 'E_VALIDATION', names: '选项 --members 应为整数' },
  { args: () => ['seed-demo', '--members', '0'], code: 2, error: 'E_VALIDATION', names: '选项 --members 应在 1 到 100000 之间' },
  { args: () => ['seed-demo', '--members', '5', '--seed', '1.5'], code: 2, error: 'E_VALIDATION', names: '选项 --seed 应为整数' },
  { args: () => ['check', '--verbose'], code: 2, error: 'E_VALIDATION', names: '未知选项“--verbose”。check 没有自己的选项' },
  { args: () => ['member', 'list', '--search', 'a'.repeat(51)], code: 2, error: 'E_VALIDATION', names: '选项 --search：' },
  { args: () => ['member', 'list', '--branch', ''], code: 2, error: 'E_VALIDATION', names: '选项 --branch 不能为空' },
  { args: () => ['codes', 'list', '--kind', '鞋码'], code: 2, error: 'E_VALIDATION', names: '选项 --kind 的值“鞋码”不是已知的字典' },
  { args: () => ['member', 'add'], code: 2, error: 'E_VALIDATION', names: '缺少选项 --file' },
  { args: () => ['member', 'add', '--file', file('missing.json')], code: 1, error: 'E_NOT_FOUND', names: '--file' },
  { args: () => ['member', 'add', '--file', file('broken.json')], code: 1, error: 'E_VALIDATION', names: '--file' },
  { args: () => ['member', 'add', '--file', file('object.json')], code: 1, error: 'E_VALIDATION', names: '--file' },
  { args: () => ['meeting', 'list', '--year', '二〇二六'], code: 2, error: 'E_VALIDATION', names: '选项 --year 应为整数' },
  { args: () => ['meeting', 'list', '--type', '民主生活会'], code: 2, error: 'E_VALIDATION', names: '选项 --type 应为 支部党员大会、支委会' },
  { args: () => ['meeting', 'add'], code: 2, error: 'E_VALIDATION', names: '缺少选项 --file' },
  { args: () => ['meeting', 'add', '--file', file('broken.json')], code: 1, error: 'E_VALIDATION', names: '--file' },
  { args: () => ['meeting', 'add', '--file', file('members.json')], code: 1, error: 'E_VALIDATION', names: '选项 --file 指定的文件中' },
  { args: () => ['meeting', 'calendar', '--year', '1900'], code: 2, error: 'E_VALIDATION', names: '选项 --year 应为 1921 到 2200 之间的年份' },
  { args: () => ['meeting', 'calendar', '--out', file('calendar.pdf')], code: 2, error: 'E_VALIDATION', names: '输出文件应以 .docx 或 .xlsx 结尾：' },
  { args: () => ['meeting', 'calendar', file('calendar.pdf')], code: 2, error: 'E_VALIDATION', names: '输出文件应以 .docx 或 .xlsx 结尾：' },
  { args: () => ['targets', 'letters', '--year', '2026', file('letters.pdf')], code: 2, error: 'E_VALIDATION', names: '责任书应导出为 .docx 文件' },
  { args: () => ['targets', 'assessment', '--year', '2026', '--period', 'q3', file('summary.xlsx')], code: 2, error: 'E_VALIDATION', names: '选项 --period 应为 mid（半年考核）或 final（年终考核）' },
  { args: () => ['talk', 'list', '--year', 'x'], code: 2, error: 'E_VALIDATION', names: '选项 --year 应为整数' },
  { args: () => ['roster', 'import', file('missing.xlsx')], code: 1, error: 'E_NOT_FOUND', names: 'missing.xlsx' },
  { args: () => ['roster', 'import', file('members.json')], code: 1, error: 'E_VALIDATION', names: '不支持的文件类型“.json”' },
  { args: () => ['roster', 'import', file('roster.csv'), '--header-row', '0'], code: 2, error: 'E_VALIDATION', names: '选项 --header-row' },
  { args: () => ['roster', 'import', file('roster.csv'), '--header-row', 'x'], code: 2, error: 'E_VALIDATION', names: '选项 --header-row' },
  { args: () => ['roster', 'import', file('roster.csv'), '--map', 'C=idnumber'], code: 2, error: 'E_VALIDATION', names: '选项 --map 有误：C 列：未知的字段“idnumber”' },
  { args: () => ['roster', 'import', file('roster.csv'), '--map', 'C'], code: 2, error: 'E_VALIDATION', names: '--map' },
  { args: () => ['roster', 'export', file('out.pdf')], code: 2, error: 'E_VALIDATION', names: '.xlsx 或 .docx' },
  { args: () => ['roster', 'export', file('out.xlsx'), '--columns', 'nam,gender'], code: 2, error: 'E_VALIDATION', names: '选项 --columns 中有 Excel 名册没有的列：nam' },
  { args: () => ['roster', 'export', file('out.docx'), '--columns', 'name,salary'], code: 2, error: 'E_VALIDATION', names: '选项 --columns 中有 Word 花名册没有的列：salary' },
  { args: () => ['roster', 'export', file('out.docx'), '--filter', 'gender=X'], code: 2, error: 'E_VALIDATION', names: '选项 --filter gender：应为 男、女 之一' },
  { args: () => ['roster', 'export', file('out.xlsx'), '--filter', 'salary=1'], code: 2, error: 'E_VALIDATION', names: '--filter' },
  { args: () => ['roster', 'export', file('out.xlsx'), '--category', '党员'], code: 2, error: 'E_VALIDATION', names: '选项 --category：' },
  { args: () => ['roster', 'export', file('out.xlsx'), '--status', '退休'], code: 2, error: 'E_VALIDATION', names: '选项 --status：' },
  { args: () => ['roster', 'export', file('out.xlsx'), '--group', ''], code: 2, error: 'E_VALIDATION', names: '选项 --group 不能为空' },
  { args: () => ['roster', 'export', file('plain.xlsx')], code: 2, error: 'E_VALIDATION', names: '文件已存在' },
  // appraisal
  { args: () => ['appraisal', 'start', '--year', '2019'], code: 2, error: 'E_VALIDATION', names: '缺少选项 --issued' },
  { args: () => ['appraisal', 'start', '--year', '1900', '--issued', '3'], code: 2, error: 'E_VALIDATION', names: '选项 --year 应为 1921 到 2200 之间的年份' },
  { args: () => ['appraisal', 'start', '--year', '2019', '--issued', '3', '--masses', '-1'], code: 2, error: 'E_VALIDATION', names: '选项 --masses 应在 0 到 10000 之间' },
  { args: () => ['appraisal', 'ballots', '--year', '2019', file('ballots.pdf')], code: 2, error: 'E_VALIDATION', names: '测评表应导出为 .docx 文件' },
  { args: () => ['appraisal', 'enter', '--year', '2019'], code: 2, error: 'E_VALIDATION', names: '缺少选项 --file' },
  { args: () => ['appraisal', 'enter', '--year', '2019', '--file', file('missing.json')], code: 1, error: 'E_NOT_FOUND', names: '--file' },
  { args: () => ['appraisal', 'enter', '--year', '2019', '--file', file('object.json')], code: 1, error: 'E_VALIDATION', names: '选项 --file 指定的文件中' },
  { args: () => ['appraisal', 'results', '--year', 'x'], code: 2, error: 'E_VALIDATION', names: '选项 --year 应为整数' },
  { args: () => ['appraisal', 'results', '--year', '2019', file('plain.xlsx')], code: 2, error: 'E_VALIDATION', names: '结果汇总表应导出为 .docx 文件' },
  // meetings documents
  { args: () => ['meeting', 'minutes', file('m.docx')], code: 2, error: 'E_VALIDATION', names: '缺少选项 --id' },
  { args: () => ['meeting', 'minutes', '--id', '12', file('m.docx')], code: 2, error: 'E_VALIDATION', names: '选项 --id：“12”不是有效的记录编号' },
  { args: () => ['meeting', 'minutes', '--id', SOME_ID, file('m.pdf')], code: 2, error: 'E_VALIDATION', names: '导出文件应以 .docx 结尾' },
  { args: () => ['meeting', 'minutes', '--id', SOME_ID, file('m.docx'), '--version', '0'], code: 2, error: 'E_VALIDATION', names: '选项 --version' },
  { args: () => ['meeting', 'sign-in', file('s.docx')], code: 2, error: 'E_VALIDATION', names: '缺少选项 --id' },
  { args: () => ['meeting', 'notice', '--id', SOME_ID, file('n.docx'), '--date', '2026-13-01'], code: 2, error: 'E_VALIDATION', names: '选项 --date' },
  { args: () => ['talk', 'record', '--id', SOME_ID, file('plain.xlsx')], code: 2, error: 'E_VALIDATION', names: '导出文件应以 .docx 结尾' },
  { args: () => ['handover', 'export', file('out.zbk'), '--from', '2026-13-01'], code: 2, error: 'E_VALIDATION', names: '选项 --from 应为日期' },
  { args: () => ['handover', 'export', file('out.zbk'), '--from', '2026-02-01', '--to', '2026-01-01'], code: 2, error: 'E_VALIDATION', names: '选项 --from（2026-02-01）不能晚于 --to' },
  { args: () => ['handover', 'export', file('out.zbk'), '--tables', 'members,salaries'], code: 2, error: 'E_VALIDATION', names: '选项 --tables 中有未知的数据表：salaries' },
  { args: () => ['handover', 'export', file('out.zbk'), '--password', ''], code: 2, error: 'E_VALIDATION', names: '选项 --password 不能为空' },
  { args: () => ['handover', 'export', file('out.zbk'), '--branch', ' ', '--no-password'], code: 2, error: 'E_VALIDATION', names: '选项 --branch 不能为空' },
  { args: () => ['handover', 'export', file('plain.zbk'), '--no-password'], code: 2, error: 'E_VALIDATION', names: `文件已存在：${file('plain.zbk')}` },
  { args: () => ['handover', 'import', file('missing.zbk')], code: 1, error: 'E_NOT_FOUND', names: 'missing.zbk' },
  { args: () => ['handover', 'import', file('plain.zbk'), '--prefer', 'mine'], code: 2, error: 'E_VALIDATION', names: '选项 --prefer 应为 package 或 local' },
  { args: () => ['handover', 'import', file('not-a-package.zbk')], code: 1, error: 'E_PACKAGE', names: '交接包' },
  { args: () => ['handover', 'import', file('locked.zbk')], code: 1, error: 'E_PACKAGE', names: '密码' },
  { args: () => ['handover', 'import', file('locked.zbk'), '--password', '错误的密码'], code: 1, error: 'E_PACKAGE', names: '密码' },
  { args: () => ['handover', 'import', file('locked.zbk'), '--password', '错误的密码', '--dry-run'], code: 1, error: 'E_PACKAGE', names: '密码' },
  { args: () => ['backup', 'create', '--name', 'x'], code: 2, error: 'E_VALIDATION', names: '未知选项“--name”' },
  { args: () => ['backup', 'verify', 'no-such-backup.sqlite'], code: 1, error: 'E_NOT_FOUND', names: 'no-such-backup.sqlite' },
  { args: () => ['backup', 'restore', 'no-such-backup.sqlite'], code: 1, error: 'E_NOT_FOUND', names: 'no-such-backup.sqlite' },
];

const label = (c: BadCase) => c.args().map((a) => (a.startsWith(root) ? path.basename(a) : a)).join(' ');

describe('a mistake on the command line, against a --db that does not exist yet', () => {
  it.each(BAD.map((c) => [label(c), c] as const))('%s: refused, and no file or folder is created', async (_, c) => {
    const before = snapshot(files);
    const db = fresh();
    const r = await cli([...c.args(), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(c.code);
    expect(r.stdout).toBe('');
    const { error } = JSON.parse(r.stderr) as { error: { code: string; message: string } };
    expect(error.code).toBe(c.error);
    expect(error.message).toContain(c.names);
    expect(fs.existsSync(path.dirname(path.dirname(db))), 'the --db folder was created').toBe(false);
    expect(fs.existsSync(defaultDir), 'the default data folder was created').toBe(false);
    expect(snapshot(files)).toEqual(before);
  });

  it('says the same in text, with the usage of the command', async () => {
    const db = fresh();
    const r = await cli(['seed-demo', '--members', 'abc', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('错误：选项 --members 应为整数');
    expect(r.stderr).toContain('用法：npm run cli -- seed-demo --members N');
    expect(fs.existsSync(path.dirname(path.dirname(db)))).toBe(false);
  });

  it('every command that takes options or files is covered above', () => {
    const covered = (c: (typeof COMMANDS)[number]) => BAD.some((b) => c.path.every((w, i) => b.args()[i] === w));
    for (const c of COMMANDS.filter((c) => Object.keys(c.options).length || c.positionals?.length)) {
      expect(c.prepare, `${commandName(c)} has options but no prepare()`).toBeTypeOf('function');
      expect(covered(c), `${commandName(c)} has no case in BAD`).toBe(true);
    }
  });
});

describe('a mistake on the command line, against an existing database', () => {
  it.each(BAD.map((c) => [label(c), c] as const))('%s: refused, and the data folder is unchanged byte for byte', async (_, c) => {
    const before = snapshot(dataDir);
    const outputs = snapshot(files);
    const r = await cli([...c.args(), '--db', existing, '--json']);
    expect(r.code, r.stderr).toBe(c.code);
    expect(JSON.parse(r.stderr).error.message).toContain(c.names);
    expect(snapshot(dataDir)).toEqual(before);
    expect(snapshot(files)).toEqual(outputs);
  });

  it('the snapshot does see a command that only reads: opening the database writes to its log', async () => {
    const before = snapshot(dataDir);
    await ok(['member', 'list', '--db', existing, '--json']);
    expect(snapshot(dataDir)).not.toEqual(before);
  });
});

describe('--db itself', () => {
  it('refuses an empty --db instead of using the default data folder', async () => {
    const r = await cli(['init', '--branch', '中共测试支部委员会', '--db', '', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toEqual({ code: 'E_VALIDATION', message: '选项 --db 不能为空' });
    expect(fs.existsSync(defaultDir)).toBe(false);
  });

  it('refuses a folder', async () => {
    const before = snapshot(dataDir);
    const r = await cli(['init', '--branch', '中共测试支部委员会', '--db', dataDir, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.message).toContain('选项 --db 应为数据文件');
    expect(snapshot(dataDir)).toEqual(before);
  });
});

describe('unknown commands and options', () => {
  it('lists every command for an unknown one, and the subcommands for a known first word', async () => {
    const unknown = await cli(['frobnicate', '--json']);
    expect(unknown.code).toBe(2);
    const message = JSON.parse(unknown.stderr).error.message as string;
    expect(message).toContain('未知命令“frobnicate”');
    for (const c of COMMANDS) expect(message).toContain(commandName(c));
    const sub = await cli(['member', 'remove', '--json']);
    expect(sub.code).toBe(2);
    expect(JSON.parse(sub.stderr).error.message).toBe('未知命令“member remove”。“member”后应接：list、add');
    const alone = await cli(['backup']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('“backup”后应接：create、list、verify、restore');
    const help = await cli(['help', 'frobnicate']);
    expect(help.code).toBe(2);
    expect(help.stderr).toContain('可用的命令：init、check');
  });

  it('lists the options a command accepts', async () => {
    const r = await cli(['roster', 'import', file('roster.csv'), '--skip', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.message).toBe(
      '未知选项“--skip”。roster import 可用的选项：--branch、--dry-run、--skip-invalid、--map、--header-row；通用选项：--db、--json、-h, --help',
    );
  });
});

describe('what used to create a database and now does not', () => {
  it('handover import --dry-run previews against a missing data file without creating it', async () => {
    const db = fresh();
    const r = await ok(['handover', 'import', file('locked.zbk'), '--password', '正确的密码', '--dry-run', '--db', db, '--json']);
    const preview = JSON.parse(r.stdout) as { tables: Record<string, { new: number }> };
    expect(preview.tables.members!.new).toBeGreaterThan(0);
    const text = await ok(['handover', 'import', file('plain.zbk'), '--dry-run', '--db', db]);
    expect(text.stdout).toContain('数据文件尚不存在');
    expect(fs.existsSync(path.dirname(path.dirname(db)))).toBe(false);
  });

  it('handover import into a missing data file still creates it, with the package imported', async () => {
    const target = path.join(root, 'imported', 'x.sqlite');
    await ok(['handover', 'import', file('plain.zbk'), '--db', target, '--json']);
    const listed = JSON.parse((await ok(['member', 'list', '--all', '--db', target, '--json'])).stdout) as unknown[];
    const original = JSON.parse((await ok(['member', 'list', '--all', '--db', existing, '--json'])).stdout) as unknown[];
    expect(listed).toEqual(original);
  });

  it('backup restore onto a missing data file puts the backup in place, without an empty database or an undo backup', async () => {
    const folder = path.join(root, 'restore');
    const db = path.join(folder, 'x.sqlite');
    await ok(['seed-demo', '--members', '12', '--db', db]);
    const backup = JSON.parse((await ok(['backup', 'create', '--db', db, '--json'])).stdout) as { name: string };
    const members = (await ok(['member', 'list', '--all', '--db', db, '--json'])).stdout;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
    const r = await ok(['backup', 'restore', backup.name, '--db', db, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ restored: { name: backup.name }, damagedCopy: null });
    expect(fs.readdirSync(path.join(folder, 'backups')).filter((n) => n.endsWith('.sqlite'))).toEqual([backup.name]);
    expect((await ok(['member', 'list', '--all', '--db', db, '--json'])).stdout).toBe(members);
  });
});

describe('as a child process', () => {
  it('init without --branch exits 2 and leaves no data file or folder', () => {
    const db = path.join(root, 'child', 'x.sqlite');
    const r = runCli(['init', '--db', db], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少选项 --branch');
    expect(fs.existsSync(path.join(root, 'child'))).toBe(false);
  });
});
