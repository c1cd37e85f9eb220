/** 党员队伍基本情况统计表: the counting, and the one-page table read back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBranchStatisticsDocument, computeBranchStatistics, ONE_PAGE_GROUPS, renderDocx, type BranchStatistics, type RosterMember } from '../../../main/documents';
import { statisticsGroups } from '../../../main/documents/statistics';
import { chineseNumeral } from '../../../main/services/demo/crew';
import type { PrintDocument, TableBlock, TableCell } from '../../../shared/documents/model';
import { RECORD, textWidth } from '../../../shared/documents/presets';
import { cellLine } from '../../../shared/documents/units';
import { docxToPdfMany, outputDir, pdfPageCount, pdfPages, releaseLibreOffice, renderPages, sampleMembers, saveFile } from '../../helpers/documents';

const DATE = '2026-11-25';

function member(fields: Partial<RosterMember>): RosterMember {
  return {
    name: '王伟', gender: '男', ethnicity: '汉族', birthDate: '1980-05-01', education: '大学本科毕业', category: '正式党员',
    joinDate: '2005-07-01', fullDate: '2006-07-01', status: '正常', partyGroup: '第一党小组', ...fields,
  };
}

describe('counting the branch', () => {
  const people = [
    member({}),
    member({ gender: '女', ethnicity: '回族', birthDate: '1997-11-26', education: '硕士研究生毕业', category: '预备党员', fullDate: null, joinDate: '2026-03-01' }),
    member({ birthDate: '1966-11-25', education: '31', fullDate: '1976-11-25', partyGroup: '第十党小组' }),
    member({ birthDate: '1956-01-01', education: '初中毕业', fullDate: '1976-11-26', partyGroup: null }),
    member({ education: '技工学校毕业', fullDate: '2021-11-26', partyGroup: '第二党小组' }),
    member({ status: '转出' }),
    member({ status: '停止党籍', birthDate: '1996-11-25', education: '普通高中毕业' }),
  ];
  const s = computeBranchStatistics(people, DATE);

  it('counts active members only, in every group', () => {
    expect(s.total).toBe(6);
    expect(s.category).toEqual({ full: 5, probationary: 1 });
    expect(s.gender).toEqual({ male: 5, female: 1 });
    expect(s.ethnicity).toEqual({ han: 5, minority: 1 });
    expect(s.education).toEqual({ postgraduate: 1, undergraduate: 1, juniorCollege: 1, secondary: 1, highSchoolOrBelow: 2 });
  });

  it('bands ages and Party standing in whole years on the date', () => {
    // 1997-11-26 is 28; 1996-11-25 turns 30 on the day; 1966-11-25 turns 60.
    expect(s.age).toEqual({ under30: 1, from30to39: 1, from40to49: 2, from50to59: 0, from60: 2 });
    // 1976-11-25 is 50 years; 1976-11-26 one day short; 2021-11-26 one day short of 5; 2006-07-01 is 20.
    expect(s.partyStanding).toEqual({ probationary: 1, under5: 1, from5to9: 0, from10to19: 0, from20to29: 2, from30to49: 1, from50: 1 });
  });

  it('lists party groups in numeral order, then those in none', () => {
    expect(s.partyGroups).toEqual([
      { label: '第一党小组', count: 3 },
      { label: '第二党小组', count: 1 },
      { label: '第十党小组', count: 1 },
      { label: '未编入党小组', count: 1 },
    ]);
  });

  it('has every group add up to the total', () => {
    for (const g of statisticsGroups(s)) expect(g.rows.reduce((n, r) => n + r.count, 0), g.label).toBe(s.total);
  });
});

/** Statistics of 300 members spread over `groups` party groups named like the demo crews' (钻井二十二班党小组). */
function statsWithGroups(groups: number): BranchStatistics {
  const s = computeBranchStatistics(sampleMembers(300) as RosterMember[], DATE);
  const partyGroups = Array.from({ length: groups }, (_, i) => ({ label: `钻井${chineseNumeral(i + 1)}班党小组`, count: Math.floor(s.total / groups) }));
  partyGroups[0]!.count += s.total - partyGroups.reduce((n, g) => n + g.count, 0);
  return { ...s, partyGroups };
}

function tableOf(doc: PrintDocument): TableBlock {
  return doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
}

const cellText = (c: string | TableCell) => (typeof c === 'string' ? c : c.text);

describe('statistics table document', () => {
  const stats = statsWithGroups(30);
  const doc = buildBranchStatisticsDocument({ branchName: '中共西部钻探公司第一钻井队党支部', date: DATE, stats });
  const table = tableOf(doc);

  it('is one A4 portrait 表册 page without page numbers, with title, unit and date, note and signature line', () => {
    expect(doc).toMatchObject({ preset: 'record', orientation: 'portrait', pageNumbers: false, title: '党员队伍基本情况统计表' });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['title', 'splitLine', 'table', 'note', 'fillLine']);
    expect(doc.blocks[1]).toMatchObject({ left: '填报单位：中共西部钻探公司第一钻井队党支部', right: '截至2026年11月25日' });
    expect(doc.blocks.at(-1)).toMatchObject({ labels: ['填表人：', '审核人（书记）：', '填报日期：'] });
  });

  it('sets two classes to a row at 五号, the row height filling the page, columns adding up to the width', () => {
    expect(table.header).toEqual([['项目', '分类', '人数', '占比（%）', '分类', '人数', '占比（%）']]);
    expect(table.fontSize).toBe(10.5);
    expect(table.columns.reduce((a, c) => a + c.width, 0)).toBe(textWidth(RECORD, 'portrait'));
    // 党员总数, 1+1+1 (two classes each), 3 学历, 3 年龄, 4 党龄, 15 党小组 rows.
    expect(table.rows).toHaveLength(1 + 3 + 3 + 3 + 4 + 15);
    expect(table.rowHeight).toBeGreaterThan(cellLine(10.5));
    expect(table.repeatSpanLabels).toBe(true);
  });

  it('prints every count and share', () => {
    const cells = table.rows.map((r) => r.map(cellText));
    const countOf = (label: string) => {
      const row = cells.find((r) => r.includes(label))!;
      return row[row.indexOf(label) + 1];
    };
    expect(cells[0]!.slice(0, 3)).toEqual(['党员总数', String(stats.total), '100.0']);
    expect(countOf('正式党员')).toBe(String(stats.category.full));
    expect(countOf('女')).toBe(String(stats.gender.female));
    expect(countOf('少数民族')).toBe(String(stats.ethnicity.minority));
    expect(countOf('中专')).toBe(String(stats.education.secondary));
    expect(countOf('40—49岁')).toBe(String(stats.age.from40to49));
    expect(countOf('10—19年')).toBe(String(stats.partyStanding.from10to19));
    for (const g of stats.partyGroups) expect(countOf(g.label), g.label).toBe(String(g.count));
    const row = cells.find((r) => r.includes('中专'))!;
    expect(row[row.indexOf('中专') + 2]).toBe(((stats.education.secondary / stats.total) * 100).toFixed(1));
  });

  it('spans the 项目 label over its rows (党小组 over 15)', () => {
    const label = table.rows.flat().find((c): c is TableCell => typeof c !== 'string' && c.text === '党小组')!;
    expect(label.rowSpan).toBe(15);
  });

  it('keeps 40 groups on one page at 五号, and runs 60 on with page numbers', () => {
    const forty = buildBranchStatisticsDocument({ branchName: '支部', date: DATE, stats: statsWithGroups(40) });
    expect([forty.pageNumbers, tableOf(forty).fontSize]).toEqual([false, 10.5]);
    const sixty = buildBranchStatisticsDocument({ branchName: '支部', date: DATE, stats: statsWithGroups(60) });
    expect(sixty.pageNumbers).toBe('ofTotal');
    expect(tableOf(sixty).fontSize).toBe(10.5);
    expect(ONE_PAGE_GROUPS).toBe(40);
  });
});

describe('statistics through LibreOffice', () => {
  let thirty: string;
  let sixty: string;

  beforeAll(async () => {
    const dir = outputDir('statistics');
    const build = (groups: number) => buildBranchStatisticsDocument({ branchName: '中共西部钻探公司第一钻井队党支部', date: DATE, stats: statsWithGroups(groups) });
    const files = [saveFile(dir, 'stats-30.docx', await renderDocx(build(30))), saveFile(dir, 'stats-60.docx', await renderDocx(build(60)))];
    [thirty, sixty] = docxToPdfMany(files) as [string, string];
    renderPages(thirty, `${dir}/stats-30`);
    renderPages(sixty, `${dir}/stats-60`);
  }, 120_000);
  afterAll(releaseLibreOffice);

  it('converts 30 party groups to one page with every group and the signature line', () => {
    expect(pdfPageCount(thirty)).toBe(1);
    const text = pdfPages(thirty)[0]!;
    expect(text).toContain('钻井三十班党小组');
    expect(text).toContain('填表人：');
  });

  it('converts 60 party groups to numbered pages', () => {
    const pages = pdfPages(sixty);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`));
    expect(pages.join('\n')).toContain('钻井六十班党小组');
  });

  // The label of a rowSpan cell printed again on the next page needs renderDocx's repeatSpanLabels (branch docx).
  it('repeats the 党小组 label on the page the table continues on', () => {
    const pages = pdfPages(sixty);
    expect(pages[1]).toContain('党小组');
    expect(pages[1]!.split('\n').some((l) => /^\s*党小组\s/.test(l) || l.trim() === '党小组')).toBe(true);
  });
});
