/**
 * The meeting documents through the dispatcher, from records saved with the core operations: a 支部党员大会 of 25
 * members (2 probationary, 22 present, 3 absent with reasons) with a sign-in photo attached, finalised and amended;
 * its sign-in sheet and notice while a draft; a home visit. The Word files are read back with python-docx and
 * converted by LibreOffice, page for page with the preview's layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/contract/rosterFiles';
import { layoutAll } from '../../../shared/documents/layout';
import type { PrintDocument, TableBlock, TableCell } from '../../../shared/documents/model';
import { idCheckChar } from '../../../shared/domain/idNumber';
import type { AttendanceInput } from '../../../shared/domain/meetings';
import { layoutFirstLines, pdfFirstLines, headerCells } from '../../helpers/agreementDocuments';
import { sampleMember, testContext, type TestContext } from '../../helpers/context';
import { docxToPdfMany, outputDir, pdfPages, readDocx, releaseLibreOffice, renderPages, saveFile, type DocxContent } from '../../helpers/documents';
import { ruledPng, sampleName } from '../../helpers/meetingDocuments';

const BRANCH = '中共渤海钻探第一钻井队支部委员会';
const DATE = '2026-03-12';
const PROBATIONARY = new Set([7, 15]);
const ABSENT: Record<number, Pick<AttendanceInput, 'absenceReason' | 'absenceNote'>> = {
  3: { absenceReason: '病假', absenceNote: '' },
  9: { absenceReason: '公差', absenceNote: '' },
  12: { absenceReason: '事假', absenceNote: '家中老人住院' },
};

let t: TestContext;
let memberIds: string[];
let meetingId: string;
let dir: string;
let groupIds: string[];

function idNumber(birth: string, n: number): string {
  const first17 = `130982${birth.replaceAll('-', '')}${String(100 + n * 2 + 1).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e) => e.payload,
  );
}

const cellText = (c: string | TableCell) => (typeof c === 'string' ? c : c.text);
const tableOf = (doc: PrintDocument) => doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;

function save(file: ExportedFile, name: string): string {
  return saveFile(dir, name, Buffer.from(file.data, 'base64'));
}

beforeAll(async () => {
  dir = outputDir('meetings-operations');
  t = await testContext();
  await t.call('branch.save', { name: BRANCH });
  const groups = [(await t.call('groups.save', { name: '钻井一班党小组' })).id, (await t.call('groups.save', { name: '机关党小组' })).id];
  groupIds = groups;
  memberIds = [];
  for (let i = 0; i < 25; i++) {
    const birth = `19${60 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`;
    const probationary = PROBATIONARY.has(i);
    const m = await t.call('members.create', sampleMember({
      name: sampleName(i), gender: '男', idNumber: idNumber(birth, i), birthDate: birth, partyGroupId: groups[i % 2],
      category: probationary ? '预备党员' : '正式党员', joinDate: probationary ? '2025-09-01' : '2005-07-01', fullDate: probationary ? null : '2006-07-01',
    }));
    memberIds.push(m.id);
  }
  await t.call('branch.save', {
    name: BRANCH,
    officers: [
      { name: sampleName(0), role: '书记', memberId: memberIds[0] },
      { name: sampleName(1), role: '组织委员', memberId: memberIds[1] },
    ],
  });
  const expected = await t.call('meetings.expected', { kind: 'memberMeeting', date: DATE });
  const attendance = expected.map((e) => {
    const i = memberIds.indexOf(e.memberId!);
    return { memberId: e.memberId, name: e.name, category: e.category, attended: !ABSENT[i], absenceReason: ABSENT[i]?.absenceReason ?? '', absenceNote: ABSENT[i]?.absenceNote ?? '' };
  });
  const saved = await t.call('meetings.save', {
    fields: {
      kind: 'memberMeeting', alsoCounts: ['themeDay'], date: DATE, startTime: '09:00', endTime: '10:30', place: '队部二楼会议室',
      hostMemberId: memberIds[0], hostName: sampleName(0), recorderMemberId: memberIds[1], recorderName: sampleName(1),
      topics: ['传达学习公司党委2026年党建工作会议精神', '讨论接收张志强同志为预备党员'],
      content: '书记传达了公司党委2026年党建工作会议精神。\n会议讨论了发展对象张志强同志的入党问题。',
      speeches: [{ speaker: sampleName(2), text: '张志强同志入党动机端正，我同意接收他为预备党员。' }],
      resolutions: [
        { text: '同意接收张志强同志为中共预备党员，报上级党委审批。', responsible: sampleName(1), deadline: '2026-03-31', vote: { method: 'secret', for: 19, against: 0, abstain: 1 } },
        { text: '一季度在各班组设立党员责任区。', vote: { method: 'show', for: 20, against: 0, abstain: 0 } },
      ],
      guests: [{ name: '郑红梅', unit: '公司党委组织部' }],
      attendance,
    },
  });
  meetingId = saved.id;
}, 120_000);
afterAll(() => {
  t.cleanup();
  releaseLibreOffice();
});

describe('before the meeting: the sign-in sheet and the notice of the draft', () => {
  it('lists the 25 expected members with their party groups, probationary members marked, and the guest', async () => {
    const { document } = await t.call('meetings.previewSignIn', { id: meetingId });
    expect(document.title).toBe(`${BRANCH}2026年第1次党员大会签到表`);
    const rows = tableOf(document).rows.map((r) => r.map(cellText));
    expect(rows).toHaveLength(26);
    expect(rows[0]).toEqual(['1', sampleName(0), '钻井一班党小组', '', '']);
    expect(rows[1]).toEqual(['2', sampleName(1), '机关党小组', '', '']);
    expect(rows.filter((r) => r[4] === '预备党员').map((r) => r[1])).toEqual([sampleName(7), sampleName(15)]);
    expect(rows[25]).toEqual(['26', '郑红梅', '公司党委组织部', '', '列席']);
    const file = await t.call('meetings.exportSignIn', { id: meetingId });
    expect(file.fileName).toBe(`${BRANCH}2026年第1次党员大会签到表-${DATE}.docx`);
    expect(readDocx(save(file, 'sign-in.docx')).tables[0]!.rows).toHaveLength(27);
  });

  it('sends the notice to the whole branch unless told otherwise, dated as asked', async () => {
    const { document } = await t.call('meetings.previewNotice', { id: meetingId, noticeDate: '2026-03-05' });
    expect(document.preset).toBe('official');
    expect(document.blocks[0]).toEqual({ kind: 'title', lines: ['关于召开2026年第1次党员大会的通知'] });
    expect(document.blocks[1]).toMatchObject({ text: '各党小组、全体党员：' });
    expect(document.blocks.at(-1)).toEqual({ kind: 'signature', signer: BRANCH, date: '2026-03-05' });
    const changed = await t.call('meetings.previewNotice', { id: meetingId, audience: '各党小组', requirements: ['请带笔记本。'] });
    expect(changed.document.blocks[1]).toMatchObject({ text: '各党小组：' });
    expect(changed.document.blocks.some((b) => b.kind === 'heading' && b.rest === '请带笔记本。')).toBe(true);
    const bad = await refusal(t.call('meetings.previewNotice', { id: meetingId, noticeDate: '2026-02-30' }));
    expect(bad.message).toContain('通知日期');
  });

  it('prints the draft minutes marked as a draft', async () => {
    const { document } = await t.call('meetings.previewMinutes', { id: meetingId });
    expect(document.blocks[1]).toEqual({ kind: 'subtitle', text: '（草稿，未定稿）' });
  });
});

describe('the final minutes in Word', () => {
  let docx: DocxContent;
  let file: string;
  let preview: PrintDocument;

  beforeAll(async () => {
    const png = ruledPng(400, 560).toString('base64');
    await t.call('meetings.addAttachment', { meetingId, fileName: '签到表.png', data: png, caption: '签到表照片' });
    await t.call('meetings.finalize', { id: meetingId });
    file = save(await t.call('meetings.exportMinutes', { id: meetingId }), 'minutes.docx');
    preview = (await t.call('meetings.previewMinutes', { id: meetingId })).document;
    docx = readDocx(file);
  }, 60_000);

  it('has the header block: 应到 25, 实到 22, each absentee with the reason, host and recorder with their posts', () => {
    const rows = docx.tables[0]!.rows;
    expect(rows).toContainEqual(['应到人数', '25人', '实到人数', '22人']);
    expect(rows).toContainEqual(['主持人', `${sampleName(0)}（书记）`, '记录人', `${sampleName(1)}（组织委员）`]);
    expect(rows).toContainEqual(['会议类型', '支部党员大会（同时为主题党日）']);
    expect(rows).toContainEqual(['时间', '2026年3月12日（星期四）9:00—10:30']);
    const absent = rows.find((r) => r[0] === '缺席人员及原因')![1]!;
    expect(absent.split('、').sort()).toEqual([`${sampleName(3)}（病假）`, `${sampleName(9)}（公差）`, `${sampleName(12)}（事假：家中老人住院）`].sort());
    expect(rows).toContainEqual(['列席人员', '郑红梅（公司党委组织部）']);
  });

  it('has the resolutions and their votes counted over the 23 full members, 20 of them present', () => {
    const text = docx.paragraphs.map((p) => p.text);
    expect(text).toContain('（一）同意接收张志强同志为中共预备党员，报上级党委审批。');
    expect(text).toContain('表决情况：无记名投票，应到有表决权人数23人，实到有表决权人数20人；赞成19票，反对0票，弃权1票。表决结果：通过。');
    expect(text).toContain('表决情况：举手表决，应到有表决权人数23人，实到有表决权人数20人；赞成20票，反对0票，弃权0票。表决结果：通过。');
    expect(text).toContain(`责任人：${sampleName(1)}；完成时限：2026年3月31日。`);
    expect(text).toContain('附件：签到表照片');
  });

  it('converts in LibreOffice to as many pages as the preview, each opening alike, the photo on the last', () => {
    const [pdf] = docxToPdfMany([file]);
    renderPages(pdf!, `${dir}/minutes`);
    const pages = pdfPages(pdf!, { layout: true });
    expect(layoutFirstLines(layoutAll(preview))).toEqual(pdfFirstLines(pages, headerCells(preview)));
    expect(pages.at(-1)).toContain('附件：签到表照片');
  });
});

describe('an amended record', () => {
  it('prints the current version with its number and reason, and an earlier one from the history', async () => {
    const current = await t.call('meetings.get', { id: meetingId });
    const { attendance, resolutions, ...rest } = current;
    await t.call('meetings.amend', {
      id: meetingId,
      reason: '补记一名党员的发言',
      fields: {
        ...rest,
        speeches: [...current.speeches, { speaker: sampleName(4), memberId: null, text: '同意。' }],
        resolutions: resolutions.map(({ result: _result, ...r }) => r),
        attendance: attendance.map(({ id: _id, ...a }) => a),
      },
    });
    const now = (await t.call('meetings.previewMinutes', { id: meetingId })).document;
    expect(now.blocks[1]).toMatchObject({ kind: 'subtitle', text: expect.stringMatching(/^（第2版，\d{4}年\d{1,2}月\d{1,2}日修订）$/) });
    expect(now.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('修订原因：补记一名党员的发言'))).toBe(true);
    expect(now.fileStem).toContain('（第2版）');
    const first = (await t.call('meetings.previewMinutes', { id: meetingId, version: 1 })).document;
    expect(first.blocks.some((b) => b.kind === 'subtitle')).toBe(false);
    expect(first.blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith(`${sampleName(4)}：`))).toBe(false);
    expect(now.blocks.some((b) => b.kind === 'paragraph' && b.text === `${sampleName(4)}：同意。`)).toBe(true);
    const missing = await refusal(t.call('meetings.exportMinutes', { id: meetingId, version: 5 }));
    expect(missing.message).toBe('这份会议记录没有第5版');
  });
});

describe('a home visit', () => {
  it('prints the visit record with who visited whom and the family met', async () => {
    const talk = await t.call('talks.save', {
      fields: {
        kind: 'visit', date: '2026-04-08', form: '上门', place: '幸福小区', talkerIds: [memberIds[0]!], memberId: memberIds[5]!,
        familyMet: '妻子、母亲', trigger: '家庭困难或生病', summary: '了解到其母亲住院手术。', help: '协调工会申请困难补助。', followUpDate: '2026-04-22',
      },
    });
    const file = await t.call('talks.exportRecord', { id: talk.id });
    expect(file.fileName).toBe(`家访记录-${sampleName(5)}-2026-04-08.docx`);
    const rows = readDocx(save(file, 'visit.docx')).tables[0]!.rows;
    expect(rows).toContainEqual(['家访对象', sampleName(5)]);
    expect(rows).toContainEqual(['家访人', sampleName(0), '形式', '上门']);
    expect(rows).toContainEqual(['见到的家庭成员', '妻子、母亲']);
    const { document } = await t.call('talks.previewRecord', { id: talk.id });
    expect(document.blocks[0]).toEqual({ kind: 'title', lines: ['家访记录'] });
  });
});

describe('a party group meeting', () => {
  it('sets the group on its own title line, the heading saying 党小组会, and lists only the group’s members to sign', async () => {
    const saved = await t.call('meetings.save', { fields: { kind: 'groupMeeting', groupId: groupIds[0], date: '2026-04-10', startTime: '19:00', place: '值班房' } });
    expect(saved.title).toBe('2026年第1次钻井一班党小组会');
    const { document } = await t.call('meetings.previewMinutes', { id: saved.id });
    expect(document.blocks[0]).toEqual({ kind: 'title', lines: [BRANCH, '钻井一班党小组', '2026年第1次党小组会会议记录'] });
    const sheet = (await t.call('meetings.previewSignIn', { id: saved.id })).document;
    expect(sheet.blocks[0]).toEqual({ kind: 'title', lines: [BRANCH, '钻井一班党小组', '2026年第1次党小组会签到表'] });
    const rows = tableOf(sheet).rows.map((r) => r.map(cellText));
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['钻井一班党小组']));
  });
});
