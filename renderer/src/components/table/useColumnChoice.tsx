/**
 * Which columns a list shows, chosen by the user and remembered by main beside the database (preferencesStore), so
 * the choice holds on the next start, in the app and in the browser host alike. Columns fixed to an edge (the name,
 * the row actions) always show.
 */
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactElement } from 'react';
import { preferenceOf, stringList, usePreference, usePreferencesStore } from '../../stores/preferencesStore';

export type ChoosableColumn<T> = ColumnType<T> & { key: string; title: string };

const storageKey = (tableKey: string) => `branch-desk-table-columns:${tableKey}`;

/** The hidden column keys stored for a table, or null when the user never chose. */
export function readHiddenColumns(tableKey: string): string[] | null {
  return stringList(preferenceOf(usePreferencesStore.getState().values, storageKey(tableKey)));
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
  const stored = stringList(usePreference(storageKey(tableKey)));
  const hidden: readonly string[] = stored ?? defaultHidden;
  const choosable = all.filter((c) => !alwaysShown(c));

  const save = (next: readonly string[]) => usePreferencesStore.getState().set(storageKey(tableKey), [...next]);
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
