/** Heading numbers (一、 （一） 1. （1）), computed from the block order every time: the text never holds them. */
import { HeadingCounter } from '../numerals';
import type { ReportBlock } from './model';

/** The number of every heading, by block id, in order (a level-2 heading after a level-1 one starts at （一）). */
export function headingNumbers(blocks: readonly ReportBlock[]): Map<string, string> {
  const counter = new HeadingCounter();
  const numbers = new Map<string, string>();
  for (const b of blocks) if (b.kind === 'heading') numbers.set(b.id, counter.next(b.level));
  return numbers;
}

/** A heading as printed: its number, then its words (一、基本情况). */
export function numberedHeadings(blocks: readonly ReportBlock[]): { id: string; level: number; text: string }[] {
  const numbers = headingNumbers(blocks);
  return blocks.flatMap((b) => (b.kind === 'heading' ? [{ id: b.id, level: b.level, text: numbers.get(b.id)! + b.text }] : []));
}
