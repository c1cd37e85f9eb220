/**
 * 字数 as Chinese writers count it, following Microsoft Word's 字数统计 (the convention they check limits against):
 * - each Chinese character (and kana) counts one;
 * - each full-width punctuation mark or symbol counts one (，。、；：？！“”‘’（）《》【】——……·, full-width letters);
 * - a run of other non-space characters (Latin letters, digits, half-width punctuation: GB/T, 2026-03-12, 36.5%)
 *   counts one word, however long;
 * - spaces (half- and full-width) and line breaks count nothing.
 * So 共有党员36名 is 6, “三会一课” is 6, GB/T 9704 is 2.
 */
import { headingNumbers } from './numbering';
import type { InlineRun, ReportContent } from './model';

export interface WordCount {
  /** 字数: CJK characters plus full-width punctuation plus non-CJK words. */
  words: number;
  /** 中文字符: Chinese characters and full-width punctuation. */
  cjk: number;
  /** 非中文单词: runs of Latin letters, digits and half-width punctuation. */
  latinWords: number;
  /** 字符数（不计空格）. */
  charsNoSpaces: number;
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3001-\u303F\u3040-\u30FF\uFF01-\uFF60\uFFE0-\uFFE6\u2010-\u2027\u00B7\u2E3A\u2E3B\u203B]/u;
const SPACE = /\s/u;

/** Whether a character counts one by itself (a Chinese character or full-width punctuation). */
export function isCjkCountChar(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

export function countWords(text: string): WordCount {
  let cjk = 0;
  let latinWords = 0;
  let charsNoSpaces = 0;
  let inWord = false;
  for (const ch of text) {
    if (SPACE.test(ch)) {
      inWord = false;
      continue;
    }
    charsNoSpaces++;
    if (isCjkCountChar(ch)) {
      cjk++;
      inWord = false;
    } else if (!inWord) {
      latinWords++;
      inWord = true;
    }
  }
  return { words: cjk + latinWords, cjk, latinWords, charsNoSpaces };
}

function add(a: WordCount, b: WordCount): WordCount {
  return { words: a.words + b.words, cjk: a.cjk + b.cjk, latinWords: a.latinWords + b.latinWords, charsNoSpaces: a.charsNoSpaces + b.charsNoSpaces };
}

/** Typed text and figures; an open slot (待补充) is not yet content and counts nothing. */
function runsContent(runs: readonly InlineRun[]): string {
  return runs.map((r) => (r.kind === 'slot' ? '' : r.kind === 'text' ? r.text : `${r.value}${r.unit}`)).join('');
}

/** 2026-12-20 → 2026年12月20日, the 落款 date as printed. */
export function printedDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The 字数 of a report as printed: the title, the headings with their numbers, paragraphs, list items, table captions
 * and cells, chart captions and the 落款 (issuer and date). Placeholders and open slots count nothing: they are not
 * written yet. Each block is counted on its own, so a word never runs across two blocks.
 */
export function reportWordCount(report: ReportContent): WordCount {
  const numbers = headingNumbers(report.blocks);
  const texts: string[] = [report.title, report.issuer, printedDate(report.issueDate)];
  for (const b of report.blocks) {
    if (b.kind === 'heading') texts.push(numbers.get(b.id)! + b.text);
    else if (b.kind === 'paragraph') texts.push(runsContent(b.runs));
    else if (b.kind === 'list') texts.push(...b.items.map((item) => runsContent(item.runs)));
    else if (b.kind === 'table') texts.push(b.caption, ...b.columns.map((c) => c.label), ...b.rows.flat());
    else if (b.kind === 'chart') texts.push(b.caption);
  }
  return texts.map(countWords).reduce(add, { words: 0, cjk: 0, latinWords: 0, charsNoSpaces: 0 });
}
