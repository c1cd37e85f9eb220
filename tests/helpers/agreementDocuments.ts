/**
 * The three documents the preview must lay out as LibreOffice does (issue 9): the default roster of a seeded 300-member
 * branch, the statistics table of 30 party groups and the 公文 sample, each from its real builder. Shared by
 * tests/unit/documents/agreement.test.ts and scripts/layout-agreement.ts; `firstLines` reads LibreOffice's pages alike.
 */
import { buildBranchStatisticsDocument, buildRosterDocument, computeBranchStatistics, type BranchStatistics, type RosterMember } from '../../main/documents';
import { chineseNumeral } from '../../main/services/demo/crew';
import { generateDemoMembers } from '../../main/services/demo/members';
import type { LaidOutPage, PrintDocument } from '../../shared/documents/model';
import { sampleMembers } from './documents';
import { officialSample } from './officialSample';

const DATE = '2026-11-25';
const BRANCH = '中共西部钻探公司第一钻井队党支部';

export function seededRoster(): PrintDocument {
  const members = generateDemoMembers(300, 7, DATE) as unknown as RosterMember[];
  return buildRosterDocument({ branchName: BRANCH, date: DATE, members });
}

/** Statistics of 300 members over `groups` party groups named like the demo crews' (钻井二十二班党小组). */
export function statisticsWithGroups(groups: number): PrintDocument {
  const s = computeBranchStatistics(sampleMembers(300) as RosterMember[], DATE);
  const partyGroups = Array.from({ length: groups }, (_, i) => ({ label: `钻井${chineseNumeral(i + 1)}班党小组`, count: Math.floor(s.total / groups) }));
  partyGroups[0]!.count += s.total - partyGroups.reduce((n, g) => n + g.count, 0);
  const stats: BranchStatistics = { ...s, partyGroups };
  return buildBranchStatisticsDocument({ branchName: BRANCH, date: DATE, stats });
}

/** The three documents of issue 9, and the statistics table of 60 groups (two pages, the 党小组 label repeated). */
export function agreementDocuments(): Record<'roster' | 'statistics' | 'official' | 'statistics60', PrintDocument> {
  return { roster: seededRoster(), statistics: statisticsWithGroups(30), official: officialSample(), statistics60: statisticsWithGroups(60) };
}

/**
 * A line as both sides can be compared: without whitespace (LibreOffice spaces Chinese from digits, justifies lines
 * and pdftotext turns the gaps into spaces) and without a mark hanging past the margin at its end (LibreOffice's PDF
 * leaves it out of the line).
 */
export const normalize = (line: string): string => line.replace(/\s+/g, '').replace(/[，。、]$/, '');

/** Footer lines of the page-number styles: 第 1 页 共 9 页, — 1 —. */
const PAGE_NUMBER = /^(第\d+页共\d+页|—\d+—)$/;

/** The texts of every header cell of the document's tables. */
export function headerCells(doc: PrintDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? b.header.flat().map((c) => (typeof c === 'string' ? c : c.text)) : []));
}

/**
 * The first line of each page of `pdftotext -layout` output, leaving out page numbers and, once a table's header has
 * been printed, the header repeated at the top of the pages it runs onto (a line all of whose words are header cells'
 * text; a wrapped header cell prints over several lines).
 */
export function pdfFirstLines(pages: string[], headers: string[]): string[] {
  const isHeader = (line: string) => {
    const words = line.trim().split(/\s+/);
    return words.every((w) => headers.some((h) => h.replace(/\s+/g, '').includes(w)));
  };
  let headerSeen = false;
  return pages.map((page) => {
    const lines = page.split('\n').filter((l) => l.trim() !== '' && !PAGE_NUMBER.test(normalize(l)));
    let first = 0;
    if (headerSeen) while (first < lines.length && isHeader(lines[first]!)) first++;
    if (lines.some(isHeader)) headerSeen = true;
    return normalize(lines[first] ?? '');
  });
}

export function layoutFirstLines(pages: LaidOutPage[]): string[] {
  return pages.map((p) => normalize(p.firstLine));
}
