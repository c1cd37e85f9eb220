/** The printed roster 党员花名册: A4 landscape, 记录本/表格 preset, one table with its header on every page. */
import type { Document } from 'docx';
import { createDocument, dataTable, fitColumns, RECORD, subtitle, textWidth, title, chineseDate, withTableSize, type CellAlign, type FitResult, type TableColumn } from './kit';
import { BRANCH_COLUMN, DEFAULT_ROSTER_COLUMNS, rosterColumn, type RosterColumn, type RosterContext, type RosterMember } from './rosterColumns';

export interface RosterDocumentInput {
  branchName: string;
  /** YYYY-MM-DD: "截至" date printed under the title. */
  date: string;
  /** Member keys in print order (see ROSTER_COLUMNS); 序号 always comes first. */
  columns?: readonly string[];
  members: readonly RosterMember[];
  /** What the roster was filtered to, e.g. "预备党员"; printed under the title. */
  filterLabel?: string;
  /** A 所在支部 column first (members carry `branch`), for a roster that spans several branches. */
  withBranch?: boolean;
  /** Print ID numbers as 1101**********002X. Off by default: the register is the secretary's own. */
  maskIdNumbers?: boolean;
}

/** Font sizes tried for the table, largest first: 四号, 小四, 五号, 小五. */
const TABLE_SIZES = [14, 12, 10.5, 9];
const NUMBER_COLUMN = { header: '序号', align: 'center' as const };

export function rosterTitle(branchName: string): string {
  return `${branchName}党员花名册`;
}

function dateLine(input: RosterDocumentInput): string {
  const parts = [`截至${chineseDate(input.date)}`, `共${input.members.length}人`];
  if (input.filterLabel) parts.unshift(`范围：${input.filterLabel}`);
  return parts.join('　　');
}

/** The table's text: one row of strings per member, 序号 first. */
export function rosterRows(columns: readonly RosterColumn[], members: readonly RosterMember[], ctx: RosterContext): string[][] {
  return members.map((m, i) => [String(i + 1), ...columns.map((c) => c.value(m, ctx))]);
}

interface RosterTable {
  specs: { header: string; align: CellAlign }[];
  rows: string[][];
  fit: FitResult;
}

function rosterTable(input: RosterDocumentInput): RosterTable {
  const chosen = (input.columns ?? DEFAULT_ROSTER_COLUMNS).filter((k) => k !== BRANCH_COLUMN.key).map(rosterColumn);
  const columns = input.withBranch ? [BRANCH_COLUMN, ...chosen] : chosen;
  const ctx = { date: input.date, maskIdNumbers: input.maskIdNumbers ?? false };
  const rows = rosterRows(columns, input.members, ctx);
  const specs = [NUMBER_COLUMN, ...columns];
  return { specs, rows, fit: fitColumns(specs, rows, textWidth(RECORD, 'landscape'), TABLE_SIZES) };
}

/**
 * How the table will be set, for the export dialog: font size in points, whether free text wraps, and `crowded` when
 * the chosen columns do not fit A4 landscape even at 小五 (suggest fewer columns).
 */
export function rosterLayout(input: RosterDocumentInput): Pick<FitResult, 'size' | 'wraps' | 'crowded'> {
  const { size, wraps, crowded } = rosterTable(input).fit;
  return { size, wraps, crowded };
}

export function buildRosterDocument(input: RosterDocumentInput): Document {
  const { specs, rows, fit } = rosterTable(input);
  const preset = withTableSize(RECORD, fit.size);
  const tableColumns: TableColumn[] = specs.map((c, i) => ({ header: c.header, align: c.align, width: fit.widths[i]! }));
  return createDocument({
    preset,
    title: rosterTitle(input.branchName),
    sections: [
      {
        orientation: 'landscape',
        pageNumbers: 'ofTotal',
        children: [
          title(preset, rosterTitle(input.branchName)),
          subtitle(preset, dateLine(input)),
          dataTable(preset, { columns: tableColumns, rows }),
        ],
      },
    ],
  });
}
