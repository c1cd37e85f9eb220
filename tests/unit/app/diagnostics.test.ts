import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';
import { LATEST_SCHEMA_VERSION } from '../../../main/db/migrations';

let t: TestContext;
beforeEach(async () => {
  t = await testContext();
  await t.call('branch.save', { name: '中共测试支部委员会' });
  await t.call('members.create', sampleMember({ phone: '13912345678' }));
});
afterEach(() => t.cleanup());

describe('export diagnostics', () => {
  it('writes versions, schema and integrity to a file in the data folder, and no personal data', async () => {
    t.log.info('a log line that mentions 11010519491231002X by mistake');
    const { path: file, text } = await t.call('app.exportDiagnostics');
    expect(file.startsWith(t.dataDir)).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(text).toContain('程序版本: 0.1.0');
    expect(text).toContain(`数据结构版本: ${LATEST_SCHEMA_VERSION}`);
    expect(text).toContain('完整性检查: ok');
    expect(text).toContain('members: 1');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13912345678');
    expect(text).toContain('[ID]');
  });
});
