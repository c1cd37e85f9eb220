/**
 * Editing the outline as pure functions on the block list. A section is a heading with everything under it: the
 * blocks up to the next heading of the same or a higher level. A block that is not a heading is a section of one.
 * Each operation returns a new list, or the same list (===) when it does not apply (see outlineActions).
 */
import type { HeadingLevel, ReportBlock } from './model';

function indexOf(blocks: readonly ReportBlock[], id: string): number {
  const i = blocks.findIndex((b) => b.id === id);
  if (i < 0) throw new Error(`no block ${id}`);
  return i;
}

/** [start, end) of the section that starts at block `id`. */
export function sectionRange(blocks: readonly ReportBlock[], id: string): [number, number] {
  const start = indexOf(blocks, id);
  const head = blocks[start]!;
  if (head.kind !== 'heading') return [start, start + 1];
  let end = start + 1;
  while (end < blocks.length) {
    const b = blocks[end]!;
    if (b.kind === 'heading' && b.level <= head.level) break;
    end++;
  }
  return [start, end];
}

/** The start of the previous section at the same level under the same parent heading, or -1. */
function previousSibling(blocks: readonly ReportBlock[], start: number): number {
  const head = blocks[start]!;
  if (head.kind !== 'heading') return start - 1;
  for (let i = start - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind !== 'heading') continue;
    if (b.level === head.level) return i;
    if (b.level < head.level) return -1;
  }
  return -1;
}

/** The next section at the same level under the same parent, as [start, end), or null. */
function nextSibling(blocks: readonly ReportBlock[], end: number, head: ReportBlock): [number, number] | null {
  const next = blocks[end];
  if (!next) return null;
  if (head.kind !== 'heading') return [end, end + 1];
  if (next.kind !== 'heading' || next.level !== head.level) return null;
  return sectionRange(blocks, next.id);
}

/** Moves the section of `id` to `index` of the list without it (0: first; the list's length: last). */
export function moveSectionTo(blocks: readonly ReportBlock[], id: string, index: number): ReportBlock[] {
  const [start, end] = sectionRange(blocks, id);
  const section = blocks.slice(start, end);
  const rest = [...blocks.slice(0, start), ...blocks.slice(end)];
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), ...section, ...rest.slice(at)];
}

/** Swaps a section with the one before it at its level (a heading with its content; a block with the one before). */
export function moveSectionUp(blocks: readonly ReportBlock[], id: string): readonly ReportBlock[] {
  const [start] = sectionRange(blocks, id);
  const before = previousSibling(blocks, start);
  return before < 0 ? blocks : moveSectionTo(blocks, id, before);
}

/** Swaps a section with the one after it at its level. */
export function moveSectionDown(blocks: readonly ReportBlock[], id: string): readonly ReportBlock[] {
  const [start, end] = sectionRange(blocks, id);
  const next = nextSibling(blocks, end, blocks[start]!);
  if (!next) return blocks;
  return moveSectionTo(blocks, id, start + (next[1] - next[0]));
}

function shiftLevels(blocks: readonly ReportBlock[], id: string, by: -1 | 1): ReportBlock[] {
  const [start, end] = sectionRange(blocks, id);
  return blocks.map((b, i) => (i >= start && i < end && b.kind === 'heading' ? { ...b, level: (b.level + by) as HeadingLevel } : b));
}

function canShift(blocks: readonly ReportBlock[], id: string, by: -1 | 1): boolean {
  const [start, end] = sectionRange(blocks, id);
  const head = blocks[start]!;
  if (head.kind !== 'heading') return false;
  const levels = blocks.slice(start, end).flatMap((b) => (b.kind === 'heading' ? [b.level + by] : []));
  if (levels.some((l) => l < 1 || l > 4)) return false;
  // Demoting makes the section a child of the section before it: there must be one at its level.
  return by === -1 || previousSibling(blocks, start) >= 0;
}

/** Raises a heading and the headings under it one level (（一） becomes 一、). */
export function promoteSection(blocks: readonly ReportBlock[], id: string): readonly ReportBlock[] {
  return canShift(blocks, id, -1) ? shiftLevels(blocks, id, -1) : blocks;
}

/** Lowers a heading and the headings under it one level, into the section before it (一、 becomes （一）). */
export function demoteSection(blocks: readonly ReportBlock[], id: string): readonly ReportBlock[] {
  return canShift(blocks, id, 1) ? shiftLevels(blocks, id, 1) : blocks;
}

/** Which outline operations apply to block `id` (the buttons the editor enables). */
export function outlineActions(blocks: readonly ReportBlock[], id: string): { up: boolean; down: boolean; promote: boolean; demote: boolean } {
  const [start, end] = sectionRange(blocks, id);
  return {
    up: previousSibling(blocks, start) >= 0,
    down: nextSibling(blocks, end, blocks[start]!) !== null,
    promote: canShift(blocks, id, -1),
    demote: canShift(blocks, id, 1),
  };
}

/** Inserts blocks after block `afterId` (null: at the start). */
export function insertBlocks(blocks: readonly ReportBlock[], afterId: string | null, added: readonly ReportBlock[]): ReportBlock[] {
  const at = afterId === null ? 0 : indexOf(blocks, afterId) + 1;
  return [...blocks.slice(0, at), ...added, ...blocks.slice(at)];
}

/** Inserts blocks at the end of the section of `headingId` (a new paragraph or sub-section in it). */
export function appendToSection(blocks: readonly ReportBlock[], headingId: string, added: readonly ReportBlock[]): ReportBlock[] {
  const [, end] = sectionRange(blocks, headingId);
  return [...blocks.slice(0, end), ...added, ...blocks.slice(end)];
}

/** Deletes one block; a deleted heading's content joins the section before it. */
export function deleteBlock(blocks: readonly ReportBlock[], id: string): ReportBlock[] {
  const i = indexOf(blocks, id);
  return [...blocks.slice(0, i), ...blocks.slice(i + 1)];
}

/** Deletes a heading with everything under it. */
export function deleteSection(blocks: readonly ReportBlock[], id: string): ReportBlock[] {
  const [start, end] = sectionRange(blocks, id);
  return [...blocks.slice(0, start), ...blocks.slice(end)];
}

/** Replaces one block by id (an edit of its text or level), keeping its place. */
export function replaceBlock(blocks: readonly ReportBlock[], block: ReportBlock): ReportBlock[] {
  const i = indexOf(blocks, block.id);
  return blocks.map((b, j) => (j === i ? block : b));
}
