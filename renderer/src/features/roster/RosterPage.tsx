/** 党员名册: the roster, searched and filtered on the server, loaded page by page as the user scrolls. */
import { openScreen } from '../../app/screens';
import { navigate, useRoute } from '../../app/router';
import { CloseCircleFilled, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useEffect, useRef, useState } from 'react';
import { EDUCATION_GROUPS } from '../../../../shared/domain/codes';
import { AGE_BANDS, MEMBER_STATUSES, type MemberRow } from '../../../../shared/domain/member';
import { PageTitle } from '../../components/PageTitle';
import { useDebounced, useWindowHeight } from '../../components/useDebounced';
import { useGroupsStore } from '../groups/groupsStore';
import { useFilterGroups } from './useFilterGroups';
import { useMemberStore } from './memberStore';
import { useSavedRow } from './savedRow';
import { ALL_BRANCHES, useRosterStore, type RosterFilters, type SortField } from './rosterStore';
import { useCommitteeStore } from '../committee/committeeStore';
import { MemberDetail } from './MemberDetail';
import { MemberForm } from './MemberForm';
import { TransferInButton } from '../status/TransferInForm';
import { BranchSelect } from '../committee/BranchSelect';
import { RosterFileButtons } from '../rosterFiles/ExportDialog';
import { useAppStore } from '../../stores/appStore';

const ALL = '__all__';

function isDefault(f: RosterFilters): boolean {
  return !f.query && !f.partyGroupId && !f.category && f.status === 'active' && !f.educationGroup && !f.gender && !f.ageBand;
}

function FilterSelect<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  width = 150,
}: {
  id: string;
  label: string;
  value: V | null;
  options: { value: V; label: string }[];
  onChange: (v: V | null) => void;
  width?: number;
}) {
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
        onChange={(v) => onChange(v === ALL ? null : (v as V))}
        options={[{ value: ALL, label: '全部' }, ...options]}
      />
    </div>
  );
}

function sortOrderOf(field: SortField, sort: SortField, order: 'asc' | 'desc') {
  return field === sort ? (order === 'asc' ? 'ascend' : 'descend') : null;
}

export function RosterPage() {
  const { filters, sort, order, rows, total, loading, error } = useRosterStore();
  const setFilters = useRosterStore((s) => s.setFilters);
  const groupOptions = useFilterGroups(filters.branchId);
  const openDetail = useMemberStore((s) => s.openDetail);
  const openCreate = useMemberStore((s) => s.openCreate);
  const [query, setQuery] = useState(filters.query);
  const debounced = useDebounced(query, 250);
  const height = useWindowHeight();
  const tableWrap = useRef<HTMLDivElement>(null);
  const tableRef = useRef<{ scrollTo: (c: { top?: number; index?: number; key?: string }) => void } | null>(null);
  const generation = useRosterStore((s) => s.generation);
  const branchCount = useCommitteeStore((s) => s.branches.length);
  /** The list spans several branches: each row says which. */
  const acrossBranches = branchCount > 1 && filters.branchId === ALL_BRANCHES;

  // A new search, filter or sort starts at the top of the list.
  useEffect(() => {
    tableRef.current?.scrollTo({ top: 0 });
  }, [generation]);

  const route = useRoute();
  const routeKey = JSON.stringify(route.query);
  const opened = useRef(false);
  // The filters come from the address: on opening the screen, and when Back/Forward or a link changes them.
  useEffect(() => {
    useRosterStore.getState().applyRoute(route.query, !opened.current);
    opened.current = true;
  }, [routeKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    void useGroupsStore.getState().load();
  }, []);

  // '?member=…' (a name on 首页) opens that member's detail; closing it takes the id out of the address.
  const memberInRoute = route.query.member ?? null;
  const detailId = useMemberStore((s) => s.detailId);
  useEffect(() => {
    if (memberInRoute && useMemberStore.getState().detailId !== memberInRoute) void openDetail(memberInRoute);
  }, [memberInRoute, openDetail]);
  useEffect(() => {
    // The store, not this render's value: the effect above may just have opened the member.
    if (!useMemberStore.getState().detailId && memberInRoute) navigate(route.path, { ...route.query, member: null }, { replace: true });
  }, [detailId]); // eslint-disable-line react-hooks/exhaustive-deps

  const queryFromRoute = useRosterStore((s) => s.queryFromRoute);
  useEffect(() => {
    if (queryFromRoute) setQuery(useRosterStore.getState().filters.query);
  }, [queryFromRoute]);

  useEffect(() => {
    if (debounced !== useRosterStore.getState().filters.query) setFilters({ query: debounced });
  }, [debounced, setFilters]);

  const set = (patch: Partial<RosterFilters>) => setFilters(patch);

  const branchColumn: ColumnsType<MemberRow>[number] = {
    title: '支部',
    dataIndex: 'branchName',
    width: 280,
    ellipsis: { showTitle: true },
    sorter: true,
    sortOrder: sortOrderOf('branch', sort, order),
  };
  const columns: ColumnsType<MemberRow> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 140,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrderOf('name', sort, order),
      render: (v: string) => <strong>{v}</strong>,
    },
    ...(acrossBranches ? [branchColumn] : []),
    { title: '性别', dataIndex: 'gender', width: 64 },
    { title: '年龄', dataIndex: 'age', width: 64 },
    { title: '民族', dataIndex: 'ethnicity', width: 84 },
    {
      title: '出生日期',
      dataIndex: 'birthDate',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf('birthDate', sort, order),
    },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 192, render: (v: string) => <span style={{ fontFamily: 'monospace', fontSize: 15 }}>{v}</span> },
    {
      title: '学历',
      dataIndex: 'education',
      width: 150,
      ellipsis: true,
      sorter: true,
      sortOrder: sortOrderOf('education', sort, order),
    },
    {
      title: '人员类别',
      dataIndex: 'category',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('category', sort, order),
    },
    {
      title: '预备期满',
      dataIndex: 'probationEnd',
      width: 124,
      render: (v: string | null) => (v ? <span className="probation-end">{v}</span> : '—'),
    },
    {
      title: '入党日期',
      dataIndex: 'joinDate',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf('joinDate', sort, order),
    },
    {
      title: '转正日期',
      dataIndex: 'fullDate',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf('fullDate', sort, order),
      render: (v: string | null) => v ?? '—',
    },
    {
      title: '党小组',
      dataIndex: 'partyGroup',
      width: 130,
      ellipsis: true,
      sorter: true,
      sortOrder: sortOrderOf('partyGroup', sort, order),
      render: (v: string | null) => v ?? <span className="muted">未分组</span>,
    },
    { title: '岗位/职务', dataIndex: 'post', width: 130, ellipsis: true },
    {
      title: '党籍状态',
      dataIndex: 'status',
      width: 100,
      render: (v: string) => (v === '正常' ? v : <Tag color="default" style={{ fontSize: 14 }}>{v}</Tag>),
    },
  ];
  // The member just saved: scrolled to and marked (savedRow).
  const savedRowClass = useSavedRow(rows.map((r) => r.id), (key) => tableRef.current?.scrollTo({ key }));
  const scrollX = columns.reduce((s, c) => s + Number(c.width ?? 100), 0);
  const tableHeight = Math.max(280, height - 400);

  const onScroll = (e: React.UIEvent<HTMLDivElement>) => {
    const t = e.currentTarget;
    if (t.scrollHeight - t.scrollTop - t.clientHeight < 800) void useRosterStore.getState().loadMore();
  };

  const focusRow = (el: HTMLElement | null) => {
    if (el && el.classList.contains('roster-row')) el.focus();
  };

  return (
    <>
      <PageTitle
        title="党员名册"
        extra={
          <>
          <RosterFileButtons onImport={() => openScreen('rosterImport')} />
          <TransferInButton />
          <Button type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={openCreate}>
            新增党员
          </Button>
          </>
        }
      />
      <div role="search" aria-label="查找党员">
      <div className="filter-bar">
        <div className="filter-item">
          <label htmlFor="roster-search">搜索</label>
          <Input
            id="roster-search"
            allowClear={{ clearIcon: <CloseCircleFilled aria-label="清空" /> }}
            prefix={<SearchOutlined aria-hidden="true" />}
            placeholder="姓名、拼音首字母（如 zs）或身份证号"
            style={{ width: 460 }}
            value={query}
            maxLength={50}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setFilters({ query });
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                focusRow(tableWrap.current?.querySelector<HTMLElement>('.roster-row') ?? null);
              }
            }}
          />
        </div>
        <BranchSelect
          value={filters.branchId ?? null}
          onChange={(branchId) => {
            // Sorting by branch means nothing within one branch: back to name order.
            if (branchId !== ALL_BRANCHES && useRosterStore.getState().sort === 'branch') useRosterStore.setState({ sort: 'name', order: 'asc' });
            // A party group belongs to one branch: its filter does not carry over to another.
            set({ branchId, partyGroupId: filters.partyGroupId === 'none' ? 'none' : null });
          }}
        />
      </div>
      <div className="filter-bar">
        <FilterSelect
          id="filter-group"
          label="党小组"
          value={filters.partyGroupId}
          options={[...groupOptions, { value: 'none', label: '未分组' }]}
          onChange={(v) => set({ partyGroupId: v })}
        />
        <FilterSelect
          id="filter-category"
          label="人员类别"
          width={130}
          value={filters.category}
          options={[
            { value: '正式党员', label: '正式党员' },
            { value: '预备党员', label: '预备党员' },
          ]}
          onChange={(v) => set({ category: v })}
        />
        <div className="filter-item">
          <span className="filter-label" id="filter-status-label">
            党籍状态
          </span>
          <Select<string>
            id="filter-status"
            aria-labelledby="filter-status-label"
            style={{ width: 150 }}
            value={filters.status}
            onChange={(v) => set({ status: v as RosterFilters['status'] })}
            options={[
              { value: 'active', label: '在册（默认）' },
              ...MEMBER_STATUSES.map((s) => ({ value: s, label: s })),
              { value: 'all', label: '全部' },
            ]}
          />
        </div>
        <FilterSelect
          id="filter-education"
          label="学历"
          width={140}
          value={filters.educationGroup}
          options={EDUCATION_GROUPS.map((e) => ({ value: e.code, label: e.label }))}
          onChange={(v) => set({ educationGroup: v })}
        />
        <FilterSelect
          id="filter-gender"
          label="性别"
          width={100}
          value={filters.gender}
          options={[
            { value: '男', label: '男' },
            { value: '女', label: '女' },
          ]}
          onChange={(v) => set({ gender: v })}
        />
        <FilterSelect
          id="filter-age"
          label="年龄段"
          width={140}
          value={filters.ageBand}
          options={AGE_BANDS.map((b) => ({ value: b.key, label: b.label }))}
          onChange={(v) => set({ ageBand: v })}
        />
        <Button
          icon={<ReloadOutlined aria-hidden="true" />}
          onClick={() => {
            setQuery('');
            useRosterStore.getState().resetFilters();
          }}
        >
          清除条件
        </Button>
      </div>
      </div>
      <div className="roster-count" role="status" aria-live="polite" data-testid="roster-count">
        共 {total} 人{rows.length < total ? `（已显示 ${rows.length} 人，向下滚动显示更多）` : ''}
      </div>
      {error ? <Alert type="error" showIcon title={`名册读取失败：${error}`} style={{ marginBottom: 12 }} role="alert" /> : null}
      <div ref={tableWrap}>
        {rows.length === 0 && !loading && error ? null : rows.length === 0 && !loading ? (
          <div className="roster-empty">
            <p>{total === 0 && isDefault(filters) ? '名册中还没有党员。请点右上角的“新增党员”添加。' : '没有找到符合条件的党员。可以换个搜索词，或点“清除条件”。'}</p>
          </div>
        ) : (
        <Table<MemberRow>
          ref={tableRef as never}
          virtual
          aria-label="党员名册"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading && rows.length === 0}
          pagination={false}
          scroll={{ x: scrollX, y: tableHeight }}
          onScroll={onScroll}
          showSorterTooltip={{ title: '点击排序' }}
          onChange={(_p, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<MemberRow> | undefined;
            // The 支部 column shows branchName and sorts by the branch.
            const field = s?.field === 'branchName' ? 'branch' : ((s?.field as SortField | undefined) ?? 'name');
            if (!s?.order) useRosterStore.getState().setSort('name', 'asc');
            else useRosterStore.getState().setSort(field, s.order === 'descend' ? 'desc' : 'asc');
          }}
          rowClassName={(record) => `roster-row ${savedRowClass(record.id)}`}
          onRow={(record) => ({
            tabIndex: 0,
            'aria-label': `${record.name}，${record.gender}，${record.category}，按回车键查看详情`,
            onClick: () => void openDetail(record.id),
            onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
              if (e.target !== e.currentTarget) return;
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                void openDetail(record.id);
              } else if (e.key === 'ArrowDown') {
                e.preventDefault();
                focusRow(e.currentTarget.nextElementSibling as HTMLElement | null);
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                focusRow(e.currentTarget.previousElementSibling as HTMLElement | null);
              }
            },
          })}
        />
        )}
      </div>
      <MemberDetail />
      <MemberForm />
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default RosterPage;
