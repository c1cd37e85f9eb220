/**
 * The search box of a list's filter bar (党员名册, 会议记录, 谈心谈话): a 搜索 label, a clear button that says 清空,
 * at most 50 characters. The page keeps the typed text and decides when it searches (debounced, or on Enter).
 */
import { CloseCircleFilled, SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import type { KeyboardEvent } from 'react';

export const SEARCH_MAX_LENGTH = 50;

export interface SearchFilterProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** What can be searched for, e.g. 姓名、主题、内容. */
  placeholder: string;
  width: number;
  onKeyDown?(e: KeyboardEvent<HTMLInputElement>): void;
}

export function SearchFilter({ id, value, onChange, placeholder, width, onKeyDown }: SearchFilterProps) {
  return (
    <div className="filter-item">
      <label htmlFor={id}>搜索</label>
      <Input
        id={id}
        allowClear={{ clearIcon: <CloseCircleFilled aria-label="清空" /> }}
        prefix={<SearchOutlined aria-hidden="true" />}
        placeholder={placeholder}
        style={{ width }}
        value={value}
        maxLength={SEARCH_MAX_LENGTH}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
