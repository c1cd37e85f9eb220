/**
 * Which columns a list shows, chosen by the user and remembered on this computer (localStorage, as the menu's
 * folded groups are). Columns fixed to an edge (the name, the row actions) always show.
 */
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState, type ReactElement } from 'react';

export type ChoosableColumn<T> = ColumnType<T> & { key: string; title: string };

const storageKey = (tableKey: string) => `branch-desk-table-columns:${tableKey}`;

/** The hidden column keys stored for a table, or null when the user never chose. */
export function readHiddenColumns(tableKey: string): string[] | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(storageKey(tableKey)) ?? 'null');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
  } catch {
    return null;
  }
}

function alwaysShown<T>(c: ChoosableColumn<T>): boolean {
  return Boolean(c.fixed);
}

export interface ColumnChoice<T> {
  /** The columns to give the table, in their order. */
  columns: ChoosableColumn<T>[];
  /** The 显示列 button with its check list; place it where the screen has room. */
  chooser: ReactElement;
}

export function useColumnChoice<T>(tableKey: string, all: readonly ChoosableColumn<T>[], defaultHidden: readonly string[] = []): ColumnChoice<T> {
  const [hidden, setHidden] = useState<readonly string[]>(() => readHiddenColumns(tableKey) ?? defaultHidden);
  const choosable = all.filter((c) => !alwaysShown(c));

  const save = (next: readonly string[]) => {
    setHidden(next);
    localStorage.setItem(storageKey(tableKey), JSON.stringify(next));
  };
  const toggle = (key: string, shown: boolean) => save(shown ? hidden.filter((k) => k !== key) : [...hidden, key]);

  const list = (
    <div className="column-chooser" role="group" aria-label="显示的列">
      {all.some(alwaysShown) ? <div className="muted">{all.filter(alwaysShown).map((c) => c.title).join('、')}总是显示</div> : null}
      {choosable.map((c) => (
        <Checkbox key={c.key} checked={!hidden.includes(c.key)} onChange={(e) => toggle(c.key, e.target.checked)}>
          {c.title}
        </Checkbox>
      ))}
      <div className="column-chooser-actions">
        <Button size="small" onClick={() => save([])}>
          全部显示
        </Button>
        <Button size="small" onClick={() => save(defaultHidden)}>
          恢复默认
        </Button>
      </div>
    </div>
  );
  const chooser = (
    <Popover content={list} trigger="click" placement="bottomRight" title="显示哪些列（下次打开时仍按此显示）">
      <Button icon={<SettingOutlined aria-hidden="true" />}>显示列</Button>
    </Popover>
  );
  return { columns: all.filter((c) => alwaysShown(c) || !hidden.includes(c.key)), chooser };
}
