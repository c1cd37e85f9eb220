/**
 * A long document is packed a part at a time (renderDocx's partBlocks): its Word file must be the same as packing it
 * whole, wherever the parts are cut — after a page break, inside a letter, next to a table.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { partRanges, renderDocx } from '../../../main/documents/docx';
import { buildLettersDocument, type LetterData } from '../../../main/services/targets/documents/letters';
import { DEFAULT_REWARD_RULES } from '../../../shared/domain/targets';
import { outputDir, readDocx, saveFile } from '../../helpers/documents';

function letter(name: string, n: number): LetterData {
  return {
    year: 2026,
    branchName: '中共渤海钻探第一钻井队支部委员会',
    secretary: '张红成',
    memberName: name,
    post: n % 2 ? '司钻' : '',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    items: [
      { key: `a${n}`, category: '思想建设', content: '按时参加“三会一课” & 主题党日', points: 40, rule: '缺席一次扣 2 分' },
      { key: `b${n}`, category: '生产经营/中心工作', content: '完成本岗位生产任务', points: 60, rule: '未完成一项扣 5 分' },
    ],
    assessmentMethod: '支部评定为准',
    rewardRules: [...DEFAULT_REWARD_RULES],
    otherTerms: '',
    signedDate: n === 2 ? '2026-01-15' : null,
  };
}

/** The entries that carry the content (docProps/core.xml holds the time of packing). */
function entries(file: string): Record<string, string> {
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((n) => n.startsWith('word/'));
  return Object.fromEntries(names.map((n) => [n, execFileSync('unzip', ['-p', file, n], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })]));
}

describe('renderDocx in parts', () => {
  it('cuts the blocks into ranges of the part size, one range for a short document', () => {
    expect(partRanges(0, 600)).toEqual([[0, 0]]);
    expect(partRanges(600, 600)).toEqual([[0, 600]]);
    expect(partRanges(1300, 600)).toEqual([[0, 600], [600, 1200], [1200, 1300]]);
  });

  it('writes the same Word file packed whole or in parts of any size', async () => {
    const doc = buildLettersDocument(['王伟', '李芳', '欧阳秀英', '张强', '陈静'].map(letter), { year: 2026, branchName: '中共渤海钻探第一钻井队支部委员会' });
    // A trailing page break is placed by the last part.
    const withBreak = { ...doc, blocks: [...doc.blocks, { kind: 'pageBreak' as const }] };
    const dir = outputDir('docx-parts');
    for (const model of [doc, withBreak]) {
      const whole = entries(saveFile(dir, 'whole.docx', await renderDocx(model, { partBlocks: Infinity })));
      for (const size of [1, 7, 15, 16]) {
        const file = saveFile(dir, `parts-${size}.docx`, await renderDocx(model, { partBlocks: size }));
        expect(entries(file), `parts of ${size} blocks`).toEqual(whole);
      }
    }
    const read = readDocx(`${dir}/parts-7.docx`);
    expect(read.paragraphs.filter((p) => p.text.startsWith('乙方：')).map((p) => p.text)).toEqual(['乙方：王伟', '乙方：李芳（岗位：司钻）', '乙方：欧阳秀英', '乙方：张强（岗位：司钻）', '乙方：陈静']);
    expect(read.tables).toHaveLength(10);
  });
});
