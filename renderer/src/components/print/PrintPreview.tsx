/**
 * 打印预览: a full-window view of a PrintDocument laid out by the layout engine, drawn page by page exactly as it prints.
 * Only pages near the viewport are in the DOM; for printing (打印, 保存 PDF, the browser's own print) every page is
 * rendered into the print sheets, which alone appear on paper, one sheet per page at the document's A4 orientation.
 */
import { Alert, Button, InputNumber, Segmented, Space, Typography } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { FontRole, PrintDocument } from '../../../../shared/documents/model';
import { officialFonts, substitutionNote } from './fonts';
import { PrintPage, twipsToPx } from './PrintPage';
import type { SavePdfResult } from './printBridge';
import { useLaidOutPages } from './useLaidOutPages';
import './print.css';

const GAP_PX = 20;
/** Pages drawn above and below the visible ones. */
const OVERSCAN = 2;

export interface PrintPreviewProps {
  document: PrintDocument;
  onClose(): void;
  /** 导出 Word: absent when the caller offers no Word file. */
  onExportWord?(): void | Promise<void>;
  exportingWord?: boolean;
  /** A note shown above the pages (e.g. the plan's warning that the columns do not fit). */
  notice?: ReactNode;
}

type Zoom = 'fit' | 'actual';

/** Waits until the browser has painted the print sheets with their fonts. */
async function afterPaint(): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await document.fonts.ready;
}

export function PrintPreview({ document: doc, onClose, onExportWord, exportingWord, notice }: PrintPreviewProps) {
  const { pages, count, done, error } = useLaidOutPages(doc);
  const [printAll, setPrintAll] = useState(false);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [viewport, setViewport] = useState({ width: 1000, height: 700, top: 0 });
  const [pdfHint, setPdfHint] = useState<string | null>(null);
  const [savingPdf, setSavingPdf] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const installed = useMemo(() => officialFonts(), []);
  const total = done ? count : null;

  const first = pages[0];
  const pageW = twipsToPx(first?.width ?? 11906);
  const pageH = twipsToPx(first?.height ?? 16838);
  const scale = zoom === 'actual' ? 1 : Math.min(2, Math.max(0.2, (viewport.width - 48) / pageW));
  const slot = pageH * scale + GAP_PX;
  const pageAt = (top: number, height: number) => Math.min(Math.max(1, Math.floor((top + height / 3) / slot) + 1), Math.max(1, count));
  const current = pageAt(viewport.top, viewport.height);
  // Paging steps from where the pages are now, not from the last rendered position (a scroll may not have rendered).
  const liveCurrent = () => (scroller.current ? pageAt(scroller.current.scrollTop, scroller.current.clientHeight) : current);

  const roles = useMemo(() => {
    const used = new Set<FontRole>();
    for (const p of pages.slice(0, Math.min(count, 5))) for (const t of p.texts) used.add(t.font);
    return used;
  }, [pages, count]);
  const fontNote = substitutionNote(roles, installed);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ width: el.clientWidth, height: el.clientHeight, top: el.scrollTop });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    el.focus();
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);

  // The app behind the preview does not scroll while it is open.
  useEffect(() => {
    const before = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => void (document.body.style.overflow = before);
  }, []);

  // The browser's own print (Ctrl+P, or the print media a PDF is made with) must see every page too.
  useEffect(() => {
    const all = () => flushSync(() => setPrintAll(true));
    const back = () => setPrintAll(false);
    const media = window.matchMedia('print');
    const onMedia = (e: MediaQueryListEvent) => (e.matches ? all() : back());
    window.addEventListener('beforeprint', all);
    window.addEventListener('afterprint', back);
    media.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', all);
      window.removeEventListener('afterprint', back);
      media.removeEventListener('change', onMedia);
    };
  }, []);

  const goTo = useCallback(
    (n: number) => {
      const target = Math.min(Math.max(1, Math.round(n)), Math.max(1, count));
      if (scroller.current) scroller.current.scrollTop = (target - 1) * slot;
    },
    [count, slot],
  );

  const print = async () => {
    flushSync(() => setPrintAll(true));
    await afterPaint();
    window.print();
  };

  const savePdf = async () => {
    const bridge = window.branchDeskPrint;
    if (!bridge) {
      setPdfHint('请在打开的打印对话框中，把“目标打印机”选为“另存为 PDF”，再点“保存”。');
      await print();
      return;
    }
    setSavingPdf(true);
    flushSync(() => setPrintAll(true));
    try {
      await afterPaint();
      const result: SavePdfResult = await bridge.savePdf(doc.fileStem);
      if (result.saved) setPdfHint(`已保存 PDF：${result.path}`);
      else if (result.error) setPdfHint(`没能保存 PDF：${result.error}`);
    } finally {
      setPrintAll(false);
      setSavingPdf(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'PageDown') goTo(liveCurrent() + 1);
    else if (e.key === 'PageUp') goTo(liveCurrent() - 1);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
  };

  const from = Math.max(0, Math.floor(viewport.top / slot) - OVERSCAN);
  const to = Math.min(count, Math.ceil((viewport.top + viewport.height) / slot) + OVERSCAN);
  const visible = pages.slice(from, to);
  const orientation = doc.orientation === 'landscape' ? 'landscape' : 'portrait';

  return createPortal(
    <div className="bd-print-root" role="dialog" aria-modal="true" aria-label={`打印预览：${doc.title}`} onKeyDown={onKeyDown}>
      <style>{`@page { size: A4 ${orientation}; margin: 0 }`}</style>
      <div className="bd-print-toolbar">
        <h2 title={doc.title}>打印预览：{doc.title}</h2>
        <span data-testid="print-page-count" aria-live="polite">
          共 {count} 页{done ? '' : '（正在排版…）'}
        </span>
        <Space.Compact>
          <Button onClick={() => goTo(liveCurrent() - 1)} disabled={current <= 1}>
            上一页
          </Button>
          <InputNumber
            aria-label="转到页"
            min={1}
            max={Math.max(1, count)}
            value={current}
            onPressEnter={(e) => goTo(Number((e.target as HTMLInputElement).value))}
            onStep={(v) => goTo(Number(v))}
            style={{ width: 80 }}
          />
          <Button onClick={() => goTo(liveCurrent() + 1)} disabled={current >= count}>
            下一页
          </Button>
        </Space.Compact>
        <Segmented<Zoom>
          aria-label="缩放"
          value={zoom}
          onChange={setZoom}
          options={[
            { label: '适合宽度', value: 'fit' },
            { label: '100%', value: 'actual' },
          ]}
        />
        <span className="bd-print-spacer" />
        {onExportWord && (
          <Button onClick={() => void onExportWord()} loading={exportingWord}>
            导出 Word
          </Button>
        )}
        <Button type="primary" onClick={() => void print()} disabled={!done || !!error}>
          打印
        </Button>
        <Button onClick={() => void savePdf()} disabled={!done || !!error} loading={savingPdf}>
          保存 PDF
        </Button>
        <Button onClick={onClose}>关闭</Button>
      </div>
      <div className="bd-print-notes">
        {notice}
        {error && <Alert type="error" showIcon title={`排版出错：${error}`} />}
        {pdfHint && <Alert type="info" showIcon closable title={pdfHint} onClose={() => setPdfHint(null)} />}
        <Typography.Text type="secondary" data-testid="print-font-note">
          {fontNote ?? '分行、分页都按标准字体的字宽计算，与导出的 Word 文件一致。'}
        </Typography.Text>
      </div>
      <div className="bd-print-scroller" ref={scroller} tabIndex={0} aria-label="预览页面">
        <div style={{ height: count * slot + GAP_PX, position: 'relative' }}>
          {visible.map((page, i) => (
            <div key={page.number} className="bd-print-slot" style={{ top: (from + i) * slot + GAP_PX }}>
              <div style={{ width: pageW * scale, height: pageH * scale }}>
                <div className="bd-print-scaled" style={{ transform: `scale(${scale})` }}>
                  <PrintPage page={page} total={total} installed={installed} />
                </div>
              </div>
            </div>
          ))}
        </div>
      </div>
      {printAll && (
        <div className="bd-print-sheets" data-testid="print-sheets">
          {pages.slice(0, count).map((page) => (
            <PrintPage key={page.number} page={page} total={total} installed={installed} sheet />
          ))}
        </div>
      )}
    </div>,
    document.body,
  );
}
