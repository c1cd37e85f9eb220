/**
 * 会议记录: the year's meeting records, filtered by month, kind, party group and status (草稿 / 已定稿 / 已修订) and
 * searched; the filters live in the route ('#/meetings?kind=committee&month=2026-03', also '2026-Q1'). '&new=1' opens a new record
 * of that kind, month and group (the calendar's 去记录); '&id=…' opens a record.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MeetingSummary } from '../../../../shared/contract/meetings';
import { MEETING_KINDS, isMeetingKind, kindLabel, quarterLabel, type MeetingKind } from '../../../../shared/domain/meetings';
import { navigate, useRoute } from '../../app/router';
import { PageTitle } from '../../components/PageTitle';
import { SearchFilter } from '../../components/SearchFilter';
import { DataTable } from '../../components/table/DataTable';
import { useColumnChoice, type ChoosableColumn } from '../../components/table/useColumnChoice';
import { useDebounced } from '../../components/useDebounced';
import { useGroupsStore } from '../groups/groupsStore';
import { MeetingDetailDrawer } from './MeetingDetail';
import { MeetingForm } from './MeetingForm';
import { MEETINGS_PATH, STATUS_FILTERS, shownRows, statusLabel, useMeetingsStore, type MeetingFilters, type StatusFilter } from './meetingsStore';
import './meetings.css';

const ALL = '__all__';
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function FilterSelect({ id, label, value, options, onChange, width }: { id: string; label: string; value: string | null; options: { value: string; label: string }[]; onChange: (v: string | null) => void; width: number }) {
  return (
    <div className="filter-item">
      <span className="filter-label" id={`${id}-label`}>
        {label}
      </span>
      <Select<string>
        id={id}
        aria-labelledby={`${id}-label`}
        style={{ width }}
        value={value ?? ALL}
        onChange={(v) => onChange(v === ALL ? null : v)}
        options={[{ value: ALL, label: '全部' }, ...options]}
      />
    </div>
  );
}

function yearOptions(year: number): { value: string; label: string }[] {
  const now = new Date().getFullYear();
  const years = new Set([now + 1, now, now - 1, now - 2, now - 3, now - 4, year]);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: `${y} 年` }));
}

/** '?new=1&kind=…&month=…&groupId=…' → what the new record starts with: the month's first day unless it is this month. */
function presetDate(month: string | undefined): string | null {
  if (!month || !/^\d{4}-\d{2}$/.test(month)) return null;
  const today = new Date();
  const thisMonth = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  return month === thisMonth ? `${thisMonth}-${String(today.getDate()).padStart(2, '0')}` : `${month}-01`;
}

export function MeetingsPage() {
  const { rows, filters, loading, error } = useMeetingsStore();
  const highlightId = useMeetingsStore((s) => s.highlightId);
  const groups = useGroupsStore((s) => s.groups);
  const route = useRoute();
  const routeKey = JSON.stringify(route.query);
  const opened = useRef(false);
  const [query, setQuery] = useState(filters.query);
  const debounced = useDebounced(query, 250);

  useEffect(() => {
    void useGroupsStore.getState().load();
  }, []);

  // The filters come from the address: on opening, and when a link or Back/Forward changes them.
  useEffect(() => {
    const q = route.query;
    useMeetingsStore.getState().applyRoute(q, !opened.current);
    opened.current = true;
    const fromRoute = useMeetingsStore.getState().filters.query;
    setQuery((typed) => (typed.trim() === fromRoute.trim() ? typed : fromRoute));
    const store = useMeetingsStore.getState();
    if (q.new) store.openNew({ kind: isMeetingKind(q.kind) ? q.kind : undefined, date: presetDate(q.month), groupId: q.groupId ?? null });
    else if (q.id) void store.openRecord(q.id);
    if (q.new || q.id) navigate(MEETINGS_PATH, { ...q, new: null, id: null }, { replace: true });
  }, [routeKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (debounced !== useMeetingsStore.getState().filters.query) useMeetingsStore.getState().setFilters({ query: debounced });
  }, [debounced]);

  useEffect(() => {
    if (!highlightId) return;
    const timer = setTimeout(() => useMeetingsStore.getState().clearHighlight(highlightId), 4000);
    return () => clearTimeout(timer);
  }, [highlightId]);

  const set = (patch: Partial<MeetingFilters>) => useMeetingsStore.getState().setFilters(patch);
  const open = (id: string) => void useMeetingsStore.getState().openRecord(id);
  const shown = useMemo(() => shownRows(rows, filters), [rows, filters]);

  const allColumns: ChoosableColumn<MeetingSummary>[] = [
    {
      key: 'title',
      title: '会议名称',
      dataIndex: 'title',
      width: 250,
      fixed: 'left',
      ellipsis: { showTitle: false },
      render: (v: string) => (
        <Tooltip title={v} placement="topLeft">
          <strong>{v}</strong>
        </Tooltip>
      ),
    },
    { key: 'date', title: '日期', dataIndex: 'date', width: 150, render: (_: unknown, m) => `${m.date}${m.startTime ? ` ${m.startTime}` : ''}` },
    {
      key: 'kind',
      title: '类型',
      width: 140,
      render: (_: unknown, m) => (
        <>
          {kindLabel(m.kind)}
          {m.alsoCounts.map((k) => (
            <Tag key={k} className="also-tag">
              兼{kindLabel(k)}
            </Tag>
          ))}
        </>
      ),
    },
    { key: 'group', title: '党小组', dataIndex: 'groupName', width: 120, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { key: 'place', title: '地点', dataIndex: 'place', width: 150, ellipsis: true, render: (v: string) => v || '—' },
    { key: 'host', title: '主持人', dataIndex: 'hostName', width: 84, render: (v: string) => v || '—' },
    { key: 'attendance', title: '应到/实到', width: 96, render: (_: unknown, m) => `${m.expected} / ${m.present}` },
    { key: 'attachments', title: '附件', dataIndex: 'attachmentCount', width: 64, render: (n: number) => (n ? `${n} 个` : '—') },
    {
      key: 'status',
      title: '状态',
      width: 140,
      render: (_: unknown, m) => <Tag color={m.status === 'draft' ? 'default' : m.version > 1 ? 'processing' : 'success'}>{statusLabel(m)}</Tag>,
    },
    {
      key: 'actions',
      title: '操作',
      width: 70,
      fixed: 'right',
      render: (_: unknown, m) => (
        <span className="row-actions" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          <Button type="link" size="small" aria-label={`${m.status === 'draft' ? '修改' : '查看'}${m.title}`} onClick={() => open(m.id)}>
            {m.status === 'draft' ? '修改' : '查看'}
          </Button>
        </span>
      ),
    },
  ];
  const { columns, chooser } = useColumnChoice('meetings', allColumns, ['place', 'attachments']);
  const filtered = !!(filters.month || filters.kind || filters.groupId || filters.status || filters.query);

  return (
    <>
      <PageTitle
        title="会议记录"
        extra={
          <Button id="meeting-new" type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={() => useMeetingsStore.getState().openNew({ kind: filters.kind ?? undefined, groupId: filters.groupId })}>
            新建会议记录
          </Button>
        }
      />
      <div role="search" aria-label="查找会议记录" className="roster-filters">
        <div className="filter-bar">
          <SearchFilter id="meeting-search" placeholder="会议名称、地点、主持人" width={260} value={query} onChange={setQuery} />
          <FilterSelect id="meeting-year" label="年份" width={104} value={String(filters.year)} options={yearOptions(filters.year)} onChange={(v) => set({ year: v ? Number(v) : new Date().getFullYear() })} />
          <FilterSelect
            id="meeting-month"
            label="期间"
            width={118}
            value={filters.month}
            options={[
              ...MONTHS.map((m) => ({ value: `${filters.year}-${String(m).padStart(2, '0')}`, label: `${m} 月` })),
              ...[1, 2, 3, 4].map((q) => ({ value: `${filters.year}-Q${q}`, label: quarterLabel(q) })),
            ]}
            onChange={(v) => set({ month: v })}
          />
          <FilterSelect id="meeting-kind" label="类型" width={136} value={filters.kind} options={MEETING_KINDS.map((k) => ({ value: k.kind, label: k.label }))} onChange={(v) => set({ kind: v as MeetingKind | null })} />
          <FilterSelect id="meeting-group" label="党小组" width={150} value={filters.groupId} options={groups.map((g) => ({ value: g.id, label: g.name }))} onChange={(v) => set({ groupId: v })} />
          <FilterSelect id="meeting-status" label="状态" width={100} value={filters.status} options={STATUS_FILTERS} onChange={(v) => set({ status: v as StatusFilter | null })} />
          <Button
            icon={<ReloadOutlined aria-hidden="true" />}
            onClick={() => {
              setQuery('');
              set({ month: null, kind: null, groupId: null, status: null, query: '' });
            }}
          >
            清除条件
          </Button>
          <div className="roster-tools">
            <div className="roster-count" role="status" aria-live="polite" data-testid="meeting-count">
              共 {shown.length} 份
            </div>
            {chooser}
          </div>
        </div>
      </div>
      {error ? <Alert type="error" showIcon title={`会议记录读取失败：${error}`} style={{ marginBottom: 12 }} role="alert" /> : null}
      {shown.length === 0 && !loading && !error ? (
        <div className="roster-empty">
          <p>{filtered ? '没有符合条件的会议记录。可以换个条件，或点“清除条件”。' : `${filters.year} 年还没有会议记录。请点右上角的“新建会议记录”。`}</p>
        </div>
      ) : (
        <DataTable<MeetingSummary>
          fillHeight
          aria-label="会议记录"
          columns={columns}
          dataSource={shown}
          loading={loading && rows.length === 0}
          pagination={false}
          highlightKey={highlightId}
          rowClassName={() => 'roster-row'}
          onRow={(m) => ({
            tabIndex: 0,
            'aria-label': `${m.date} ${m.title}，${statusLabel(m)}，按回车键打开`,
            onClick: () => open(m.id),
            onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
              if (e.target !== e.currentTarget) return;
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                open(m.id);
              }
            },
          })}
        />
      )}
      <MeetingForm />
      <MeetingDetailDrawer />
    </>
  );
}

export default MeetingsPage;
