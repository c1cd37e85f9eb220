/**
 * The editable table of target items that the plan, the post templates and a member's letter share: one row per
 * item, typed into in place, with 上移/下移/删除 and 添加一项, and the running total of points against 100 below it.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Input, InputNumber, Table } from 'antd';
import type { ColumnType } from 'antd/es/table';
import dayjs from 'dayjs';
import { DateInput } from '../../components/DateInput';
import { RefusedDate } from '../../components/dates';
import { sumPoints } from '../../../../shared/domain/targets';
import { pointsTotalText } from './points';

/** One row being edited: the fields the columns name (and the item's stored `key`), plus a row key of its own. */
export type EditRow = { rowKey: string } & Record<string, unknown>;

export interface ItemColumn {
  field: string;
  title: string;
  /** Pixels; none: the column takes a share of the room left (long texts), so the table fits the window. */
  width?: number;
  /** text: one line; long: grows with what is typed; points: a number of points; date: typed date; choice: one of `options` or free text. */
  type: 'text' | 'long' | 'points' | 'amount' | 'date' | 'choice';
  options?: readonly string[];
  maxLength?: number;
  placeholder?: string;
}

let nextKey = 0;
export const newRowKey = (): string => `row-${++nextKey}`;

/** Rows from stored items: each gets a key for the table. */
export function toEditRows<T extends object>(items: readonly T[]): EditRow[] {
  return items.map((item) => ({ ...item, rowKey: newRowKey() }));
}

/** The items to save: the rows without their row keys. */
export function fromEditRows<T>(rows: readonly EditRow[]): T[] {
  return rows.map(({ rowKey: _rowKey, ...item }) => item as T);
}

export function rowsTotal(rows: readonly EditRow[]): number {
  return sumPoints(rows.map((r) => (typeof r.points === 'number' ? r.points : 0)));
}

interface Props {
  /** What the table is called for screen readers (e.g. 年度目标条目). */
  label: string;
  columns: readonly ItemColumn[];
  rows: EditRow[];
  onChange(rows: EditRow[]): void;
  /** A new row's values (its category the previous row's, so a category's items are added quickly). */
  blank(previous: EditRow | undefined): Record<string, unknown>;
  readOnly?: boolean;
  emptyText?: string;
  /** The running total of points against 100 (not for lists that are not weighted, e.g. reward thresholds). */
  showTotal?: boolean;
  addLabel?: string;
  /** What a row is called in its labels: 第 2 项, 第 2 档. */
  unit?: string;
  /** Body height before the table scrolls. */
  scrollY?: number;
}

function cellInput(col: ItemColumn, row: EditRow, index: number, set: (value: unknown) => void, readOnly: boolean, unit: string) {
  const name = `${col.title}（第 ${index + 1} ${unit}）`;
  const value = row[col.field];
  switch (col.type) {
    case 'points':
      return (
        <InputNumber
          aria-label={name}
          min={0}
          max={100}
          step={1}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => set(v ?? null)}
          disabled={readOnly}
          style={{ width: '100%' }}
        />
      );
    case 'amount':
      return (
        <InputNumber
          aria-label={name}
          min={-100000}
          max={100000}
          precision={0}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => set(v ?? null)}
          disabled={readOnly}
          style={{ width: '100%' }}
          placeholder={col.placeholder}
        />
      );
    case 'date':
      return (
        <DateInput
          aria-label={name}
          allowFuture
          value={value instanceof RefusedDate ? value : typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(d) => set(d instanceof RefusedDate ? d : d ? d.format('YYYY-MM-DD') : null)}
          disabled={readOnly}
          style={{ width: '100%' }}
          status={value instanceof RefusedDate ? 'error' : undefined}
          title={value instanceof RefusedDate ? value.reason : undefined}
        />
      );
    case 'choice':
      return (
        <AutoComplete
          aria-label={name}
          value={typeof value === 'string' ? value : ''}
          options={(col.options ?? []).map((o) => ({ value: o }))}
          onChange={(v: string) => set(v)}
          disabled={readOnly}
          maxLength={col.maxLength}
          style={{ width: '100%' }}
          placeholder={col.placeholder}
        />
      );
    case 'long':
      return (
        <Input.TextArea
          aria-label={name}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value)}
          maxLength={col.maxLength}
          disabled={readOnly}
          placeholder={col.placeholder}
        />
      );
    default:
      return (
        <Input
          aria-label={name}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value)}
          maxLength={col.maxLength}
          disabled={readOnly}
          placeholder={col.placeholder}
        />
      );
  }
}

export function ItemsEditor({ label, columns, rows, onChange, blank, readOnly = false, emptyText, showTotal = true, addLabel = '添加一项', unit = '项', scrollY }: Props) {
  const setField = (index: number, field: string, value: unknown) => onChange(rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const to = index + by;
    if (to < 0 || to >= next.length) return;
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
  };
  const add = () => onChange([...rows, { ...blank(rows[rows.length - 1]), key: null, rowKey: newRowKey() }]);

  const tableColumns: ColumnType<EditRow>[] = [
    { key: 'no', title: '序号', width: 56, align: 'center', render: (_v, _r, i) => i + 1 },
    ...columns.map(
      (col): ColumnType<EditRow> => ({
        key: col.field,
        title: col.title,
        width: col.width,
        render: (_v, row, i) => cellInput(col, row, i, (value) => setField(i, col.field, value), readOnly, unit),
      }),
    ),
  ];
  if (!readOnly)
    tableColumns.push({
      key: 'actions',
      title: '操作',
      width: 116,
      render: (_v, _row, i) => (
        <span className="row-actions">
          <Button size="small" type="text" icon={<ArrowUpOutlined aria-hidden="true" />} aria-label={`上移第 ${i + 1} ${unit}`} disabled={i === 0} onClick={() => move(i, -1)} />
          <Button size="small" type="text" icon={<ArrowDownOutlined aria-hidden="true" />} aria-label={`下移第 ${i + 1} ${unit}`} disabled={i === rows.length - 1} onClick={() => move(i, 1)} />
          <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={`删除第 ${i + 1} ${unit}`} onClick={() => onChange(rows.filter((_, k) => k !== i))} />
        </span>
      ),
    });

  const total = rowsTotal(rows);
  const { text, ok } = pointsTotalText(total);
  return (
    <div className="targets-items">
      <Table<EditRow>
        aria-label={label}
        size="small"
        rowKey="rowKey"
        columns={tableColumns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        scroll={scrollY ? { y: scrollY } : undefined}
        locale={{ emptyText: emptyText ?? (readOnly ? '没有条目' : '还没有条目，请点“添加一项”') }}
      />
      <div className="targets-items-foot">
        {readOnly ? null : (
          <Button icon={<PlusOutlined aria-hidden="true" />} onClick={add}>
            {addLabel}
          </Button>
        )}
        {showTotal ? (
        <span className={ok ? 'targets-total targets-total-ok' : 'targets-total targets-total-off'} role="status" aria-live="polite" data-testid="points-total">
          {text}
        </span>
        ) : null}
      </div>
    </div>
  );
}
