/**
 * Scoring one member's letter: a row per item with its points, and 自评 / 小组评 / 支部评 / 备注 typed in place.
 * Made for the keyboard: Tab goes along a row, Enter and ↓ go down a column, ↑ goes up, so a column of scores is
 * typed without the mouse.
 */
import { Input, InputNumber, Table } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { KeyboardEvent } from 'react';
import type { ItemScore, LetterItem } from '../../../../shared/domain/targets';

export const SCORE_COLUMNS = [
  { field: 'self', title: '自评' },
  { field: 'group', title: '小组评' },
  { field: 'branch', title: '支部评' },
] as const;

/** An item of the letter with its scores as typed. */
export interface ScoreLine extends ItemScore {
  category: string;
  content: string;
  points: number;
  rule: string;
}

export function scoreLines(items: readonly LetterItem[], scores: readonly ItemScore[]): ScoreLine[] {
  const byKey = new Map(scores.map((s) => [s.itemKey, s]));
  return items.map((item) => {
    const s = byKey.get(item.key);
    return { itemKey: item.key, category: item.category, content: item.content, points: item.points, rule: item.rule, self: s?.self ?? null, group: s?.group ?? null, branch: s?.branch ?? null, note: s?.note ?? '' };
  });
}

/** Enter / ↓ / ↑ move to the same column of the next or previous row (a number box keeps ↑↓ off its own stepping). */
function moveInColumn(e: KeyboardEvent<HTMLElement>, row: number, col: number) {
  const by = e.key === 'Enter' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
  if (!by || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey) return;
  const grid = (e.currentTarget as HTMLElement).closest('.targets-scores');
  const next = grid?.querySelector<HTMLInputElement>(`[data-cell="${row + by}-${col}"] input, [data-cell="${row + by}-${col}"] textarea`);
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.select();
}

interface Props {
  lines: ScoreLine[];
  onChange(lines: ScoreLine[]): void;
  scrollY?: number;
}

export function ScoreGrid({ lines, onChange, scrollY }: Props) {
  const set = (index: number, patch: Partial<ScoreLine>) => onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const columns: ColumnType<ScoreLine>[] = [
    { key: 'no', title: '序号', width: 52, align: 'center', render: (_v, _l, i) => i + 1 },
    { key: 'category', title: '类别', dataIndex: 'category', width: 100 },
    {
      key: 'content',
      title: '目标内容（考核标准）',
      render: (_v, line) => (
        <>
          <div>{line.content}</div>
          {line.rule ? <div className="muted targets-rule">{line.rule}</div> : null}
        </>
      ),
    },
    { key: 'points', title: '分值', dataIndex: 'points', width: 56, align: 'right' },
    ...SCORE_COLUMNS.map(
      ({ field, title }, col): ColumnType<ScoreLine> => ({
        key: field,
        title,
        width: 84,
        render: (_v, line, i) => (
          <span data-cell={`${i}-${col}`}>
            <InputNumber
              aria-label={`${title}（第 ${i + 1} 项，满分 ${line.points}）`}
              min={0}
              max={line.points}
              step={1}
              keyboard={false}
              value={line[field]}
              onChange={(v) => set(i, { [field]: v ?? null })}
              onKeyDown={(e) => moveInColumn(e, i, col)}
              status={line[field] !== null && line[field]! > line.points ? 'error' : undefined}
            />
          </span>
        ),
      }),
    ),
    {
      key: 'note',
      title: '备注（扣分原因等）',
      width: '24%',
      render: (_v, line, i) => (
        <span data-cell={`${i}-3`}>
          <Input aria-label={`备注（第 ${i + 1} 项）`} maxLength={200} value={line.note} onChange={(e) => set(i, { note: e.target.value })} onKeyDown={(e) => moveInColumn(e, i, 3)} />
        </span>
      ),
    },
  ];
  return (
    <Table<ScoreLine>
      className="targets-scores"
      aria-label="逐项评分"
      size="small"
      rowKey="itemKey"
      columns={columns}
      dataSource={lines}
      pagination={false}
      tableLayout="fixed"
      scroll={scrollY ? { y: scrollY } : undefined}
      locale={{ emptyText: '这名党员的责任书没有条目' }}
    />
  );
}
