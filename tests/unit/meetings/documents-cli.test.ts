/** `meeting minutes`, `meeting sign-in`, `meeting notice`, `talk record`: Word files from the command line. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContext, createContext } from '../../../main/app/context';
import { dispatch } from '../../../main/dispatcher';
import { cliInProcess as cli, cliOk as ok } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';
import { readDocx } from '../../helpers/documents';

const root = tempDir('branch-desk-cli-meetings-');
const db = path.join(root, 'data', 'x.sqlite');
const out = (name: string) => path.join(root, 'out', name);
let meetingId: string;
let talkId: string;

async function call(ctx: Awaited<ReturnType<typeof createContext>>, name: string, input: unknown): Promise<any> {
  const r = await dispatch(ctx, name as never, input as never);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  await ok(['seed-demo', '--members', '30', '--seed', '5', '--db', db]);
  const ctx = await createContext({ db });
  try {
    const expected: { memberId: string; name: string; category: string }[] = await call(ctx, 'meetings.expected', { kind: 'committee', date: '2026-05-08' });
    const attendance = expected.map((e, i) => ({ ...e, attended: i > 0, absenceReason: i > 0 ? '' : '公差', absenceNote: '' }));
    const host = expected[1]!;
    const saved = await call(ctx, 'meetings.save', {
      fields: {
        kind: 'committee', date: '2026-05-08', startTime: '14:30', endTime: '15:40', place: '队部会议室', title: '',
        hostMemberId: host.memberId, hostName: host.name, recorderName: expected[2]!.name, recorderMemberId: expected[2]!.memberId,
        topics: ['研究五月份党员发展工作'], content: '会议研究了五月份党员发展工作。',
        resolutions: [{ text: '确定两名入党积极分子为发展对象。', vote: { method: 'show', for: attendance.length - 1, against: 0, abstain: 0 } }],
        attendance,
      },
    });
    await call(ctx, 'meetings.finalize', { id: saved.id });
    meetingId = saved.id;
    talkId = (await call(ctx, 'talks.save', { fields: { kind: 'talk', date: '2026-05-09', talkerNames: [host.name], personName: '外协工人甲', summary: '谈了安全生产。' } })).id;
  } finally {
    closeContext(ctx);
  }
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('meeting minutes', () => {
  it('writes the minutes of a 支委会 as Word, its header block readable, and says how many pages', async () => {
    const file = out('minutes.docx');
    const r = await ok(['meeting', 'minutes', '--id', meetingId, file, '--db', db, '--json']);
    const data = JSON.parse(r.stdout);
    expect(data).toMatchObject({ file, pages: 1 });
    expect(data.title).toMatch(/2026年第\d+次支委会会议记录$/);
    const rows = readDocx(file).tables[0]!.rows;
    expect(rows).toContainEqual(['会议类型', '支部委员会会议']);
    expect(rows.find((row) => row[0] === '应到人数')).toEqual(['应到人数', expect.stringMatching(/^\d+人$/), '实到人数', expect.stringMatching(/^\d+人$/)]);
    expect(rows.find((row) => row[0] === '缺席人员及原因')![1]).toMatch(/（公差）$/);
  });

  it('refuses to overwrite without --force, and an unknown version', async () => {
    const file = out('minutes.docx');
    const again = await cli(['meeting', 'minutes', '--id', meetingId, file, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('文件已存在');
    expect((await ok(['meeting', 'minutes', '--id', meetingId, file, '--force', '--db', db])).stdout).toContain('已生成会议记录（1 页）');
    const missing = await cli(['meeting', 'minutes', '--id', meetingId, out('v3.docx'), '--version', '3', '--db', db]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('这份会议记录没有第3版');
    expect(fs.existsSync(out('v3.docx'))).toBe(false);
  });

  it('names the option at fault before opening the database', async () => {
    const noId = await cli(['meeting', 'minutes', out('x.docx'), '--db', db]);
    expect([noId.code, noId.stderr.includes('缺少选项 --id')]).toEqual([2, true]);
    const badId = await cli(['meeting', 'minutes', '--id', '12', out('x.docx'), '--db', db]);
    expect(badId.stderr).toContain('选项 --id：“12”不是有效的记录编号');
    const pdf = await cli(['meeting', 'minutes', '--id', meetingId, out('x.pdf'), '--db', db]);
    expect(pdf.stderr).toContain('导出文件应以 .docx 结尾');
    const version = await cli(['meeting', 'minutes', '--id', meetingId, out('x.docx'), '--version', '0', '--db', db]);
    expect(version.stderr).toContain('选项 --version 应为 1 或更大的整数');
  });
});

describe('meeting sign-in, meeting notice, talk record', () => {
  it('writes the sign-in sheet of the committee members', async () => {
    const file = out('sign-in.docx');
    await ok(['meeting', 'sign-in', '--id', meetingId, file, '--db', db]);
    const table = readDocx(file).tables[0]!;
    expect(table.rows[0]).toEqual(['序号', '姓名', '党小组', '签到', '备注']);
    expect(table.rows.length).toBeGreaterThan(2);
    // The committee members' posts stand in 备注.
    expect(table.rows.slice(1).map((r) => r[4])).toContain('书记');
  });

  it('writes the notice to the committee, dated as asked', async () => {
    const file = out('notice.docx');
    await ok(['meeting', 'notice', '--id', meetingId, file, '--date', '2026-05-06', '--db', db]);
    const text = readDocx(file).paragraphs.map((p) => p.text);
    expect(text).toContain('各位支部委员：');
    expect(text).toContain('2026年5月6日');
    const bad = await cli(['meeting', 'notice', '--id', meetingId, out('n2.docx'), '--date', '2026-13-01', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('选项 --date');
  });

  it('writes a talk record', async () => {
    const file = out('talk.docx');
    await ok(['talk', 'record', '--id', talkId, file, '--db', db]);
    expect(readDocx(file).tables[0]!.rows).toContainEqual(['谈话对象', '外协工人甲']);
  });
});
