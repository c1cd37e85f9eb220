/** Draws one laid-out page exactly: every line absolutely positioned in points, never wrapped again by the browser. */
import { memo, type CSSProperties } from 'react';
import type { FontRole, LaidOutPage, PageBox, PageImage, PageText } from '../../../../shared/documents/model';
import { fontFamily, fontWeight } from './fonts';

/** Twips to a CSS length in points. */
export const pt = (twips: number): string => `${twips / 20}pt`;
/** Twips to CSS pixels (96 px = 72 pt = 1440 twips). */
export const twipsToPx = (twips: number): number => twips / 15;

export function textStyle(t: PageText, installed: Map<FontRole, boolean>): CSSProperties {
  const style: CSSProperties = {
    left: pt(t.x),
    top: pt(t.y),
    width: pt(t.w),
    height: pt(t.h),
    lineHeight: pt(t.h),
    fontFamily: fontFamily(t.font),
    fontSize: `${t.size}pt`,
    fontWeight: fontWeight(t.font, t.bold, installed.get(t.font) ?? false),
    textAlign: t.align,
  };
  if (t.align === 'justify') style.textAlignLast = 'justify';
  if (t.letterSpacing) style.letterSpacing = pt(t.letterSpacing);
  return style;
}

/** A border in eighths of a point, centred on the box's edge as Word draws it (shared edges of cells coincide). */
export function boxStyle(b: PageBox): CSSProperties {
  const eighths = (e: number | undefined) => (e ?? 0) / 8;
  const [top, right, bottom, left] = [eighths(b.top), eighths(b.right), eighths(b.bottom), eighths(b.left)] as const;
  const side = (w: number) => (w > 0 ? `${w}pt solid #000` : 'none');
  return {
    left: `calc(${pt(b.x)} - ${left / 2}pt)`,
    top: `calc(${pt(b.y)} - ${top / 2}pt)`,
    width: `calc(${pt(b.w)} + ${(left + right) / 2}pt)`,
    height: `calc(${pt(b.h)} + ${(top + bottom) / 2}pt)`,
    borderTop: side(top),
    borderRight: side(right),
    borderBottom: side(bottom),
    borderLeft: side(left),
  };
}

function imageStyle(i: PageImage): CSSProperties {
  return { left: pt(i.x), top: pt(i.y), width: pt(i.w), height: pt(i.h) };
}

/** The page-number line with {page} and {total} filled in. */
export function footerText(text: string, page: number, total: number | null): string {
  return text.replaceAll('{page}', String(page)).replaceAll('{total}', total === null ? '…' : String(total));
}

/** An SVG drawing as an image: self-contained markup, shown through a data: URL (no script runs in it). */
const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

interface Props {
  page: LaidOutPage;
  total: number | null;
  installed: Map<FontRole, boolean>;
  /** A print sheet: a hair shorter than A4 so rounding never spills a blank sheet after it. */
  sheet?: boolean;
}

export const PrintPage = memo(function PrintPage({ page, total, installed, sheet }: Props) {
  return (
    <div
      className="bd-print-page"
      data-page={page.number}
      style={{ width: pt(page.width), height: pt(sheet ? page.height - 20 : page.height) }}
      aria-label={`第 ${page.number} 页`}
      role="img"
    >
      {page.boxes.map((b, i) => (
        <div key={`b${i}`} className="bd-print-box" style={boxStyle(b)} />
      ))}
      {page.images.map((img, i) => (
        <img key={`i${i}`} className="bd-print-image" style={imageStyle(img)} src={svgUrl(img.svg)} alt="" />
      ))}
      {page.texts.map((t, i) => (
        <div key={`t${i}`} className="bd-print-text" style={textStyle(t, installed)}>
          {t.runs
            ? t.runs.map((run, k) => (
                <span key={k} style={{ fontFamily: fontFamily(run.font), fontWeight: fontWeight(run.font, t.bold, installed.get(run.font) ?? false) }}>
                  {run.text}
                </span>
              ))
            : t.text}
        </div>
      ))}
      {page.footer && (
        <div className="bd-print-text" style={textStyle(page.footer, installed)}>
          {footerText(page.footer.text, page.number, total)}
        </div>
      )}
    </div>
  );
});
