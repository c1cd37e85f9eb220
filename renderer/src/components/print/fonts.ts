/**
 * Font stacks of the preview per FontRole: the official face first (when this computer has it), then the bundled
 * stand-in the layout engine measured. Which official faces are missing is found by comparing canvas widths.
 */
import type { FontRole } from '../../../../shared/documents/model';
import { FONT } from '../../../../shared/documents/fonts';
import './fonts.css';

interface RoleFonts {
  /** The official face and its other names, most specific first. */
  official: string[];
  standIn: string;
  standInWeight: number;
  /** The stand-in's name in the note shown to the user. */
  standInLabel: string;
}

export const ROLE_FONTS: Record<FontRole, RoleFonts> = {
  fangsong: { official: [FONT.fangsong, '仿宋', 'FangSong', 'STFangsong'], standIn: 'Noto Serif SC', standInWeight: 400, standInLabel: '思源宋体（Noto Serif SC）' },
  songti: { official: [FONT.songti, 'SimSun', 'STSong'], standIn: 'Noto Serif SC', standInWeight: 400, standInLabel: '思源宋体（Noto Serif SC）' },
  xiaobiaosong: { official: [FONT.xiaobiaosong, 'FZXiaoBiaoSong-B05S'], standIn: 'Noto Serif SC', standInWeight: 700, standInLabel: '思源宋体粗体（Noto Serif SC Bold）' },
  heiti: { official: [FONT.heiti, 'SimHei', 'STHeiti'], standIn: 'Noto Sans SC', standInWeight: 400, standInLabel: '思源黑体（Noto Sans SC）' },
  kaiti: { official: [FONT.kaiti, '楷体', 'KaiTi', 'STKaiti'], standIn: 'LXGW WenKai', standInWeight: 500, standInLabel: '霞鹜文楷（LXGW WenKai）' },
};

const quote = (name: string) => `"${name}"`;

/** The CSS font-family of a role: the official names, then the stand-in, then a generic family. */
export function fontFamily(role: FontRole): string {
  const f = ROLE_FONTS[role];
  return [...f.official, f.standIn].map(quote).join(', ') + (role === 'heiti' ? ', sans-serif' : ', serif');
}

/** CSS font-weight of a role's text: 方正小标宋 is a bold-looking regular face; its stand-in is the bold weight. */
export function fontWeight(role: FontRole, bold: boolean | undefined, officialInstalled: boolean): number {
  if (bold) return 700;
  return officialInstalled ? 400 : ROLE_FONTS[role].standInWeight;
}

const PROBE = '永和仿宋黑体楷体ABCabc123';

/** Whether a font is installed: text in "<name>", <generic> measures differently from <generic> alone. */
export function isFontInstalled(name: string, ctx: CanvasRenderingContext2D | null): boolean {
  if (!ctx) return false;
  for (const generic of ['monospace', 'serif', 'sans-serif']) {
    ctx.font = `40px ${generic}`;
    const base = ctx.measureText(PROBE).width;
    ctx.font = `40px ${quote(name)}, ${generic}`;
    if (ctx.measureText(PROBE).width !== base) return true;
  }
  return false;
}

let installedCache: Map<FontRole, boolean> | null = null;

/** Per role, whether one of its official faces is installed here (measured once per window). */
export function officialFonts(): Map<FontRole, boolean> {
  if (installedCache) return installedCache;
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  installedCache = new Map(
    (Object.keys(ROLE_FONTS) as FontRole[]).map((role) => [role, ROLE_FONTS[role].official.some((n) => isFontInstalled(n, ctx))]),
  );
  return installedCache;
}

/** The note naming substituted faces, e.g. 本机没有“仿宋_GB2312”，预览以“思源宋体（Noto Serif SC）”代替…; null when none. */
export function substitutionNote(roles: Iterable<FontRole>, installed: Map<FontRole, boolean>): string | null {
  const parts: string[] = [];
  const seen = new Set<FontRole>();
  for (const role of roles) {
    if (seen.has(role) || installed.get(role)) continue;
    seen.add(role);
    parts.push(`本机没有“${ROLE_FONTS[role].official[0]}”，预览以“${ROLE_FONTS[role].standInLabel}”代替`);
  }
  return parts.length ? `${parts.join('；')}。字形略有不同，版面相同：分行、分页都按标准字体的字宽计算。` : null;
}
