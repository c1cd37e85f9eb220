/**
 * One measure of the letters bench, in its own process so its peak RSS is its own: `letters` builds the PrintDocument of
 * 1,000 responsibility letters and renders it with renderDocx; `plain` packs the same paragraphs and tables (one docx
 * Paragraph per line of text, one docx Table per table, a page break between letters) without styling, with docx's
 * Packer. The letters' data is made before the clock starts. Prints {ms, maxRssMb, bytes, pages} as JSON.
 */
import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { renderDocx } from '../main/documents/docx';
import { generateDemoMembers } from '../main/services/demo/members';
import { buildLettersDocument, type LetterData } from '../main/services/targets/documents/letters';
import { TEMPLATES } from '../main/services/targets/demo';
import { DEFAULT_ASSESSMENT_METHOD, DEFAULT_OTHER_TERMS, DEFAULT_REWARD_RULES, GENERAL_POST } from '../shared/domain/targets';
import type { Block, PrintDocument } from '../shared/documents/model';
import { printFigures } from './bench-child';

const SIZE = Number(process.env.BENCH_LETTERS ?? 1000);
const BRANCH = '中共渤海钻探第一钻井队支部委员会';

function letters(): LetterData[] {
  const members = generateDemoMembers(SIZE, 7, '2026-11-25');
  return members.map((m, i) => {
    const template = TEMPLATES.find((t) => t.post === m.post) ?? TEMPLATES.find((t) => t.post === GENERAL_POST)!;
    return {
      year: 2026,
      branchName: BRANCH,
      secretary: '张红成',
      memberName: m.name,
      post: m.post ?? '',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      items: template.items.map((item, n) => ({ ...item, key: `00000000-0000-4000-8000-${String(i * 10 + n).padStart(12, '0')}` })),
      assessmentMethod: DEFAULT_ASSESSMENT_METHOD,
      rewardRules: [...DEFAULT_REWARD_RULES],
      otherTerms: DEFAULT_OTHER_TERMS,
      signedDate: null,
    };
  });
}

function cellText(c: string | { text: string }): string {
  return typeof c === 'string' ? c : c.text;
}

/** The same paragraphs and tables as docx's own objects, nothing else. */
function plainChildren(block: Block): (Paragraph | Table)[] {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  switch (block.kind) {
    case 'title':
      return block.lines.map(p);
    case 'heading':
    case 'paragraph':
    case 'note':
    case 'subtitle':
      return [p(block.text)];
    case 'fillLine':
      return [p(block.labels.join('　'))];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'table': {
      const row = (cells: readonly (string | { text: string })[]) =>
        new TableRow({ children: cells.map((c) => new TableCell({ children: [p(cellText(c))] })) });
      return [new Table({ rows: [...block.header.map(row), ...block.rows.map(row)] })];
    }
    default:
      return [p('')];
  }
}

async function main(): Promise<void> {
  const data = letters();
  // The plain side packs the very blocks the builder makes; building them for it is not timed.
  const prebuilt: PrintDocument | null = process.argv[2] === 'plain' ? buildLettersDocument(data, { year: 2026, branchName: BRANCH }) : null;
  await printFigures(
    () =>
      prebuilt
        ? Packer.toBuffer(new Document({ sections: [{ children: prebuilt.blocks.flatMap(plainChildren) }] }))
        : renderDocx(buildLettersDocument(data, { year: 2026, branchName: BRANCH })),
    { letters: data.length },
  );
}

void main();
