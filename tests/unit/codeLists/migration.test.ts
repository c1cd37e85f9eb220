/** Migration 4 (code lists): the table arrives empty beside existing data; the defaults are filled on first read. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw } from '../../../main/db/connection';
import { applyMigrations, schemaVersion } from '../../../main/db/migrations';
import { codeOptions } from '../../../main/services/codeLists/service';
import { CODE_LISTS_SCHEMA_VERSION } from '../../../main/services/codeLists/migrations/004-code-lists';
import { tempDir, foldersRemovedAfterEach } from '../../helpers/context';

const dirs = foldersRemovedAfterEach();

describe('migration 4 (code lists)', () => {
  it('adds code_items to a version-3 database with a branch and a member, leaving them alone', () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = openRaw(path.join(dir, 'db.sqlite'));
    expect(applyMigrations(db, 3)).toEqual([1, 2, 3]);
    const now = new Date().toISOString();
    const branchId = crypto.randomUUID();
    db.prepare('INSERT INTO branches (id, branch_id, created_at, updated_at, rev, name) VALUES (?, ?, ?, ?, ?, ?)').run(branchId, branchId, now, now, 'r1', '中共测试支部委员会');
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('local_branch_id', ?)").run(branchId);
    db.prepare(
      `INSERT INTO members (id, branch_id, created_at, updated_at, rev, name, gender, ethnicity, id_number, birth_date, education, category, join_date, post)
       VALUES (?, ?, ?, ?, 'r', '张三', '女', '汉族', '11010519491231002X', '1949-12-31', '21', '正式党员', '1975-07-01', '司钻')`,
    ).run(crypto.randomUUID(), branchId, now, now);
    const before = { branches: db.prepare('SELECT * FROM branches').all(), members: db.prepare('SELECT * FROM members').all() };

    expect(CODE_LISTS_SCHEMA_VERSION).toBe(4);
    expect(applyMigrations(db, 4)).toEqual([4]);
    expect(schemaVersion(db)).toBe(4);
    expect({ branches: db.prepare('SELECT * FROM branches').all(), members: db.prepare('SELECT * FROM members').all() }).toEqual(before);
    const columns = (db.pragma('table_info(code_items)') as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'branch_id', 'created_at', 'updated_at', 'deleted_at', 'rev', 'kind', 'label', 'sort_order', 'in_use', 'note']);
    expect(db.prepare('SELECT count(*) AS n FROM code_items').get()).toEqual({ n: 0 });
    const indexes = (db.pragma('index_list(code_items)') as { name: string }[]).map((i) => i.name);
    expect(indexes).toEqual(expect.arrayContaining(['code_items_list', 'code_items_kind']));

    const insert = db.prepare(
      "INSERT INTO code_items (id, branch_id, created_at, updated_at, rev, kind, label, in_use) VALUES (?, ?, ?, ?, 'r', 'posts', '泵工', ?)",
    );
    expect(() => insert.run(crypto.randomUUID(), branchId, now, now, 2)).toThrow(/CHECK/);
    expect(() => insert.run(crypto.randomUUID(), crypto.randomUUID(), now, now, 1)).toThrow(/FOREIGN KEY/);

    // The existing branch gets its defaults on the first read.
    expect(codeOptions(db, 'absenceReasons')).toEqual(['公差', '病假', '事假', '轮休', '探亲', '外出培训', '其他']);
    db.close();
  });
});
