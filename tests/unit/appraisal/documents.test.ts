/**
 * The printed documents of 民主评议党员 (issue 14): the ballots (one sheet per serial issued, one row per graded member
 * with the four grades as tick boxes, read back with python-docx), the self-evaluation forms (one page each), the
 * tally sheet, the results and the 公示 — through the operations, converted with LibreOffice, their page counts agreeing
 * with the layout engine's, and their pages rendered to tests/output/documents/appraisal to be looked at.
 */
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/documents';
import { buildBallotDocument, buildPublicityDocument, BALLOT_HEADER, TICK_BOX } from '../../../main/services/appraisal/documents';
import { layoutAll } from '../../../shared/documents/layout';
import type { PrintDocument, TableBlock } from '../../../shared/documents/model';
import { GRADES, type Grade } from '../../../shared/domain/appraisal';
import type { Campaign } from '../../../shared/contract/appraisal';
import { docxToPdfMany, outputDir, pdfPageCount, pdfPages, readDocx, releaseLibreOffice, renderPages, saveFile } from '../../helpers/documents';
import { seededContext } from '../../helpers/handover';
import type { TestContext } from '../../helpers/context';

const dir = outputDir('appraisal');
const tables = (doc: PrintDocument) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: { message: string }) => e.message);

let t: TestContext;
let campaign: Campaign;
let graded: { memberId: string; name: string }[];
const docs: Record<string, PrintDocument> = {};
const files: Record<string, string> = {};
const pdfs: Record<string, string> = {};

async function exported(name: string, op: string, input: object): Promise<void> {
  docs[name] = ((await t.call(op.replace('export', 'preview') as never, input as never)) as { document: PrintDocument }).document;
  const file = (await t.call(op as never, input as never)) as { fileName: string; data: string };
  expect(file.fileName).toMatch(/\.docx$/);
  files[name] = saveFile(dir, `${name}.docx`, Buffer.from(file.data, 'base64'));
}

beforeAll(async () => {
  t = await seededContext(45, 11);
  campaign = await t.call('appraisal.create', { year: 2023, issuedMembers: 3, issuedMasses: 1, stages: [{ stage: '公示', date: '2023-12-15' }] });
  graded = campaign.members.filter((m) => m.graded);
  // Three sheets: the first grades everyone 优秀 except the last (不合格); the others 合格; the fourth is spoilt.
  const grades = (first: Grade, last: Grade) => Object.fromEntries(graded.map((m, i) => [m.memberId, i === graded.length - 1 ? last : first]));
  await t.call('appraisal.enterSheet', { campaignId: campaign.id, serial: '1', voterType: '党员', grades: grades('优秀', '不合格') });
  await t.call('appraisal.enterSheet', { campaignId: campaign.id, serial: '2', voterType: '党员', grades: grades('合格', '不合格') });
  await t.call('appraisal.enterSheet', { campaignId: campaign.id, serial: '4', voterType: '群众', grades: grades('合格', '不合格') });
  await t.call('appraisal.enterSheet', { campaignId: campaign.id, serial: '3', voterType: '党员', spoilt: true });
  await exported('ballots', 'appraisal.exportBallots', { campaignId: campaign.id });
  await exported('self', 'appraisal.exportSelfEvaluation', { campaignId: campaign.id });
  await exported('tally', 'appraisal.exportTally', { campaignId: campaign.id });
  const r = await t.call('appraisal.results', { campaignId: campaign.id });
  await t.call('appraisal.decide', { campaignId: campaign.id, decisions: r.members.map((m) => ({ memberId: m.memberId, grade: m.proposed })) });
  await exported('results', 'appraisal.exportResults', { campaignId: campaign.id });
  await exported('publicity', 'appraisal.exportPublicity', { campaignId: campaign.id, noticeDate: '2023-12-15' });
  const names = Object.keys(files);
  docxToPdfMany(names.map((n) => files[n]!)).forEach((pdf, i) => (pdfs[names[i]!] = pdf));
  for (const n of names) renderPages(pdfs[n]!, `${dir}/${n}`);
}, 240_000);

afterAll(() => {
  releaseLibreOffice();
  t?.cleanup();
});

describe('the ballot (民主测评表)', () => {
  it('has one sheet per ballot issued, each with its serial as the entry screen expects it, the voter type box and the instructions', async () => {
    const doc = docs.ballots!;
    expect(doc.preset).toBe('record');
    expect(tables(doc)).toHaveLength(4);
    const serials = doc.blocks.flatMap((b) => (b.kind === 'splitLine' ? [b.right] : []));
    expect(serials).toEqual((await t.call('appraisal.serials', { campaignId: campaign.id })).map((s) => `编号：${s}`));
    expect(serials[0]).toBe('编号：001');
    expect(doc.blocks.filter((b) => b.kind === 'splitLine').every((b) => b.kind === 'splitLine' && b.left === `投票人类别：${TICK_BOX}党员　${TICK_BOX}群众`)).toBe(true);
    expect(doc.blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(3);
  });

  it('reads back with python-docx: per sheet a header row 序号 姓名 优秀 合格 基本合格 不合格, repeated, and one row per graded member', () => {
    const docx = readDocx(files.ballots!);
    expect(docx.tables).toHaveLength(4);
    const pagesPerSheet = layoutAll(docs.ballots!).length / 4;
    expect(pagesPerSheet).toBe(2);
    docx.tables.forEach((table, i) => {
      // A sheet over two pages repeats its serial above the header row.
      expect(table.rows[0]).toEqual([`编号：00${i + 1}（本表共 2 页）`]);
      expect(table.rows[1]).toEqual([...BALLOT_HEADER]);
      expect(table.headerRows.slice(0, 3)).toEqual([true, true, false]);
      const body = table.rows.slice(2);
      expect(body.map((r) => r[1])).toEqual(graded.map((m) => m.name));
      expect(body.every((r, i) => r[0] === String(i + 1) && r.slice(2).join('') === TICK_BOX.repeat(GRADES.length))).toBe(true);
    });
    // 预备党员 take part but are not graded: no row on the ballot.
    const probationer = campaign.members.find((m) => m.category === '预备党员')!;
    expect(docx.tables[0]!.rows.some((r) => r[1] === probationer.name)).toBe(false);
  });

  it('opens in LibreOffice with as many pages as the layout engine lays out, the serial on each sheet', () => {
    const pages = pdfPages(pdfs.ballots!);
    expect(pages).toHaveLength(8);
    expect(pages).toHaveLength(layoutAll(docs.ballots!).length);
    const perSheet = pages.length / 4;
    expect(Number.isInteger(perSheet)).toBe(true);
    ['001', '002', '003', '004'].forEach((serial, i) => expect(pages[i * perSheet]!.replace(/\s+/g, '')).toContain(`编号：${serial}`));
  });

  it('runs a sheet for 220 members over pages, the header row on every page, every member once', async () => {
    const members = Array.from({ length: 220 }, (_, i) => ({ name: `党员${String(i + 1).padStart(3, '0')}` }));
    const doc = buildBallotDocument({ branchName: '中共测试支部委员会', year: 2023, members, serials: ['001', '002'], date: '2023-12-01' });
    const laid = layoutAll(doc);
    expect(laid.length).toBeGreaterThanOrEqual(10);
    const file = saveFile(dir, 'ballots-220.docx', await renderDocx(doc));
    const [pdf] = docxToPdfMany([file]);
    expect(pdfPageCount(pdf!)).toBe(laid.length);
    const pages = pdfPages(pdf!);
    expect(pages.every((p) => p.includes('基本合格') && p.includes('不合格'))).toBe(true);
    const perSheet = laid.length / 2;
    pages.forEach((p, i) => expect(p.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`编号：00${Math.floor(i / perSheet) + 1}（本表共${perSheet}页）`));
    expect(pages.join('\n').match(/党员\s?\d{3}/g)).toHaveLength(2 * 220);
    renderPages(pdf!, `${dir}/ballots-220`);
  }, 120_000);
});

describe('the self-evaluation forms (党员自评表)', () => {
  it('give one page to every member taking part, 预备党员 without a grade line', () => {
    const taking = campaign.members.filter((m) => !m.excluded);
    expect(pdfPageCount(pdfs.self!)).toBe(taking.length);
    expect(layoutAll(docs.self!)).toHaveLength(taking.length);
    const pages = pdfPages(pdfs.self!).map((p) => p.replace(/\s+/g, ''));
    taking.forEach((m, i) => {
      expect(pages[i]).toContain(m.name);
      expect(pages[i]!.includes('自评等次：')).toBe(m.graded);
    });
  });

  it('for one member when asked', async () => {
    const one = graded[0]!;
    const { document } = await t.call('appraisal.previewSelfEvaluation', { campaignId: campaign.id, memberId: one.memberId });
    expect(layoutAll(document)).toHaveLength(1);
    expect(document.fileStem).toContain(one.name);
  });
});

describe('the tally sheet (测评统计表)', () => {
  it('counts by voter type and in total, leaves the spoilt sheet out, gives the share and the proposal', () => {
    const doc = docs.tally!;
    expect(doc.orientation).toBe('landscape');
    const table = tables(doc)[0]!;
    expect(table.header).toHaveLength(2);
    expect(doc.blocks.find((b) => b.kind === 'subtitle')).toEqual({ kind: 'subtitle', text: '发放测评表 4 张，收回 4 张，有效 3 张，废票 1 张' });
    // 优秀 党员 群众 合计 | 合格 … : the first member had 1 优秀 (党员) and 2 合格 (1 党员, 1 群众).
    expect(table.rows[0]).toEqual(['1', graded[0]!.name, '1', '0', '1', '1', '1', '2', '0', '0', '0', '0', '0', '0', '3', '100.0%', '合格']);
    expect(table.rows.at(-1)!.slice(-4)).toEqual(['3', '3', '0.0%', '不合格']);
    const docx = readDocx(files.tally!);
    expect(docx.tables[0]!.rows).toHaveLength(2 + graded.length);
    expect(pdfPageCount(pdfs.tally!)).toBe(layoutAll(doc).length);
  });
});

describe('the results (评议结果汇总表) and the notice (公示)', () => {
  it('lists every graded member with the proposal and the grade decided, and the 预备党员 apart', () => {
    const doc = docs.results!;
    const rows = tables(doc)[0]!.rows as string[][];
    expect(rows.map((r) => r[1])).toEqual(graded.map((m) => m.name));
    expect(rows.every((r) => r[8] === r[7])).toBe(true);
    const text = pdfPages(pdfs.results!).join('').replace(/\s+/g, '');
    expect(text).toContain('预备党员参加评议、不评定等次');
    expect(text).toContain(`不合格1人`);
    expect(pdfPageCount(pdfs.results!)).toBe(layoutAll(doc).length);
  });

  it('is a 公文 page naming the members by grade, the period from the 公示 stage, signed by the branch', () => {
    const doc = docs.publicity!;
    expect(doc.preset).toBe('official');
    const text = pdfPages(pdfs.publicity!).join('').replace(/\s+/g, '');
    expect(text).toContain('关于2023年度民主评议党员结果的公示');
    expect(text).toContain('评定为合格的党员');
    expect(text).toContain(`评定为不合格的党员（1名）：${graded.at(-1)!.name}。`);
    expect(text).toContain('公示时间为2023年12月15日至2023年12月21日');
    expect(text).toContain('2023年12月15日');
    expect(pdfPageCount(pdfs.publicity!)).toBe(layoutAll(doc).length);
  });

  it('is refused while a graded member has no grade, naming them', async () => {
    const first = graded[0]!;
    await t.call('appraisal.decide', { campaignId: campaign.id, decisions: [{ memberId: first.memberId, grade: null }] });
    expect(await failure(t.call('appraisal.previewPublicity', { campaignId: campaign.id }))).toBe(`还有党员未评定等次（${first.name}），请先完成组织评定再公示`);
  });

  it('ballots are refused while no sheets are issued', async () => {
    const other = await t.call('appraisal.create', { year: 2024 });
    expect(await failure(t.call('appraisal.previewBallots', { campaignId: other.id }))).toBe('2024年度民主评议还没有填写发放的测评表张数，请先填写');
  });
});

describe('the 公示 落款', () => {
  it('never opens a page alone, however many names push it down', async () => {
    const r = await t.call('appraisal.results', { campaignId: campaign.id });
    for (let extra = 0; extra < 12; extra++) {
      const members = [...r.members, ...Array.from({ length: extra * 3 }, (_, i) => ({ ...r.members[0]!, name: `补充${i}`, final: '合格' as const }))];
      const doc = buildPublicityDocument({ branchName: '中共测试支部委员会', results: { ...r, members: members.map((m) => ({ ...m, final: m.final ?? '合格' })) }, appraised: 50, from: '2023-12-15', to: '2023-12-21', noticeDate: '2023-12-15' });
      const pages = layoutAll(doc);
      expect(pages.slice(1).some((p) => p.firstLine === '中共测试支部委员会'), `with ${extra * 3} more names`).toBe(false);
    }
  });
});
