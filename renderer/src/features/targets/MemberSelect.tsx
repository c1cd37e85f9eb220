/** A pick list of the branch's members (正常 and 停止党籍 as the roster counts them), searched by name or pinyin initials. */
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { useDebounced } from '../../components/useDebounced';

interface Option {
  value: string;
  label: string;
}

interface Props {
  id?: string;
  /** One member's id, or several when `multiple`. */
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  multiple?: boolean;
  /** Names of the chosen members, shown before the search has found them. */
  known?: readonly { id: string; name: string }[];
  placeholder?: string;
  'aria-label'?: string;
}

export function MemberSelect({ id, value, onChange, multiple = false, known = [], placeholder = '输入姓名或拼音首字母查找', ...rest }: Props) {
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 250);
  const [options, setOptions] = useState<Option[]>([]);
  const knownRef = useRef(known);
  knownRef.current = known;
  const knownKey = known.map((k) => k.id).join();

  useEffect(() => {
    let live = true;
    api()
      .call('members.search', { query, status: 'active', sort: 'name', limit: 50 })
      .then((r) => {
        if (!live) return;
        const found = r.rows.map((m) => ({ value: m.id, label: m.partyGroup ? `${m.name}（${m.partyGroup}）` : m.name }));
        const missing = knownRef.current.filter((k) => !found.some((o) => o.value === k.id)).map((k) => ({ value: k.id, label: k.name }));
        setOptions([...missing, ...found]);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [query, knownKey]);

  return (
    <Select<string | string[]>
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      allowClear={{ clearIcon: undefined }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder}
      notFoundContent="没有找到党员"
      style={{ width: '100%' }}
    />
  );
}
