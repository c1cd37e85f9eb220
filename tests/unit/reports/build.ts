/** Small builders of report blocks for the report unit tests. */
import type { FactPeriod } from '../../../shared/domain/facts';
import type { FigureRun, HeadingBlock, HeadingLevel, InlineRun, ParagraphBlock, ReportBlock, ReportContent } from '../../../shared/domain/reports/model';

export const YEAR: FactPeriod = { kind: 'range', from: '2026-01-01', to: '2026-12-04' };

export function h(id: string, level: HeadingLevel, text = id): HeadingBlock {
  return { id, kind: 'heading', level, text };
}

export function p(id: string, ...parts: (string | InlineRun)[]): ParagraphBlock {
  return { id, kind: 'paragraph', runs: parts.map((part) => (typeof part === 'string' ? { kind: 'text', text: part } : part)) };
}

export function fig(id: string, value: number, fingerprint = 'fp1', factKey = 'meetings.calendar.heldVsRequired', unit = '次'): FigureRun {
  return { kind: 'figure', id, link: { factKey, period: YEAR, fingerprint, insertedAt: '2026-12-04T08:00:00.000Z' }, pointKey: null, value, unit };
}

export function report(blocks: ReportBlock[], title = '2026年度党支部工作总结'): ReportContent {
  return { title, kind: 'annual', period: { from: '2026-01-01', to: '2026-12-31' }, issuer: '中共某钻井队党支部', issueDate: '2026-12-20', blocks };
}

export const ids = (blocks: readonly ReportBlock[]) => blocks.map((b) => b.id);
