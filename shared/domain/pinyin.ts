/** Pinyin keys for names: initials (张三 -> zs) and full pinyin (zhangsan), surnames read as surnames. */
import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  /** First letters of the syllables: 张三 -> zs. */
  initials: string;
  /** Full pinyin without tones, ü written v: 吕布 -> lvbu. */
  full: string;
}

function firstChar(syllable: string): string {
  const code = syllable.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** Both keys from one reading of the name (reading a name is the costly part of a bulk import). */
export function namePinyin(name: string): NamePinyin {
  const syllables = pinyin(name, { toneType: 'none', surname: 'head', type: 'array', v: true });
  return { initials: syllables.map(firstChar).join('').toLowerCase(), full: syllables.join('').toLowerCase() };
}

export function pinyinInitials(name: string): string {
  return namePinyin(name).initials;
}

export function pinyinFull(name: string): string {
  return namePinyin(name).full;
}

/** The text the roster search looks in: name, initials, full pinyin and ID number. */
export function memberSearchText(name: string, idNumber: string, keys: NamePinyin = namePinyin(name)): string {
  return `${name.toLowerCase()} ${keys.initials} ${keys.full} ${idNumber.toLowerCase()}`;
}

/** 张三 -> '张三 zs zhangsan': a list searched by name finds it by its characters, initials or full pinyin. */
export function nameSearchKey(name: string): string {
  const keys = namePinyin(name);
  return `${name.toLowerCase()} ${keys.initials} ${keys.full}`;
}

/** What the user typed, in the form it is looked up (spaces dropped, lower case, full-width folded). */
export function normalizeSearchQuery(q: string): string {
  return q
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toLowerCase();
}
