/**
 * The printed documents of 三会一课 (issue 12) from their builders: the minutes of a 支部党员大会 with 25 expected,
 * 22 present and 3 absent with reasons, read back with python-docx (header block values, resolutions and votes); the
 * sign-in sheet of 60 members over pages with its header repeated; the notice on one 公文 page; the talk and visit
 * records. All through LibreOffice, with the layout engine's page count and first lines agreeing with LibreOffice's.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/documents';
import { buildMinutesDocument, buildNoticeDocument, buildSignInDocument, buildTalkDocument, imageSize } from '../../../main/services/meetings/documents';
import { layoutAll } from '../../../shared/documents/layout';
import type { FigureBlock, PrintDocument, TableBlock, TableCell } from '../../../shared/documents/model';
import { headerCells, layoutFirstLines, pdfFirstLines } from '../../helpers/agreementDocuments';
import { docxToPdfMany, outputDir, pdfPages, readDocx, releaseLibreOffice, renderPages, saveFile, type DocxContent } from '../../helpers/documents';
import { ABSENTEES, BRANCH, ruledPng, sampleMinutes, sampleNotice, sampleSignIn, sampleTalk } from '../../helpers/meetingDocuments';

const cellText = (c: string | TableCell) => (typeof c === 'string' ? c : c.text);
const tables = (doc: PrintDocument) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (doc: PrintDocument) => doc.blocks.flatMap((b) => ('text' in b ? [b.text + ('rest' in b ? (b.rest ?? '') : '')] : []));

/** The form rows of a record's header block as label → value. */
function formValues(table: TableBlock): Map<string, string> {
  const values = new Map<string, string>();
  for (const row of table.rows) {
    const cells = row.map(cellText);
    for (let i = 0; i + 1 < cells.length; i += 2) values.set(cells[i]!.replace('\n', ''), cells[i + 1]!);
  }
  return values;
}

describe('the minutes as a PrintDocument', () => {
  const doc = buildMinutesDocument(sampleMinutes());

  it('is a 表册 page titled with the branch and 2026年第1次支部党员大会会议记录, numbered 第 1 页 共 N 页', () => {
    expect(doc).toMatchObject({ preset: 'record', orientation: 'portrait', pageNumbers: 'ofTotal' });
    expect(doc.blocks[0]).toEqual({ kind: 'title', lines: [BRANCH, '2026年第1次支部党员大会会议记录'] });
    expect(doc.fileStem).toBe(`${BRANCH}2026年第1次支部党员大会会议记录-2026-03-12`);
  });

  it('opens with the header block: type, time, place, host, recorder, 应到 25, 实到 22, the absent with reasons, guests, topics', () => {
    const values = formValues(tables(doc)[0]!);
    expect([...values.keys()]).toEqual(['会议类型', '时间', '地点', '主持人', '记录人', '应到人数', '实到人数', '缺席人员及原因', '列席人员', '会议议题']);
    expect(values.get('时间')).toBe('2026年3月12日（星期四）9:00—10:30');
    expect(values.get('应到人数')).toBe('25人');
    expect(values.get('实到人数')).toBe('22人');
    expect(values.get('缺席人员及原因')).toBe(ABSENTEES.map((a) => `${a.name}（${a.reason}）`).join('、'));
    expect(values.get('列席人员')).toBe('郑红梅（公司党委组织部，指导）');
    expect(values.get('会议议题')!.split('\n')).toHaveLength(3);
  });

  it('records the content, the speeches by speaker, each resolution with its vote, 散会 and the signature lines', () => {
    const all = texts(doc);
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual(['会议内容', '发言摘要', '决议事项']);
    expect(all.some((t) => t.startsWith('刘芳：该同志理论学习还需加强'))).toBe(true);
    expect(all).toContain('同意接收张志强同志为中共预备党员，报上级党委审批。');
    expect(all).toContain('表决情况：无记名投票，应到有表决权人数23人，实到有表决权人数21人；赞成20票，反对0票，弃权1票。表决结果：通过。');
    expect(all).toContain('会议于10:30结束。散会。');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'fillLine', labels: ['主持人（签字）：', '记录人（签字）：'] });
  });

  it('breaks a long title line evenly, never leaving a character or two alone', () => {
    const long = buildMinutesDocument(sampleMinutes({ heading: '2026年第12次钻井二十二班党小组会会议记录' }));
    const lines = (long.blocks[0] as { lines: string[] }).lines.slice(1);
    expect(lines.join('')).toBe('2026年第12次钻井二十二班党小组会会议记录');
    expect(lines).toHaveLength(2);
    expect(Math.min(...lines.map((l) => l.length))).toBeGreaterThanOrEqual(8);
  });

  it('names the lecturer of a 党课 and its study hours in the header block', () => {
    const lecture = buildMinutesDocument(sampleMinutes({ kindLabel: '党课', heading: '2026年第2次党课记录', lecturer: '王伟（书记）', classHours: 2 }));
    expect(tables(lecture)[0]!.rows[4]!.map(cellText)).toEqual(['讲课人', '王伟（书记）', '学时', '2学时']);
    expect(tables(doc)[0]!.rows.some((r) => cellText(r[0]!) === '讲课人')).toBe(false);
  });

  it('says when a vote failed or could not be taken', () => {
    const vote = { method: '举手表决', votingExpected: 23, votingPresent: 11, for: 11, against: 0, abstain: 0 };
    const invalid = buildMinutesDocument(sampleMinutes({ resolutions: [{ text: '决议甲。', vote: { ...vote, valid: false, passed: false } }] }));
    expect(texts(invalid).some((t) => t.endsWith('表决结果：到会有表决权人数未过半，表决无效。'))).toBe(true);
    const failed = buildMinutesDocument(sampleMinutes({ resolutions: [{ text: '决议乙。', vote: { ...vote, votingPresent: 20, valid: true, passed: false } }] }));
    expect(texts(failed).some((t) => t.endsWith('表决结果：未通过。'))).toBe(true);
  });

  it('marks a draft, and an amended record with its version, date and reason', () => {
    const draft = buildMinutesDocument(sampleMinutes({ status: 'draft', version: { number: 0 } }));
    expect(draft.blocks[1]).toEqual({ kind: 'subtitle', text: '（草稿，未定稿）' });
    const amended = buildMinutesDocument(sampleMinutes({ version: { number: 2, date: '2026-03-20', reason: '补记王伟同志的发言' } }));
    expect(amended.blocks[1]).toEqual({ kind: 'subtitle', text: '（第2版，2026年3月20日修订）' });
    expect(texts(amended).some((t) => t.includes('本记录为第2版，修订原因：补记王伟同志的发言'))).toBe(true);
    expect(amended.fileStem).toContain('（第2版）');
    expect(doc.blocks.some((b) => b.kind === 'subtitle')).toBe(false);
  });

  it('appends pictures as captioned figures after a page break, scaled into the type area; a PDF is listed', () => {
    const png = ruledPng(300, 500);
    expect(imageSize(png)).toEqual({ width: 300, height: 500, format: 'png' });
    const withFiles = buildMinutesDocument(sampleMinutes({
      attachments: [
        { name: '签到表.png', mimeType: 'image/png', data: png },
        { name: '会场照片.pdf', mimeType: 'application/pdf', data: Buffer.from('%PDF-1.7\n') },
      ],
    }));
    const tail = withFiles.blocks.slice(withFiles.blocks.findIndex((b) => b.kind === 'pageBreak'));
    expect(tail.map((b) => b.kind)).toEqual(['pageBreak', 'figure', 'paragraph']);
    const figure = tail[1] as FigureBlock;
    expect(figure.caption).toBe('附件1：签到表');
    expect(figure.width / figure.height).toBeCloseTo(300 / 500, 2);
    expect(figure.svg).toContain('data:image/png;base64,');
    expect((tail[2] as { text: string }).text).toBe('附件2：会场照片（PDF 文件不能作为图片插入，请另行打印）');
  });
});

describe('the sign-in sheet, the notice and the talk records as PrintDocuments', () => {
  it('lists 60 members then the guests, 序号 姓名 党小组 签到 备注, rows 1 cm tall, 应到 60 under it', () => {
    const doc = buildSignInDocument(sampleSignIn(60));
    const table = tables(doc)[0]!;
    expect(table.header).toEqual([['序号', '姓名', '党小组', '签到', '备注']]);
    expect(table.rows).toHaveLength(61);
    expect(table.rows[4]!.map(cellText)).toEqual(['5', sampleSignIn(60).members[4]!.name, '钻井一班党小组', '', '预备党员']);
    expect(table.rows[60]!.map(cellText)).toEqual(['61', '郑红梅', '公司党委组织部', '', '列席']);
    expect(table.rowHeight).toBe(567);
    // The signing column is the widest.
    const widths = table.columns.map((c) => c.width);
    expect(Math.max(...widths)).toBe(widths[3]);
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'fillLine', labels: ['应到：60人', '实到：　　人', '记录人：'] });
  });

  it('sets the notice as a 公文: title, 主送, the meeting called, time, place, attendees, topics, requirements, 落款', () => {
    const doc = buildNoticeDocument(sampleNotice());
    expect(doc.preset).toBe('official');
    expect(doc.blocks[0]).toEqual({ kind: 'title', lines: ['关于召开2026年第1次支部党员大会的通知'] });
    expect(doc.blocks[1]).toMatchObject({ kind: 'paragraph', text: '各党小组、全体党员：', indent: false });
    const all = texts(doc);
    expect(all).toContain('会议时间：2026年3月12日9:00—10:30。');
    expect(all).toContain('会议地点：队部二楼会议室。');
    expect(all.filter((t) => t === '讨论接收张志强同志为预备党员。')).toHaveLength(1);
    expect(all).toContain('因故不能参加的，请于会前向支部书记请假。');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'signature', signer: BRANCH, date: '2026-03-05' });
    expect(layoutAll(doc)).toHaveLength(1);
  });

  it('records a talk and a home visit with their own labels', () => {
    const talk = buildTalkDocument(sampleTalk('talk'));
    const talkForm = formValues(tables(talk)[0]!);
    expect(talk.blocks[0]).toEqual({ kind: 'title', lines: ['谈心谈话记录'] });
    expect(talkForm.get('谈话对象')).toBe('杨涛（钻井二班司钻）');
    expect(talkForm.get('谈话缘由')).toBe('家庭困难或生病');
    expect(talkForm.get('回访日期')).toBe('2026年4月22日');
    expect(talkForm.get('问题解决')).toBe('未解决');
    expect(texts(talk)).toContain('谈话内容摘要');
    const visit = buildTalkDocument(sampleTalk('visit'));
    const visitForm = formValues(tables(visit)[0]!);
    expect(visit.blocks[0]).toEqual({ kind: 'title', lines: ['家访记录'] });
    expect(visitForm.get('见到的家庭成员')).toBe('妻子、母亲');
    expect(visit.blocks.at(-1)).toMatchObject({ kind: 'fillLine', labels: ['家访人（签字）：', '被访人（签字）：'] });
  });

  it('keeps the signature line with the text above it rather than alone on a page', () => {
    const long = '了解到其母亲近期住院手术，家中经济压力较大，本人思想有波动。'.repeat(4);
    for (let extra = 0; extra < 14; extra++) {
      const doc = buildTalkDocument({ ...sampleTalk('visit'), summary: Array.from({ length: extra + 1 }, () => long).join('\n') });
      const pages = layoutAll(doc);
      const line = '家访人（签字）： 被访人（签字）：';
      expect(pages.slice(1).every((p) => p.firstLine !== line), `${extra + 1} paragraphs`).toBe(true);
    }
  });
});

// ---- Through Word and LibreOffice ----

interface Printed {
  doc: PrintDocument;
  file: string;
  pdf: string;
}

const printed = {} as Record<'minutes' | 'signIn' | 'notice' | 'talk' | 'visit' | 'longMinutes' | 'wideGroups', Printed>;
let docx: DocxContent;
let dir: string;

/** Minutes of several pages: a long record, 24 speeches, 6 resolutions voted on, and an amended version's note. */
function longMinutes(): PrintDocument {
  const base = sampleMinutes();
  const speeches = Array.from({ length: 24 }, (_, i) => ({ ...base.speeches[i % 3]!, text: `${base.speeches[i % 3]!.text}（第${i + 1}位发言）` }));
  const resolutions = Array.from({ length: 6 }, (_, i) => ({ ...base.resolutions[i % 2]!, text: `第${i + 1}项：${base.resolutions[i % 2]!.text}` }));
  return buildMinutesDocument({ ...base, content: `${base.content}\n${base.content}`, speeches, resolutions, version: { number: 3, date: '2026-04-02', reason: '补记表决情况' } });
}

/** A "photo" of the printed sign-in sheet: its first page as a JPEG, attached to the minutes. */
function signInPhoto(pdf: string): Buffer {
  const prefix = join(dir, 'sign-in-photo');
  execFileSync('pdftoppm', ['-jpeg', '-r', '40', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return readFileSync(`${prefix}.jpg`);
}

async function print(entries: [keyof typeof printed, PrintDocument][]): Promise<void> {
  const files: string[] = [];
  for (const [name, doc] of entries) files.push(saveFile(dir, `${name}.docx`, await renderDocx(doc)));
  const pdfs = docxToPdfMany(files);
  entries.forEach(([name, doc], i) => {
    printed[name] = { doc, file: files[i]!, pdf: pdfs[i]! };
    renderPages(pdfs[i]!, join(dir, name));
  });
}

beforeAll(async () => {
  dir = outputDir('meetings');
  await print([
    ['signIn', buildSignInDocument(sampleSignIn(60))],
    ['longMinutes', longMinutes()],
    ['wideGroups', buildSignInDocument({ ...sampleSignIn(40), members: sampleSignIn(40).members.map((m, i) => ({ ...m, groupName: i % 3 ? m.groupName : '钻井二十二班党小组' })) })],
    ['notice', buildNoticeDocument(sampleNotice())],
    ['talk', buildTalkDocument(sampleTalk('talk'))],
    ['visit', buildTalkDocument(sampleTalk('visit'))],
  ]);
  const photo = signInPhoto(printed.signIn.pdf);
  await print([['minutes', buildMinutesDocument(sampleMinutes({ attachments: [{ name: '签到表照片.jpg', mimeType: 'image/jpeg', data: photo }] }))]]);
  docx = readDocx(printed.minutes.file);
}, 180_000);
afterAll(releaseLibreOffice);

describe('the minutes read back with python-docx', () => {
  it('has the header block with 应到 25, 实到 22 and each absentee with the reason', () => {
    const rows = docx.tables[0]!.rows;
    expect(rows).toContainEqual(['应到人数', '25人', '实到人数', '22人']);
    const absent = rows.find((r) => r[0] === '缺席人员及原因')!;
    for (const a of ABSENTEES) expect(absent[1]).toContain(`${a.name}（${a.reason}）`);
    expect(rows.find((r) => r[0] === '主持人')).toEqual(['主持人', '王伟（书记）', '记录人', '李强（组织委员）']);
    expect(rows.find((r) => r[0] === '时间')![1]).toBe('2026年3月12日（星期四）9:00—10:30');
  });

  it('has the resolutions with their numbers, votes and follow-up, and the signature line', () => {
    const text = docx.paragraphs.map((p) => p.text);
    expect(text).toContain('（一）同意接收张志强同志为中共预备党员，报上级党委审批。');
    expect(text).toContain('（二）一季度在各班组设立党员责任区7个，由各党小组长负责落实。');
    expect(text).toContain('表决情况：举手表决，应到有表决权人数23人，实到有表决权人数21人；赞成21票，反对0票，弃权0票。表决结果：通过。');
    expect(text).toContain('责任人：李强；完成时限：2026年3月31日。');
    expect(text.find((t) => t.startsWith('主持人（签字）：'))).toMatch(/^主持人（签字）：\t记录人（签字）：$/);
  });

  it('carries the sign-in photo as a JPEG picture after the minutes', () => {
    const media = execFileSync('unzip', ['-l', printed.minutes.file], { encoding: 'utf8' });
    expect(media).toMatch(/word\/media\/\S+\.jpe?g/);
    const images = execFileSync('pdfimages', ['-list', printed.minutes.pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBe(1);
    expect(pdfPages(printed.minutes.pdf).at(-1)).toContain('附件：签到表照片');
  });
});

describe('through LibreOffice', () => {
  it.each(['minutes', 'signIn', 'notice', 'talk', 'visit', 'longMinutes', 'wideGroups'] as const)('%s: the preview has as many pages as LibreOffice, each opening with the same line', (name) => {
    const { doc, pdf } = printed[name];
    const libreOffice = pdfFirstLines(pdfPages(pdf, { layout: true }), headerCells(doc));
    const preview = layoutFirstLines(layoutAll(doc));
    expect(preview).toHaveLength(libreOffice.length);
    expect(preview).toEqual(libreOffice);
  });

  it('prints the sign-in sheet of 60 on numbered pages, the header on each, every member once', () => {
    const pages = pdfPages(printed.signIn.pdf, { layout: true });
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      const flat = page.replace(/\s+/g, '');
      expect(flat, `page ${i + 1}`).toContain('序号姓名党小组签到备注');
      expect(flat, `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`);
    });
    const all = pages.join('\n');
    // Names of up to four characters stay on one line; a longer one wraps in its cell.
    const words = all.split(/\s+/);
    for (const m of sampleSignIn(60).members.filter((m) => m.name.length <= 4)) expect(words.filter((w) => w === m.name), m.name).toHaveLength(1);
    const numbers = pages.flatMap((p) => p.split('\n').map((l) => /^\s*(\d{1,3})\s/.exec(l)?.[1]).filter(Boolean)).map(Number);
    expect(numbers).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    expect(all.replace(/\s+/g, '')).toContain('应到：60人');
  });

  it('keeps the notice on one page with the 落款 and date', () => {
    const pages = pdfPages(printed.notice.pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(BRANCH);
    expect(pages[0]!.replace(/\s+/g, '')).toContain('2026年3月5日');
  });
});
