/** The lean table path (XML streamed into the package) against docx's own objects, and a 10,000-row register. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/documents/docx';
import { tableGrid } from '../../../main/documents/docx/tableXml';
import { borderedTable, createDocument, RECORD, tableCell, tableRow, toBuffer } from '../../../main/documents/kit';
import type { PrintDocument, TableBlock } from '../../../shared/documents/model';
import { outputDir, readDocx, saveFile } from '../../helpers/documents';

const WIDTHS = [1200, 2400, 3000, 2038];

function smallTable(): TableBlock {
  return {
    kind: 'table',
    columns: WIDTHS.map((width, i) => ({ width, nowrap: i === 2 })),
    header: [['序号', '姓名', '公民身份号码', '备注']],
    rows: [
      ['1', '张伟', '650102196201010010', ''],
      [{ text: '2', rowSpan: 2 }, '李芳', '650102196302020021', { text: 'a & b <c>', align: 'left' }],
      ['王秀英', '650102196403030032', '长期在外\n施工'],
      [{ text: '合计', colSpan: 2, bold: true }, '3人', ' 空格 '],
    ],
  };
}

function modelDocument(table: TableBlock): PrintDocument {
  return { preset: 'record', orientation: 'portrait', title: '表', fileStem: 'table', blocks: [table] };
}

/** The same table through docx's own objects (the kit's cells and rows), the path the lean one replaces. */
function plainDocument(table: TableBlock) {
  const rows = [...table.header, ...table.rows].map((row, r) => {
    let column = 0;
    const cells = row.map((value) => {
      const cell = typeof value === 'string' ? { text: value } : value;
      const span = cell.colSpan ?? 1;
      const width = WIDTHS.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      return tableCell(RECORD, cell.text, { width, header: r === 0, columnSpan: cell.colSpan, rowSpan: cell.rowSpan });
    });
    return tableRow(cells, { header: r === 0 });
  });
  return createDocument({ preset: RECORD, sections: [{ children: [borderedTable(rows, WIDTHS)] }] });
}

describe('lean table path', () => {
  it('gives the same cells, header rows, unsplit rows and column widths as docx’s own table objects', async () => {
    const dir = outputDir('docx-lean');
    const table = smallTable();
    const lean = readDocx(saveFile(dir, 'lean.docx', await renderDocx(modelDocument(table)))).tables[0]!;
    const plain = readDocx(saveFile(dir, 'plain.docx', await toBuffer(plainDocument(table)))).tables[0]!;
    expect(lean.rows).toEqual(plain.rows);
    expect(lean.rows[2]).toEqual(['2', '李芳', '650102196302020021', 'a & b <c>']);
    expect(lean.rows[3]).toEqual(['', '王秀英', '650102196403030032', '长期在外施工']);
    expect(lean.headerRows).toEqual(plain.headerRows);
    expect(lean.cantSplit).toEqual(plain.cantSplit);
    expect(lean.columnWidths).toEqual(plain.columnWidths);
  });

  it('places cells covered by a row span and cells spanning columns on the grid', () => {
    const grid = tableGrid(smallTable());
    expect(grid.map((row) => row.map((s) => s.kind))).toEqual([
      ['cell', 'cell', 'cell', 'cell'],
      ['cell', 'cell', 'cell', 'cell'],
      ['cell', 'cell', 'cell', 'cell'],
      ['below', 'cell', 'cell', 'cell'],
      ['cell', 'covered', 'cell', 'cell'],
    ]);
  });

  it('restarts a repeated span label at a page start, with the rows it has left', () => {
    const table: TableBlock = {
      kind: 'table',
      columns: [{ width: 2000 }, { width: 2000 }],
      header: [['项目', '分类']],
      rows: [[{ text: '党小组', rowSpan: 4 }, '一'], ['二'], ['三'], ['四']],
      repeatSpanLabels: true,
    };
    const grid = tableGrid(table, new Set([2]));
    expect(grid.map((row) => row[0]!.kind)).toEqual(['cell', 'cell', 'below', 'cell', 'below']);
    expect(grid[3]![0]).toMatchObject({ kind: 'cell', rowSpan: 2, cell: { text: '党小组' } });
    expect(tableGrid({ ...table, repeatSpanLabels: false }, new Set([2])).map((row) => row[0]!.kind)).toEqual(['cell', 'cell', 'below', 'below', 'below']);
  });

  it('writes a 10,000-row register that reads back with every row', async () => {
    const columns = Array.from({ length: 13 }, () => ({ width: 1100 }));
    const rows = Array.from({ length: 10_000 }, (_, i) => [String(i + 1), `党员${i}`, ...Array.from({ length: 11 }, (_, c) => `${c}-${i}`)]);
    const table: TableBlock = { kind: 'table', columns, header: [columns.map((_, c) => `列${c}`)], rows, fontSize: 10.5 };
    const file = saveFile(outputDir('docx-lean-10000'), 'register.docx', await renderDocx({ ...modelDocument(table), orientation: 'landscape' }));
    const script = 'import sys, docx\nt = docx.Document(sys.argv[1]).tables[0]._tbl\nrows = t.tr_lst\nprint(len(rows), "".join(x.text or "" for x in rows[-1].iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")))';
    const [count, last] = execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }).trim().split(' ');
    expect(Number(count)).toBe(10_001);
    expect(last).toBe(rows.at(-1)!.join(''));
  }, 60_000);
});
