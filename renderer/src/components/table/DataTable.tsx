/**
 * The one list table of the app, on antd's Table: the header stays put and in step with the rows (also when the
 * keyboard focuses a header), the body can fill the window's height, and one row can be highlighted (a record
 * just saved). Column choice is in useColumnChoice, so a screen may place its chooser where it fits.
 */
import { ConfigProvider, Table, type TableProps } from 'antd';
import type { Key } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import './dataTable.css';

type TableRef = { nativeElement?: HTMLElement; scrollTo: (c: { top?: number; left?: number; index?: number; key?: Key }) => void };

export interface DataTableProps<T> extends Omit<TableProps<T>, 'scroll'> {
  /** Fill the window down to its bottom edge (less bottomGap px); at least minBodyHeight px of rows. */
  fillHeight?: boolean;
  bottomGap?: number;
  minBodyHeight?: number;
  /** Sideways width of all columns; default: the sum of the column widths. */
  scrollX?: number;
  /** A fixed body height (instead of fillHeight). */
  scrollY?: number;
  /** The row key to mark (e.g. the record just saved): it gets the class `data-table-row-highlight`. */
  highlightKey?: Key | null;
  tableRef?: React.Ref<TableRef>;
}

/** Compact rows, so that a 768-pixel-high window still shows a dozen of them. */
const COMPACT = { components: { Table: { cellPaddingBlockSM: 5, cellPaddingInlineSM: 8, headerBg: '#f2f2f2' } } };

function columnWidthSum(columns: TableProps<unknown>['columns']): number {
  return (columns ?? []).reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 100), 0);
}

/** The body height that makes the table end bottomGap px above the window's bottom edge. */
function useFillHeight(wrap: React.RefObject<HTMLDivElement | null>, enabled: boolean, bottomGap: number, minHeight: number): number {
  const [height, setHeight] = useState(minHeight);
  useLayoutEffect(() => {
    if (!enabled) return;
    const measure = () => {
      const el = wrap.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const header = el.querySelector('.ant-table-header')?.getBoundingClientRect().height ?? 40;
      setHeight(Math.max(minHeight, Math.floor(window.innerHeight - top - header - bottomGap)));
    };
    measure();
    // What sits above the table (filters wrapping, an alert) may change its top; so may the window.
    const observer = new ResizeObserver(measure);
    if (wrap.current?.parentElement) observer.observe(wrap.current.parentElement);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [enabled, bottomGap, minHeight, wrap]);
  return height;
}

/**
 * antd keeps the header in its own box with hidden overflow and follows the body's sideways scrolling. A header cell
 * focused by Tab scrolls that box by itself, which the body never learns of: the labels then sit over the wrong
 * columns. This scrolls the body to where the header went, and the table brings the two together again.
 */
function useHeaderFollowsFocus(wrap: React.RefObject<HTMLDivElement | null>, table: React.RefObject<TableRef | null>): void {
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const onScroll = (e: Event) => {
      const header = e.target as HTMLElement;
      if (!(header instanceof HTMLElement) || !header.classList.contains('ant-table-header')) return;
      const body = el.querySelector<HTMLElement>('.ant-table-body');
      if (body) {
        if (body.scrollLeft !== header.scrollLeft) body.scrollLeft = header.scrollLeft;
      } else {
        // The virtual list has no scrolling element of its own: it scrolls through the table's ref.
        table.current?.scrollTo({ left: header.scrollLeft });
      }
    };
    el.addEventListener('scroll', onScroll, true);
    return () => el.removeEventListener('scroll', onScroll, true);
  }, [wrap, table]);
}

function keyOfRecord<T>(record: T, rowKey: TableProps<T>['rowKey']): Key {
  return typeof rowKey === 'function' ? rowKey(record) : (record as Record<string, Key>)[rowKey as string]!;
}

export function DataTable<T extends object>({
  fillHeight = false,
  bottomGap = 8,
  minBodyHeight = 240,
  scrollX,
  scrollY,
  highlightKey = null,
  tableRef,
  rowClassName,
  rowKey = 'id',
  columns,
  className,
  ...rest
}: DataTableProps<T>) {
  const wrap = useRef<HTMLDivElement>(null);
  const ownRef = useRef<TableRef | null>(null);
  const filled = useFillHeight(wrap, fillHeight, bottomGap, minBodyHeight);
  useHeaderFollowsFocus(wrap, ownRef);
  // The highlighted row (a record just saved) is brought into view once its row is there.
  const highlightShown = highlightKey !== null && (rest.dataSource ?? []).some((r) => keyOfRecord(r, rowKey) === highlightKey);
  useEffect(() => {
    if (highlightShown) ownRef.current?.scrollTo({ key: highlightKey! });
  }, [highlightKey, highlightShown]); // eslint-disable-line react-hooks/exhaustive-deps

  const setRef = (t: TableRef | null) => {
    ownRef.current = t;
    if (typeof tableRef === 'function') tableRef(t);
    else if (tableRef) (tableRef as React.RefObject<TableRef | null>).current = t;
  };
  const classOf = (record: T, index: number, indent: number): string =>
    [
      typeof rowClassName === 'function' ? rowClassName(record, index, indent) : (rowClassName ?? ''),
      highlightKey !== null && keyOfRecord(record, rowKey) === highlightKey ? 'data-table-row-highlight' : '',
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <div ref={wrap} className={['data-table', fillHeight ? 'data-table-fill' : '', className].filter(Boolean).join(' ')}>
      <ConfigProvider theme={COMPACT}>
        <Table<T>
          ref={setRef as never}
          size="small"
          rowKey={rowKey}
          columns={columns}
          scroll={{ x: scrollX ?? columnWidthSum(columns as TableProps<unknown>['columns']), y: fillHeight ? filled : scrollY }}
          rowClassName={classOf}
          {...rest}
        />
      </ConfigProvider>
    </div>
  );
}
