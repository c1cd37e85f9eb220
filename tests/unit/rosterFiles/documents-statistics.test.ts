/** 党员队伍基本情况统计表: the counting, and the one-page table read back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBuffer } from '../../../main/documents/kit';
import { buildBranchStatisticsDocument, computeBranchStatistics, type BranchStatistics, type RosterMember } from '../../../main/documents';
import { statisticsGroups } from '../../../main/documents/statistics';
import { docxToPdf, pdfPageCount, pdfPages, releaseLibreOffice, readDocx, renderPages, sampleMembers, outputDir, saveFile, type DocxContent } from '../../helpers/documents';

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

describe('statistics table document', () => {
  let stats: BranchStatistics;
  let doc: DocxContent;
  let pdf: string;

  beforeAll(async () => {
    const dir = outputDir('statistics');
    stats = computeBranchStatistics(sampleMembers(120) as RosterMember[], DATE);
    const file = saveFile(dir, 'stats.docx', await toBuffer(buildBranchStatisticsDocument({ branchName: '中共西部钻探公司第一钻井队党支部', date: DATE, stats })));
    pdf = docxToPdf(file);
    renderPages(pdf, `${dir}/stats`);
    doc = readDocx(file);
  });
  afterAll(releaseLibreOffice);

  it('is one A4 portrait page in LibreOffice', () => {
    const s = doc.sections[0]!;
    expect([s.pageWidth, s.pageHeight, s.orientation]).toEqual([11906, 16838, 'portrait']);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdfPages(pdf)[0]).toContain('填表人：');
  });

  it('has the title, unit and date, and the signature line', () => {
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts[0]).toBe('党员队伍基本情况统计表');
    expect(texts[1]).toBe('填报单位：中共西部钻探公司第一钻井队党支部\t截至2026年11月25日');
    expect(texts.at(-1)).toBe('填表人：\t审核人（书记）：\t填报日期：');
  });

  it('prints every count and share, read back from the table', () => {
    const rows = doc.tables[0]!.rows;
    const find = (label: string) => rows.find((r) => r.includes(label))!;
    const countOf = (label: string) => find(label)[find(label).indexOf(label) + 1];
    expect(rows[0]).toEqual(['项目', '分类', '人数（名）', '占比（%）']);
    expect(find('党员总数').slice(-2)).toEqual([String(stats.total), '100.0']);
    expect(countOf('正式党员')).toBe(String(stats.category.full));
    expect(countOf('预备党员')).toBe(String(stats.category.probationary));
    expect(countOf('女')).toBe(String(stats.gender.female));
    expect(countOf('少数民族')).toBe(String(stats.ethnicity.minority));
    expect(countOf('中专')).toBe(String(stats.education.secondary));
    expect(countOf('40—49岁')).toBe(String(stats.age.from40to49));
    expect(countOf('10—19年')).toBe(String(stats.partyStanding.from10to19));
    for (const g of stats.partyGroups) expect(countOf(g.label)).toBe(String(g.count));
    expect(find('中专').at(-1)).toBe(((stats.education.secondary / stats.total) * 100).toFixed(1));
  });
});
