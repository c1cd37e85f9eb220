/**
 * Refreshing what a report took from facts: a figure, a table or a chart takes the fact's current value and
 * fingerprint. Only these elements change; text the writer typed is never touched.
 */
import type { FactData, FactValue } from '../facts';
import { factRefKey, formatFigureValue, type ChartBlock, type FactLink, type InlineRun, type ReportBlock, type ReportContent, type TableBlock } from './model';
import { figureValue } from './proofStructure';

function relink(link: FactLink, fact: FactValue, now: string): FactLink {
  return { ...link, fingerprint: fact.fingerprint, insertedAt: now };
}

/** A table fact's columns and rows as the cells a table block keeps. */
export function tableFromFact(data: FactData): Pick<TableBlock, 'columns' | 'rows'> {
  if (data.kind === 'table') return { columns: data.columns, rows: data.rows.map((r) => data.columns.map((c) => cellText(r.cells[c.key]))) };
  if (data.kind === 'series')
    return { columns: [{ key: 'label', label: '项目' }, { key: 'value', label: '数量' }], rows: data.points.map((pt) => [pt.label, formatFigureValue(pt.value)]) };
  return { columns: [{ key: 'value', label: '数量' }], rows: [[formatFigureValue(data.value)]] };
}

function cellText(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : typeof v === 'number' ? formatFigureValue(v) : v;
}

/** A series fact's points as a chart keeps them (a figure is one point). */
export function chartPointsFromFact(data: FactData, title: string): ChartBlock['chart']['points'] {
  if (data.kind === 'series') return data.points.map(({ key, label, value }) => ({ key, label, value }));
  if (data.kind === 'figure') return [{ key: 'value', label: title, value: data.value }];
  return [];
}

export interface RefreshOptions {
  /** The facts as they are now, by factRefKey. */
  facts: ReadonlyMap<string, FactValue>;
  /** ISO timestamp recorded on what is refreshed. */
  now: string;
  /** Refresh only this figure, table or chart (by id); all when absent. */
  only?: string;
}

/**
 * The report with its stale figures, tables and charts brought up to date. An element is refreshed when its fact is
 * given and its fingerprint differs; a figure whose point is gone from the fact keeps its old value (proofreading
 * flags it).
 */
export function refreshReport(report: ReportContent, options: RefreshOptions): ReportContent {
  const { facts, now, only } = options;
  const current = (id: string, link: FactLink) => {
    if (only !== undefined && only !== id) return null;
    const fact = facts.get(factRefKey(link.factKey, link.period));
    return fact && fact.fingerprint !== link.fingerprint ? fact : null;
  };
  const runs = (rs: InlineRun[]): InlineRun[] =>
    rs.map((r) => {
      if (r.kind !== 'figure') return r;
      const fact = current(r.id, r.link);
      const value = fact && figureValue(fact.data, r.pointKey);
      return fact && value !== null ? { ...r, value: value!, link: relink(r.link, fact, now) } : r;
    });
  const block = (b: ReportBlock): ReportBlock => {
    if (b.kind === 'paragraph') return { ...b, runs: runs(b.runs) };
    if (b.kind === 'list') return { ...b, items: b.items.map((item) => ({ ...item, runs: runs(item.runs) })) };
    if (b.kind === 'table' && b.link) {
      const fact = current(b.id, b.link);
      return fact ? { ...b, ...tableFromFact(fact.data), link: relink(b.link, fact, now) } : b;
    }
    if (b.kind === 'chart') {
      const fact = current(b.id, b.chart.link);
      return fact ? { ...b, chart: { ...b.chart, points: chartPointsFromFact(fact.data, fact.title), link: relink(b.chart.link, fact, now) } } : b;
    }
    return b;
  };
  return { ...report, blocks: report.blocks.map(block) };
}
