/** A document title broken into lines that fit the text width: after the unit's name first, then wherever it must. */
import { measureTextSafe } from '../../shared/documents/metrics';

function width(text: string, size: number): number {
  return measureTextSafe(text, 'xiaobiaosong', size);
}

/** Breaks `text` into pieces no wider than `max` twips at `size` points. */
function breakEvenly(text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && width(line + ch, size) > max) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  return line ? [...lines, line] : lines;
}

/** “<unit><what>” on one line if it fits, else the unit on its own line(s) and the document's name under it. */
export function titleLines(unit: string, what: string, size: number, max: number): string[] {
  const whole = unit + what;
  if (width(whole, size) <= max) return [whole];
  return [...breakEvenly(unit, size, max), ...breakEvenly(what, size, max)];
}
