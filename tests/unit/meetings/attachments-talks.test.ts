import { beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/domain/meetings';
import { sampleMember, testContext, trackContexts, type TestContext } from '../../helpers/context';
import { packageOf, snapshot } from '../../helpers/handover';
import { importHandover } from '../../../main/services/handover/handover';

let t: TestContext;
let wang: string;
let li: string;
const track = trackContexts();

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('签到表的像素'.repeat(50))]);
const PDF = Buffer.from('%PDF-1.4\n%会议通知\n');

function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e) => e.payload,
  );
}

beforeEach(async () => {
  t = track(await testContext());
  await t.call('branch.save', { name: '中共渤海钻探第一钻井队支部委员会' });
  wang = (await t.call('members.create', sampleMember({ name: '王建国' }))).id;
  li = (await t.call('members.create', sampleMember({ name: '李红梅', idNumber: '110105194912310046', gender: '女' }))).id;
});

async function draft() {
  return t.call('meetings.save', {
    fields: { kind: 'themeDay', date: '2026-05-08', startTime: '14:00', place: '井场活动室', hostMemberId: wang, recorderMemberId: li },
  });
}

describe('attachments', () => {
  it('keeps a photo of the sign-in sheet in the database, typed by its content', async () => {
    const d = await draft();
    const info = await t.call('meetings.addAttachment', { meetingId: d.id, fileName: '签到表.jpeg', data: PNG.toString('base64'), caption: '签到表' });
    // The name follows the content (a PNG named .jpeg).
    expect(info).toMatchObject({ fileName: '签到表.png', mimeType: 'image/png', sizeBytes: PNG.length, caption: '签到表' });
    const back = await t.call('meetings.getAttachment', { id: info.id });
    expect(Buffer.from(back.data, 'base64').equals(PNG)).toBe(true);
    expect((await t.call('meetings.get', { id: d.id })).attachments.map((a) => a.fileName)).toEqual(['签到表.png']);
    expect((await t.call('meetings.list', {}))[0]!.attachmentCount).toBe(1);
    // The change log describes the file, it does not copy it.
    const log = t.db.prepare("SELECT new_json FROM change_log WHERE table_name = 'meeting_attachments'").get() as { new_json: string };
    expect(log.new_json.length).toBeLessThan(PNG.length);
    expect(JSON.parse(log.new_json).data).toMatch(/^文件 .*（sha256 [0-9a-f]{12}…）$/);
  });

  it('refuses other types, empty files and files over the limit, naming the file', async () => {
    const d = await draft();
    const gif = await refusal(t.call('meetings.addAttachment', { meetingId: d.id, fileName: '合影.gif', data: Buffer.from('GIF89a....').toString('base64') }));
    expect(gif.message).toBe('文件内容：“合影.gif”不是 jpg、png 或 pdf 文件');
    const empty = await refusal(t.call('meetings.addAttachment', { meetingId: d.id, fileName: '空.pdf', data: '' }));
    expect(empty.message).toBe('文件内容：文件是空的');
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    const tooBig = await refusal(t.call('meetings.addAttachment', { meetingId: d.id, fileName: '扫描件.pdf', data: big.toString('base64') }));
    expect(tooBig.message).toBe('文件内容：文件不能超过 10 MB');
  });

  it('may be removed from a draft but not from a final record', async () => {
    const d = await draft();
    const a = await t.call('meetings.addAttachment', { meetingId: d.id, fileName: '通知.pdf', data: PDF.toString('base64') });
    const b = await t.call('meetings.addAttachment', { meetingId: d.id, fileName: '签到表.png', data: PNG.toString('base64') });
    await t.call('meetings.deleteAttachment', { id: a.id });
    expect((await t.call('meetings.get', { id: d.id })).attachments.map((x) => x.id)).toEqual([b.id]);
    expect((await t.call('trash.list')).map((x) => x.label)).toEqual(['2026-05-08 通知.pdf']);
    await t.call('meetings.finalize', { id: d.id });
    expect(await refusal(t.call('meetings.deleteAttachment', { id: b.id }))).toMatchObject({ code: 'E_CONFLICT', message: '会议记录已定稿，不能删除附件' });
  });

  it('travels in a hand-over package byte for byte, with its meeting and attendance', async () => {
    const d = await draft();
    await t.call('meetings.addAttachment', { meetingId: d.id, fileName: '签到表.png', data: PNG.toString('base64') });
    await t.call('meetings.finalize', { id: d.id });
    await t.call('talks.save', { fields: { kind: 'visit', date: '2026-05-09', form: '上门', talkerIds: [wang], personName: '张师傅家属', trigger: '家庭困难或生病' } });
    const target = track(await testContext());
    await importHandover(target, await packageOf(t), {});
    const a = snapshot(t);
    const b = snapshot(target);
    for (const table of ['meetings', 'meeting_attendance', 'meeting_attachments', 'talks']) {
      expect(a[table]!.length, table).toBeGreaterThan(0);
      expect(b[table], table).toEqual(a[table]);
    }
    const stored = target.db.prepare('SELECT data FROM meeting_attachments').get() as { data: Buffer };
    expect(Buffer.isBuffer(stored.data) && stored.data.equals(PNG)).toBe(true);
  });
});

describe('talks and home visits', () => {
  it('records a talk with a member and a visit to a non-member, and lists a person\'s history', async () => {
    const talk = await t.call('talks.save', {
      fields: { kind: 'talk', date: '2026-04-02', form: '当面', talkerIds: [wang], memberId: li, trigger: '岗位变动', summary: '调任副司钻后的思想状况', followUpDate: '2026-05-02' },
    });
    expect(talk).toMatchObject({ talkerNames: ['王建国'], personName: '李红梅', personLabel: '李红梅', resolved: false });
    await t.call('talks.save', { fields: { kind: 'visit', date: '2026-04-10', form: '上门', talkerIds: [wang, li], talkerNames: ['工会主席刘强'], personName: '张师傅家属', familyMet: '妻子、女儿' } });
    await t.call('talks.save', { id: talk.id, fields: { ...talk, resolved: true, outcome: '思想稳定' } });
    expect((await t.call('talks.list', { memberId: li })).map((x) => [x.date, x.resolved])).toEqual([['2026-04-02', true]]);
    const visits = await t.call('talks.list', { personName: '张师傅家属' });
    expect(visits.map((v) => v.talkerNames)).toEqual([['王建国', '李红梅', '工会主席刘强']]);
    expect(await t.call('talks.list', { year: 2026 })).toHaveLength(2);
    expect(await t.call('talks.list', { year: 2025 })).toHaveLength(0);
  });

  it('names the field at fault', async () => {
    const nobody = await refusal(t.call('talks.save', { fields: { kind: 'talk', date: '2026-04-02', talkerIds: [wang] } }));
    expect(nobody.message).toBe('谈话对象：请选择谈话对象或填写其姓名');
    const self = await refusal(t.call('talks.save', { fields: { kind: 'talk', date: '2026-04-02', talkerIds: [wang], memberId: wang } }));
    expect(self.message).toBe('谈话对象：谈话对象不能同时是谈话人');
    const followUp = await refusal(t.call('talks.save', { fields: { kind: 'talk', date: '2026-04-02', talkerIds: [wang], memberId: li, followUpDate: '2026-03-01' } }));
    expect(followUp.message).toBe('回访日期：回访日期不能早于谈话日期');
    const future = await refusal(t.call('talks.save', { fields: { kind: 'talk', date: '2099-04-02', talkerIds: [wang], memberId: li } }));
    expect(future.message).toBe('谈话日期：谈话日期不能晚于今天');
    const kind = await refusal(t.call('talks.save', { fields: { kind: 'chat' as 'talk', date: '2026-04-02', talkerIds: [wang], memberId: li } }));
    expect(kind.message).toBe('谈话类型：请选择谈话类型');
  });

  it('a talk deleted goes to the trash', async () => {
    const x = await t.call('talks.save', { fields: { kind: 'integrity', date: '2026-04-02', talkerIds: [wang], memberId: li } });
    await t.call('talks.delete', { id: x.id });
    expect(await t.call('talks.list', {})).toHaveLength(0);
    expect((await t.call('trash.list')).map((i) => i.label)).toEqual(['2026-04-02 廉政谈话 李红梅']);
  });
});
