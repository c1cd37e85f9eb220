/** Pinyin keys for names: initials (张三 -> zs) and full pinyin (zhangsan), surnames read as surnames. */
import { pinyin } from 'pinyin-pro';

export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', surname: 'head', type: 'array' }).join('').toLowerCase();
}

export function pinyinFull(name: string): string {
  return pinyin(name, { toneType: 'none', surname: 'head', type: 'array', v: true }).join('').toLowerCase();
}

/** The text the roster search looks in: name, initials, full pinyin and ID number. */
export function memberSearchText(name: string, idNumber: string): string {
  return `${name.toLowerCase()} ${pinyinInitials(name)} ${pinyinFull(name)} ${idNumber.toLowerCase()}`;
}

/** What the user typed, in the form it is looked up (spaces dropped, lower case, full-width folded). */
export function normalizeSearchQuery(q: string): string {
  return q
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toLowerCase();
}
