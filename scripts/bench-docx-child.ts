/**
 * One measure of the Word-roster bench, in its own process so its peak RSS is its own:
 * `roster` renders the 10,000-member roster's PrintDocument with renderDocx; `plain` packs a plain docx Table of the
 * same cells (header row + 10,000 rows × 13) with docx's Packer. Prints {ms, maxRssMb, bytes} as JSON.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { renderDocx } from '../main/documents/docx';
import { DEFAULT_ROSTER_COLUMNS, rosterColumn, type RosterMember } from '../main/documents/rosterColumns';
import { rosterRows } from '../main/documents/roster';
import { fitColumns, RECORD, textWidth } from '../main/documents/kit';
import { generateDemoMembers } from '../main/services/demo/members';
import type { PrintDocument } from '../shared/documents/model';
import { printFigures } from './bench-child';

const TODAY = '2026-11-25';
const SIZE = Number(process.env.BENCH_DOCX_MEMBERS ?? 10_000);

interface Cells {
  header: string[];
  rows: string[][];
  widths: number[];
  size: number;
}

function rosterCells(): Cells {
  const members = generateDemoMembers(SIZE, 7, TODAY) as unknown as RosterMember[];
  const columns = DEFAULT_ROSTER_COLUMNS.map(rosterColumn);
  const rows = rosterRows(columns, members, { date: TODAY, maskIdNumbers: false });
  const specs = [{ header: '序号', align: 'center' as const }, ...columns];
  const fit = fitColumns(specs, rows, textWidth(RECORD, 'landscape'), [14, 12, 10.5, 9]);
  return { header: specs.map((s) => s.header), rows, widths: fit.widths, size: fit.size };
}

/** The roster as the builders make it: title, date line, one table with its header repeated. */
function rosterDocument(cells: Cells): PrintDocument {
  return {
    preset: 'record',
    orientation: 'landscape',
    pageNumbers: 'ofTotal',
    title: '党员花名册',
    fileStem: 'bench',
    blocks: [
      { kind: 'title', lines: ['中共渤海钻探第一钻井队支部委员会党员花名册'] },
      { kind: 'subtitle', text: `截至2026年11月25日　　共${cells.rows.length}人` },
      { kind: 'table', columns: cells.widths.map((width) => ({ width })), header: [cells.header], rows: cells.rows, fontSize: cells.size },
    ],
  };
}

/** The baseline: docx's own objects for the same cells, nothing else. */
function plainDocument(cells: Cells): Document {
  const row = (values: string[]) => new TableRow({ children: values.map((v) => new TableCell({ children: [new Paragraph({ children: [new TextRun(v)] })] })) });
  return new Document({ sections: [{ children: [new Table({ rows: [row(cells.header), ...cells.rows.map(row)] })] }] });
}

async function main(): Promise<void> {
  const cells = rosterCells();
  await printFigures(() => (process.argv[2] === 'plain' ? Packer.toBuffer(plainDocument(cells)) : renderDocx(rosterDocument(cells))));
}

void main();
