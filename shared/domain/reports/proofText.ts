/** Proofreading rules that read one piece of text at a time: punctuation, paired marks, repeated characters. */
import type { Segment, UnkeyedFlag } from './proofFlags';
import { isCjkCountChar } from './wordCount';

const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && isCjkCountChar(ch);
}

function neighbour(text: string, i: number, step: -1 | 1): string | undefined {
  for (let j = i + step; j >= 0 && j < text.length; j += step) if (text[j] !== ' ') return text[j];
  return undefined;
}

/**
 * Half-width , . ; : ? ! ( ) " ' next to Chinese text (a Chinese character or full-width mark on either side,
 * spaces skipped). Between digits or Latin words they stay (3.5, 9:30, 1,000, GB/T 9704). A full stop flags only after
 * Chinese text and not before a digit (2026年3.5 is rare; 第3.2节 is not flagged).
 */
export function halfWidthPunctuation(seg: Segment): UnkeyedFlag[] {
  const flags: UnkeyedFlag[] = [];
  const quoteCount = { '"': 0, "'": 0 };
  const { text } = seg;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const isQuote = ch === '"' || ch === "'";
    if (!isQuote && !(ch in FULL_WIDTH)) continue;
    const prev = neighbour(text, i, -1);
    const next = neighbour(text, i, 1);
    const chinese = ch === '.' ? isCjk(prev) && !/\d/.test(next ?? '') : isCjk(prev) || isCjk(next);
    let suggestion = FULL_WIDTH[ch];
    if (isQuote) {
      const opening = quoteCount[ch] % 2 === 0;
      quoteCount[ch]++;
      suggestion = ch === '"' ? (opening ? '“' : '”') : opening ? '‘' : '’';
    }
    if (!chinese || !suggestion) continue;
    flags.push({ rule: 'halfWidthPunctuation', blockId: seg.blockId, offset: i, length: 1, message: `中文中用了半角标点“${ch}”，应为全角“${suggestion}”`, suggestion });
  }
  return flags;
}

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】', '〔': '〕' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

/** Quotes and brackets that open without closing or close without opening (“” ‘’ （） 《》 【】 〔〕), per block. */
export function unbalancedPairs(seg: Segment): UnkeyedFlag[] {
  const flags: UnkeyedFlag[] = [];
  const open: { ch: string; at: number }[] = [];
  const flag = (at: number, message: string) => flags.push({ rule: 'unbalancedPairs', blockId: seg.blockId, offset: at, length: 1, message });
  const unclosed = (o: { ch: string; at: number }) => flag(o.at, `“${o.ch}”没有对应的“${PAIRS[o.ch]}”`);
  const { text } = seg;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch in PAIRS) open.push({ ch, at: i });
    const opener = CLOSERS.get(ch);
    if (!opener) continue;
    // ’ between Latin letters is an apostrophe (don’t).
    if (ch === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
    const match = open.map((o) => o.ch).lastIndexOf(opener);
    if (match < 0) {
      flag(i, `“${ch}”没有对应的“${opener}”`);
      continue;
    }
    open.splice(match).slice(1).forEach(unclosed);
  }
  open.forEach(unclosed);
  return flags.sort((a, b) => a.offset - b.offset);
}

/** Doubled characters that are words, not slips (谢谢, 常常, 人人 …). */
export const REPEAT_ALLOW_LIST: ReadonlySet<string> = new Set(
  [
    '谢谢 常常 人人 天天 年年 月月 日日 处处 时时 事事 个个 家家 户户 渐渐 刚刚 仅仅 往往 纷纷 默默 悄悄 稍稍 略略 慢慢',
    '好好 多多 久久 层层 步步 级级 条条 件件 项项 声声 点点 滴滴 一一 匆匆 冉冉 熊熊 蒸蒸 欣欣 井井 津津 孜孜 兢兢',
    '勤勤 恳恳 轰轰 烈烈 切切 实实 在在 扎扎 明明 白白 清清 楚楚 平平 安安 高高 大大 小小 深深 浅浅 种种 样样 头头',
    '哈哈 星星 妈妈 爸爸 姐姐 弟弟 哥哥 妹妹 奶奶 爷爷 叔叔 婶婶 舅舅 姥姥 宝宝 娃娃 偏偏 统统 通通 足足 整整 区区',
    '洋洋 滔滔 勃勃 油油 乎乎 彤彤 晶晶 赫赫 累累 历历 栩栩 彬彬 循循 谆谆 殷殷 拳拳 侃侃 楚楚 亭亭 翩翩 炯炯 脉脉',
  ]
    .join(' ')
    .split(' '),
);

const DOUBLED = /(\p{Script=Han}|[，。、；：？！])\1/gu;

/**
 * The same character twice in a row (的的, 了了, 。。), except words of the allow-list and reduplications of two
 * characters (认认真真, 扎扎实实: AABB). …… and —— are whole marks and never flagged.
 */
export function repeatedCharacters(seg: Segment): UnkeyedFlag[] {
  const flags: UnkeyedFlag[] = [];
  const { text } = seg;
  for (const m of text.matchAll(DOUBLED)) {
    const at = m.index;
    const ch = m[1]!;
    if (REPEAT_ALLOW_LIST.has(m[0])) continue;
    const isAabbFirst = text[at + 2] !== undefined && text[at + 2] !== ch && text[at + 2] === text[at + 3];
    const isAabbSecond = at >= 2 && text[at - 2] === text[at - 1] && text[at - 1] !== ch;
    if (/\p{Script=Han}/u.test(ch) && (isAabbFirst || isAabbSecond)) continue;
    flags.push({ rule: 'repeatedCharacters', blockId: seg.blockId, offset: at, length: 2, message: `“${ch}”重复了`, suggestion: ch });
  }
  return flags;
}
