/**
 * 200 letters from post templates, one adjusted by hand and one grown to two pages, exported to one Word file:
 * python-docx reads them back in order with each member's name, post, items and points; LibreOffice converts the file
 * into as many pages as the layout engine gives each letter (a letter starts a page; the long one takes two), and each
 * letter starts on the page the engine puts it; pages are rendered to tests/output/documents/target-letters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutAll } from '../../../shared/documents/layout';
import { DEFAULT_REWARD_RULES, type LetterItemInput } from '../../../shared/domain/targets';
import type { Letter } from '../../../shared/contract/targets';
import { docxToPdf, outputDir, pdfPageCount, pdfPages, readDocx, releaseLibreOffice, saveFile } from '../../helpers/documents';
import { rosterContext, variedMembers } from '../../helpers/sheets';
import { trackContexts } from '../../helpers/context';
import { execFileSync } from 'node:child_process';

const track = trackContexts();
afterAll(releaseLibreOffice);

const items = (first: number): LetterItemInput[] => [
  { category: '思想建设', content: '按时参加“三会一课”和主题党日', points: first, rule: '缺席一次扣 2 分' },
  { category: '生产经营/中心工作', content: '完成本岗位生产任务', points: 60 - first, rule: '未完成一项扣 5 分' },
  { category: '生产经营/中心工作', content: '本人无违章，全年无安全事故', points: 20, rule: '违章一次扣 5 分' },
  { category: '党风廉政建设', content: '遵守纪律，廉洁自律', points: 20, rule: '受处分的本项不得分' },
];


/** A stored letter's fields as targetLetters.update takes them. */
function pick(l: Letter) {
  const { id, secretary, periodStart, periodEnd, assessmentMethod, rewardRules, otherTerms, signedDate, updatedAt } = l;
  return { id, secretary, periodStart, periodEnd, assessmentMethod, rewardRules, otherTerms, signedDate, expectedUpdatedAt: updatedAt };
}

describe('200 responsibility letters in one Word file', () => {
  it('reads back in order, the adjusted one with its changes; LibreOffice prints one page per letter', async () => {
    const members = variedMembers(200).map((m) => ({ ...m, status: '正常' as const, lostContact: false, lostContactDate: null }));
    const t = track(await rosterContext(members, '2026-11-25'));
    for (const [post, first] of [['司钻', 25], ['机械师', 30], ['通用', 20]] as const) {
      await t.call('postTemplates.save', { post, items: items(first), rewardRules: [...DEFAULT_REWARD_RULES], assessmentMethod: '支部评定为准' });
    }
    expect(await t.call('targetLetters.generate', { year: 2026 })).toMatchObject({ created: 200, missingTemplate: [] });
    const list = await t.call('targetLetters.list', { year: 2026 });

    const chosen = await t.call('targetLetters.get', { id: list[37]!.id });
    const adjustedItems = chosen.items.map((i, n) =>
      n === 0 ? { ...i, content: '按时参加“三会一课”，全年为班组讲党课 1 次', points: i.points + 5 } : n === 1 ? { ...i, points: i.points - 5 } : i,
    );
    const { id, secretary, periodStart, periodEnd, assessmentMethod, rewardRules, otherTerms, updatedAt } = chosen;
    await t.call('targetLetters.update', { id, secretary, periodStart, periodEnd, items: adjustedItems, assessmentMethod, rewardRules, otherTerms, signedDate: '2026-01-15', expectedUpdatedAt: updatedAt });
    // A letter of 20 items, each 5 points with a long rule: too much for one page.
    const long = await t.call('targetLetters.get', { id: list[120]!.id });
    const longItems = Array.from({ length: 20 }, (_, n) => ({
      category: n % 2 ? '作风建设' : '生产经营/中心工作',
      content: `第 ${n + 1} 项：带头落实井控、安全和设备管理的各项制度，做到班前讲安全、班中查隐患、班后抓整改`,
      points: 5,
      rule: '发现一处隐患未整改扣 1 分，发生违章一次扣 2 分，扣完为止',
    }));
    await t.call('targetLetters.update', { ...pick(long), items: longItems });
    const letters = await Promise.all(list.map((l) => t.call('targetLetters.get', { id: l.id })));
    expect(letters.filter((l) => l.adjusted).map((l) => l.memberName)).toEqual([chosen.memberName, long.memberName]);

    const exported = await t.call('targetLetters.export', { year: 2026 });
    expect(exported.count).toBe(200);
    const dir = outputDir('target-letters');
    const file = saveFile(dir, 'letters.docx', Buffer.from(exported.data, 'base64'));

    // python-docx: every letter's parties line and its two tables (items, rewards), in the order of the list.
    const docx = readDocx(file);
    const parties = docx.paragraphs.filter((p) => p.text.startsWith('乙方：')).map((p) => p.text);
    expect(parties).toEqual(letters.map((l) => `乙方：${l.memberName}${l.post ? `（岗位：${l.post}）` : ''}`));
    expect(docx.tables).toHaveLength(400);
    letters.forEach((l, i) => {
      const rows = docx.tables[2 * i]!.rows;
      expect(rows[0], l.memberName).toEqual(['类别', '目标内容', '分值', '考核标准/扣分办法']);
      expect(rows.slice(1, -1), l.memberName).toEqual(l.items.map((item) => [item.category, item.content, String(item.points), item.rule]));
      expect(rows.at(-1)![2]).toBe('100');
    });
    const adjusted = docx.tables[2 * 37]!.rows;
    expect(adjusted[1]).toEqual(['思想建设', '按时参加“三会一课”，全年为班组讲党课 1 次', String(chosen.items[0]!.points + 5), '缺席一次扣 2 分']);
    expect(adjusted[2]![2]).toBe(String(chosen.items[1]!.points - 5));
    expect(docx.paragraphs.filter((p) => p.text.includes('2026年1月15日'))).toHaveLength(1);
    // Each letter numbers its sections from 一、 again.
    expect(docx.paragraphs.filter((p) => p.text.startsWith('一、目标任务（共 100 分）'))).toHaveLength(200);
    expect(docx.paragraphs.filter((p) => p.text === '四、其他')).toHaveLength(200);
    expect(docx.tables[1]!.rows[1]).toEqual(['优秀', '90 分及以上', '奖励 500 元，优先推荐评选优秀共产党员']);

    // The preview's page count of each letter alone (the layout engine): one, but two for the long one.
    const pagesOf = await Promise.all(letters.map(async (l) => layoutAll((await t.call('targetLetters.preview', { year: 2026, ids: [l.id] })).document).length));
    expect(pagesOf.filter((n) => n !== 1)).toEqual([2]);
    expect(pagesOf[120]).toBe(2);
    const all = layoutAll((await t.call('targetLetters.preview', { year: 2026 })).document).length;
    expect(all).toBe(201);

    // LibreOffice: converts into the pages the letters take, each letter starting on its own page.
    const pdf = docxToPdf(file);
    expect(pdfPageCount(pdf)).toBe(pagesOf.reduce((a, b) => a + b, 0));
    const pages = pdfPages(pdf).map((p) => p.replace(/\s+/g, ''));
    const firstPage = pagesOf.map((_, i) => pagesOf.slice(0, i).reduce((a, b) => a + b, 0));
    letters.forEach((l, i) => expect(pages[firstPage[i]!], `letter ${i + 1} on page ${firstPage[i]! + 1}`).toContain(`乙方：${l.memberName}`.replace(/\s+/g, '')));
    expect(pages[firstPage[37]!]).toContain('全年为班组讲党课1次');
    // The long letter's second page holds its last items and its signatures, no other letter's parties.
    const second = pages[firstPage[120]! + 1]!;
    expect(second).toContain('第20项');
    expect(second).toContain('乙方：党员签字');
    expect(second).not.toContain('乙方：' + letters[121]!.memberName);

    // Pages to look at: the first two, the adjusted letter, and both pages of the long one.
    const toLook = [1, 2, firstPage[37]! + 1, firstPage[120]! + 1, firstPage[120]! + 2];
    for (const page of toLook) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), pdf, path.join(dir, `page-${page}`)]);
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(toLook.length);
  }, 300_000);
});
