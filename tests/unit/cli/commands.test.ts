/** The CLI as a child process: init, check, member list/add, usage errors. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../../shared/domain/dates';
import { checkIdNumber, maskIdNumber } from '../../../shared/domain/idNumber';
import { memberFieldsSchema, memberRuleProblems } from '../../../shared/domain/member';
import { memberSearchText } from '../../../shared/domain/pinyin';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

interface Listed {
  id: string;
  name: string;
  idNumber: string;
  status: string;
  [key: string]: unknown;
}

let dir: string;
let seeded: string;
/** `member list --json` and `member list --all --json` of the seeded database, and its human table. */
let active: Listed[];
let everyone: string;
let table: string;
const db = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = tempDir('branch-desk-cli-');
  seeded = db('seeded.sqlite');
  const r = runCli(['seed-demo', '--members', '400', '--seed', '5', '--db', seeded], dir);
  expect(r.code, r.stderr).toBe(0);
  active = runCli(['member', 'list', '--db', seeded, '--json'], dir).json();
  everyone = runCli(['member', 'list', '--all', '--db', seeded, '--json'], dir).stdout;
  table = runCli(['member', 'list', '--db', seeded], dir).stdout;
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const REQUIRED_KEYS = ['id', 'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'education', 'joinDate', 'fullDate', 'category', 'status', 'partyGroup', 'post', 'phone'];

describe('cli usage', () => {
  it('prints the usage in Chinese with no command, and the usage of one command with help', () => {
    const r = runCli([], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法');
    expect(r.stdout).toContain('seed-demo --members N');
    expect(r.stdout).toContain('member add --file');
    const one = runCli(['help', 'member', 'list'], dir);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--search 关键字');
    expect(one.stdout).not.toContain('seed-demo');
  });

  it('refuses an unknown command and an unknown flag with a usage error', () => {
    const unknown = runCli(['frobnicate', '--db', db('x.sqlite')], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令“frobnicate”');
    expect(unknown.stderr).toContain('可用的命令：init、check、seed-demo');
    expect(unknown.stderr).toContain('用法');
    const flag = runCli(['member', 'list', '--colour', '--json', '--db', seeded], dir);
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.errorJson().error).toEqual({
      code: 'E_VALIDATION',
      message: '未知选项“--colour”。member list 可用的选项：--search、--all、--branch；通用选项：--db、--json、-h, --help',
    });
    expect(fs.existsSync(db('x.sqlite'))).toBe(false);
  });
});

describe('init', () => {
  it('creates the branch once, accepts the same name again and refuses another', () => {
    const file = db('init.sqlite');
    const first = runCli(['init', '--branch', '中共测试钻井队支部委员会', '--db', file, '--json'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ created: true, branch: { name: '中共测试钻井队支部委员会' } });
    const again = runCli(['init', '--branch', '中共测试钻井队支部委员会', '--db', file, '--json'], dir);
    expect(again.json()).toMatchObject({ created: false });
    const other = runCli(['init', '--branch', '中共另一支部委员会', '--db', file, '--json'], dir);
    expect(other.code).toBe(1);
    expect(other.errorJson().error.code).toBe('E_CONFLICT');
    const missing = runCli(['init', '--db', file], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少选项 --branch');
  });
});

describe('check', () => {
  it('reports a sound database as {ok, integrity, schemaVersion}', () => {
    const r = runCli(['check', '--db', seeded, '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const report = r.json();
    expect(report).toMatchObject({ ok: true, integrity: 'ok', foreignKeys: 0 });
    expect(report.schemaVersion).toBe(report.latestSchemaVersion);
    expect(report.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('exits 1 on a copy with bytes overwritten in the middle', () => {
    const copy = db('corrupt.sqlite');
    fs.copyFileSync(seeded, copy);
    const fd = fs.openSync(copy, 'r+');
    const middle = Math.floor(fs.fstatSync(fd).size / 2 / 4096) * 4096 + 64;
    fs.writeSync(fd, Buffer.alloc(3 * 4096, 0xa5), 0, 3 * 4096, middle);
    fs.closeSync(fd);
    const r = runCli(['check', '--db', copy, '--json'], dir);
    expect(r.code).toBe(1);
    const report = r.json();
    expect(report.ok).toBe(false);
    expect(report.integrity).not.toBe('ok');
  });

  it('reports a missing file as an error', () => {
    const r = runCli(['check', '--db', db('nowhere.sqlite'), '--json'], dir);
    expect(r.code).toBe(1);
    expect(r.errorJson().error.code).toBe('E_NOT_FOUND');
  });
});

describe('seed-demo', () => {
  it('gives the same names and ID numbers for the same seed, all valid, and refuses a filled roster', () => {
    const again = db('again.sqlite');
    const r = runCli(['seed-demo', '--members', '400', '--seed', '5', '--db', again, '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ members: 400, seed: 5, branchCreated: true });
    const first = JSON.parse(everyone) as Listed[];
    const second = runCli(['member', 'list', '--all', '--db', again, '--json'], dir).json<Listed[]>();
    expect(second.map((m) => [m.name, m.idNumber])).toEqual(first.map((m) => [m.name, m.idNumber]));
    const today = localToday();
    for (const m of first) {
      expect(checkIdNumber(m.idNumber).ok, m.idNumber).toBe(true);
      const fields = memberFieldsSchema.parse(m);
      expect(memberRuleProblems(fields, today), m.name).toEqual([]);
    }
    const refused = runCli(['seed-demo', '--members', '5', '--db', again, '--json'], dir);
    expect(refused.code).toBe(1);
    expect(refused.errorJson().error.code).toBe('E_CONFLICT');
  });
});

describe('member list', () => {
  it('gives every field with --json: full upper-case ID numbers, ISO dates, education labels', () => {
    expect(active.length).toBeGreaterThan(350);
    for (const m of active) {
      for (const key of REQUIRED_KEYS) expect(m, key).toHaveProperty(key);
      expect(m.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(m.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.joinDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['正式党员', '预备党员']).toContain(m.category);
      expect(['正常', '停止党籍']).toContain(m.status);
      expect(m.education).toMatch(/[\u4e00-\u9fff]/);
    }
    const all = JSON.parse(everyone) as Listed[];
    expect(all.length).toBeGreaterThan(active.length);
    expect(all.some((m) => m.status === '转出')).toBe(true);
  });

  it('masks ID numbers in the human table', () => {
    expect(table).toContain(`共 ${active.length} 人`);
    for (const m of active) {
      expect(table).not.toContain(m.idNumber);
      expect(table).toContain(maskIdNumber(m.idNumber));
    }
  });

  it('searches as the roster screen does (pinyin initials)', () => {
    const expected = active.filter((m) => memberSearchText(m.name, m.idNumber).includes('zs')).map((m) => m.name);
    const found = runCli(['member', 'list', '--search', 'zs', '--db', seeded, '--json'], dir).json<{ name: string }[]>();
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((m) => m.name)).toEqual(expected);
  });
});

describe('member add', () => {
  it('adds nothing when one item is invalid, and names its index and field', () => {
    const file = db('add-invalid.sqlite');
    expect(runCli(['init', '--branch', '中共测试支部委员会', '--db', file], dir).code).toBe(0);
    const items = active.slice(0, 4);
    const wrong = items[2]!.idNumber.slice(0, 17) + (items[2]!.idNumber.endsWith('1') ? '2' : '1');
    items[2] = { ...items[2]!, idNumber: wrong };
    fs.writeFileSync(db('invalid.json'), JSON.stringify(items));
    const r = runCli(['member', 'add', '--file', db('invalid.json'), '--db', file, '--json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const { error } = r.errorJson();
    expect(error.code).toBe('E_VALIDATION');
    expect(error.issues).toEqual([{ index: 2, field: 'idNumber', label: '身份证号', message: expect.stringContaining('校验位') }]);
    const human = runCli(['member', 'add', '--file', db('invalid.json'), '--db', file], dir);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('第 3 项 身份证号');
    expect(runCli(['member', 'list', '--all', '--db', file, '--json'], dir).json()).toEqual([]);
  });

  it('round-trips list --json into a second database: the same members', () => {
    fs.writeFileSync(db('roster.json'), everyone);
    const second = db('second.sqlite');
    expect(runCli(['init', '--branch', '中共第二测试支部委员会', '--db', second], dir).code).toBe(0);
    const added = runCli(['member', 'add', '--file', db('roster.json'), '--db', second, '--json'], dir);
    expect(added.code, added.stderr).toBe(0);
    const withoutIds = (ms: { id: string }[]) => ms.map(({ id, ...rest }) => rest);
    const original = JSON.parse(everyone) as Listed[];
    expect(added.json().added).toBe(original.length);
    const copied = runCli(['member', 'list', '--all', '--db', second, '--json'], dir).json<Listed[]>();
    expect(withoutIds(copied)).toEqual(withoutIds(original));
  });
});
