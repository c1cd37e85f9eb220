/**
 * 民主测评表 (ballot sheet): one sheet per serial issued (001 …, the numbers the entry screen asks for), each with the
 * branch and year, the voter type to tick (党员 / 群众), the serial at the right, the instructions, and one row per
 * appraised member in the entry screen's order with the four grades as tick boxes. A sheet for a large branch runs over
 * pages with its header rows repeated, the serial (and the sheet's page count) among them; every sheet starts a page.
 */
import { layoutAll } from '../../../../shared/documents/layout';
import type { Block, PrintDocument, TableCell, TableColumn, TableRowData } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { cm } from '../../../../shared/documents/units';
import { GRADES } from '../../../../shared/domain/appraisal';
import { documentStem, fitTitleLine, spreadColumns } from './common';

export interface BallotInput {
  branchName: string;
  year: number;
  /** The members graded on the ballot (预备党员 and the excluded are not), in the entry screen's order. */
  members: { name: string }[];
  /** One sheet per serial. */
  serials: string[];
  /** YYYY-MM-DD for the file name. */
  date: string;
}

export const BALLOT_HEADER = ['序号', '姓名', ...GRADES] as const;
export const TICK_BOX = '□';
/** Table text of the ballot: 小四, rows tall enough to tick. */
export const BALLOT_SIZE = 12;
export const BALLOT_ROW_HEIGHT = cm(0.55);
const INSTRUCTION_SIZE = 10.5;

export const BALLOT_INSTRUCTIONS = [
  '说明：1. 在投票人类别和每名党员对应等次的“□”内划“√”，每名党员只划一个等次。',
  '2. 对某名党员不划或多划的，对该党员的评价不计票；整张表无法辨认的为废票。',
  '3. 本表不记名，请勿涂改，填好后当场投入票箱。',
];

export function ballotHeading(year: number): string {
  return `${year}年度民主评议党员测评表`;
}

function columns(): TableColumn[] {
  return spreadColumns(textWidth(RECORD), BALLOT_SIZE, [2.5, 0, 4.5, 4.5, 4.5, 4.5]);
}

export function ballotRows(members: readonly { name: string }[]): string[][] {
  return members.map((m, i) => [String(i + 1), m.name, ...GRADES.map(() => TICK_BOX)]);
}

/** A sheet that runs over pages repeats its serial above the header row, so a loose page is still accounted for. */
function serialRow(serial: string, pages: number): TableCell[] {
  return [{ text: `编号：${serial}（本表共 ${pages} 页）`, colSpan: BALLOT_HEADER.length, align: 'right' }];
}

function sheet(input: BallotInput, serial: string, pages: number): Block[] {
  // Compact lines above the table (paragraphs of a given size take that size's line), so that a branch of about
  // 33 members fits one page.
  const line = (text: string, size: number, align: 'left' | 'center' = 'left'): Block => ({ kind: 'paragraph', text, indent: false, align, style: { size } });
  const header: TableRowData[] = [...(pages > 1 ? [serialRow(serial, pages)] : []), [...BALLOT_HEADER]];
  return [
    { kind: 'title', lines: fitTitleLine(ballotHeading(input.year)) },
    line(input.branchName, 14, 'center'),
    { kind: 'splitLine', left: `投票人类别：${TICK_BOX}党员　${TICK_BOX}群众`, right: `编号：${serial}`, style: { size: 14 } },
    ...BALLOT_INSTRUCTIONS.map((text) => line(text, INSTRUCTION_SIZE)),
    { kind: 'table', columns: columns(), header, rows: ballotRows(input.members), fontSize: BALLOT_SIZE, rowHeight: BALLOT_ROW_HEIGHT },
  ];
}

/** Pages one sheet takes (every sheet takes as many); laid out once, with the serial row as a long sheet has it. */
function pagesPerSheet(input: BallotInput): number {
  const one = (pages: number): PrintDocument => ({ preset: 'record', orientation: 'portrait', pageNumbers: false, title: '', fileStem: '', blocks: sheet(input, '001', pages) });
  const plain = layoutAll(one(1)).length;
  return plain > 1 ? layoutAll(one(plain)).length : 1;
}

export function buildBallotDocument(input: BallotInput): PrintDocument {
  const heading = ballotHeading(input.year);
  const pages = pagesPerSheet(input);
  const blocks: Block[] = input.serials.flatMap((serial, i) => [...(i > 0 ? [{ kind: 'pageBreak' } as Block] : []), ...sheet(input, serial, pages)]);
  return {
    preset: 'record',
    orientation: 'portrait',
    pageNumbers: false,
    title: `${input.branchName}${heading}`,
    fileStem: documentStem(`${input.branchName}${heading}（${input.serials.length}张）`, input.date),
    blocks,
  };
}
