/** 党员名册: the roster, searched and filtered on the server, loaded page by page as the user scrolls. */
import { openScreen } from '../../app/screens';
import { navigate, useRoute } from '../../app/router';
import { CloseOutlined, FilterOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popover, Select, Tag, Tooltip } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useEffect, useRef, useState } from 'react';
import { EDUCATION_GROUPS, ETHNICITIES, HIGH_SCHOOL_OR_BELOW } from '../../../../shared/domain/codes';
import { localToday } from '../../../../shared/domain/dates';
import { AGE_BANDS, MEMBER_CHANGES, MEMBER_STATUSES, MINORITIES, type MemberChangeKey, type MemberRow } from '../../../../shared/domain/member';
import { changePhrase, standingPhrase } from '../../../../shared/domain/rosterScope';
import { STANDING_BANDS } from '../../../../shared/domain/statistics';
import { PageTitle } from '../../components/PageTitle';
import { SearchFilter } from '../../components/SearchFilter';
import { useDebounced } from '../../components/useDebounced';
import { DataTable } from '../../components/table/DataTable';
import { useColumnChoice, type ChoosableColumn } from '../../components/table/useColumnChoice';
import { rosterColumnLabel as label } from '../../../../shared/domain/rosterColumns';
import { api, errorText } from '../../api';
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
/** Shown on request (显示列): with these hidden the rest fits a 1366-pixel-wide window without scrolling sideways. */
const DEFAULT_HIDDEN = ['age', 'ethnicity', 'birthDate', 'education', 'post'];

function isDefault(f: RosterFilters): boolean {
  return !f.query && !f.partyGroupId && !f.category && f.status === 'active' && !f.educationGroup && !f.gender && !f.ageBand && !f.ethnicity && !f.standing && !f.change;
}

const ETHNICITY_OPTIONS = [
  { value: '汉族', label: '汉族' },
  { value: MINORITIES, label: `${MINORITIES}（全部）` },
  ...ETHNICITIES.filter((e) => e !== '汉族').map((e) => ({ value: e, label: e })),
];
const STANDING_OPTIONS = STANDING_BANDS.map((b) => ({ value: b.key, label: b.key === 'probationary' ? '未计党龄（预备党员）' : b.label }));

/** 本年度入党…; a period other than this year so far (a link from elsewhere) names its dates. */
function changeOptions(f: RosterFilters, today: string): { value: MemberChangeKey; label: string }[] {
  const thisYear = (!f.changeFrom || f.changeFrom === `${today.slice(0, 4)}-01-01`) && (!f.changeTo || f.changeTo === today);
  return MEMBER_CHANGES.map((c) => ({
    value: c.key,
    label: c.key === f.change && !thisYear ? changePhrase(f, today) : `本年度${c.label}`,
  }));
}

function FilterSelect<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  width = 140,
  search = false,
}: {
  id: string;
  label: string;
  value: V | null;
  options: { value: V; label: string }[];
  onChange: (v: V | null) => void;
  width?: number;
  /** Typing narrows the options (a long list). */
  search?: boolean;
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
        popupMatchSelectWidth={false}
        {...(search ? { showSearch: { optionFilterProp: 'label' } } : {})}
      />
    </div>
  );
}

/** A condition of 更多条件 in words, for its tag: 少数民族, 党龄：5—9年, 本年度入党. */
function extraTags(f: RosterFilters, today: string): { key: keyof RosterFilters; label: string; clear: Partial<RosterFilters> }[] {
  const tags: ReturnType<typeof extraTags> = [];
  if (f.ethnicity) tags.push({ key: 'ethnicity', label: `民族：${f.ethnicity}`, clear: { ethnicity: null } });
  if (f.standing) tags.push({ key: 'standing', label: standingPhrase(f.standing), clear: { standing: null } });
  if (f.change) {
    const label = changeOptions(f, today).find((o) => o.value === f.change)!.label;
    tags.push({ key: 'change', label, clear: { change: null, changeFrom: null, changeTo: null } });
  }
  return tags;
}

/**
 * 民族, 党龄 and 变动 behind 更多条件, so the filter rows keep to two lines at 1366 wide; each condition set (here or by
 * a link from 首页) shows as a tag beside the button, closable.
 */
function MoreFilters({ filters, onChange }: { filters: RosterFilters; onChange: (patch: Partial<RosterFilters>) => void }) {
  const today = localToday();
  const tags = extraTags(filters, today);
  const content = (
    <div className="roster-more-filters" role="group" aria-label="更多条件">
      <FilterSelect id="filter-ethnicity" label="民族" width={150} search value={filters.ethnicity} options={ETHNICITY_OPTIONS} onChange={(v) => onChange({ ethnicity: v })} />
      <FilterSelect id="filter-standing" label="党龄" width={190} value={filters.standing} options={STANDING_OPTIONS} onChange={(v) => onChange({ standing: v })} />
      <FilterSelect
        id="filter-change"
        label="变动"
        width={190}
        value={filters.change}
        options={changeOptions(filters, today)}
        // Who changed this year may have left since (转出): every 党籍状态 is listed with a change.
        onChange={(v) => onChange(v ? { change: v, changeFrom: null, changeTo: null, status: 'all' } : { change: null, changeFrom: null, changeTo: null })}
      />
    </div>
  );
  return (
    <div className="roster-more">
      <Popover content={content} trigger="click" placement="bottomLeft">
        <Button icon={<FilterOutlined aria-hidden="true" />}>更多条件{tags.length ? `（${tags.length}）` : ''}</Button>
      </Popover>
      {tags.map((t) => (
        <Tag
          key={t.key}
          className="roster-more-tag"
          closable={{ closeIcon: <CloseOutlined aria-label={`去掉条件“${t.label}”`} />, 'aria-label': `去掉条件“${t.label}”` }}
          onClose={(e) => {
            e.preventDefault();
            onChange(t.clear);
          }}
          data-testid={`roster-condition-${t.key}`}
        >
          {t.label}
        </Tag>
      ))}
    </div>
  );
}

function sortOrderOf(field: SortField, sort: SortField, order: 'asc' | 'desc'): SortOrder {
  return field === sort ? (order === 'asc' ? 'ascend' : 'descend') : null;
}

export function RosterPage() {
  const { filters, sort, order, rows, total, loading, error } = useRosterStore();
  const setFilters = useRosterStore((s) => s.setFilters);
  const groupOptions = useFilterGroups(filters.branchId);
  const openDetail = useMemberStore((s) => s.openDetail);
  const openCreate = useMemberStore((s) => s.openCreate);
  const openEdit = useMemberStore((s) => s.openEdit);
  const { message } = App.useApp();
  const [query, setQuery] = useState(filters.query);
  const debounced = useDebounced(query, 250);
  const tableWrap = useRef<HTMLDivElement>(null);
  const tableRef = useRef<{ scrollTo: (c: { top?: number; left?: number; index?: number; key?: React.Key }) => void } | null>(null);
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

  const editMember = async (id: string) => {
    try {
      openEdit(await api().call('members.get', { id }));
    } catch (e) {
      message.error(`无法打开这名党员：${errorText(e)}`);
    }
  };
  const sortable = (field: SortField) => ({ sorter: true, sortOrder: sortOrderOf(field, sort, order) });
  const branchColumn: ChoosableColumn<MemberRow> = {
    key: 'branch',
    title: label('branch'),
    dataIndex: 'branchName',
    width: 240,
    ellipsis: { showTitle: true },
    ...sortable('branch'),
  };
  // 姓名, 人员类别 and 党小组 first: they must show without scrolling sideways in the narrowest window.
  const allColumns: ChoosableColumn<MemberRow>[] = [
    { key: 'name', title: label('name'), dataIndex: 'name', width: 100, fixed: 'left', ...sortable('name'), render: (v: string) => <strong>{v}</strong> },
    ...(acrossBranches ? [branchColumn] : []),
    { key: 'category', title: label('category'), dataIndex: 'category', width: 100, ...sortable('category') },
    {
      key: 'partyGroup',
      title: label('partyGroup'),
      dataIndex: 'partyGroup',
      width: 164,
      ellipsis: { showTitle: false },
      ...sortable('partyGroup'),
      // A long name cut to fit is shown whole on hover (and in the row's title for keyboard users' screen readers).
      render: (v: string | null) => (v ? <Tooltip title={v} placement="topLeft"><span title={v}>{v}</span></Tooltip> : <span className="muted">未分组</span>),
    },
    { key: 'gender', title: label('gender'), dataIndex: 'gender', width: 52 },
    { key: 'age', title: label('age'), dataIndex: 'age', width: 60 },
    { key: 'joinDate', title: label('joinDate'), dataIndex: 'joinDate', width: 104, ...sortable('joinDate') },
    { key: 'fullDate', title: label('fullDate'), dataIndex: 'fullDate', width: 104, ...sortable('fullDate'), render: (v: string | null) => v ?? '—' },
    {
      key: 'probationEnd',
      title: label('probationEnd'),
      dataIndex: 'probationEnd',
      width: 104,
      render: (v: string | null) => (v ? <span className="probation-end">{v}</span> : '—'),
    },
    {
      key: 'status',
      title: label('status'),
      dataIndex: 'status',
      width: 88,
      render: (v: string) => (v === '正常' ? v : <Tag color="default" style={{ fontSize: 14 }}>{v}</Tag>),
    },
    {
      key: 'idNumber',
      title: label('idNumber'),
      dataIndex: 'idNumberMasked',
      width: 180,
      render: (v: string) => <span style={{ fontFamily: 'monospace', fontSize: 15, whiteSpace: 'nowrap' }}>{v}</span>,
    },
    { key: 'ethnicity', title: label('ethnicity'), dataIndex: 'ethnicity', width: 80 },
    { key: 'birthDate', title: label('birthDate'), dataIndex: 'birthDate', width: 112, ...sortable('birthDate') },
    { key: 'education', title: label('education'), dataIndex: 'education', width: 150, ellipsis: true, ...sortable('education') },
    { key: 'post', title: label('post'), dataIndex: 'post', width: 130, ellipsis: true },
    {
      key: 'actions',
      title: '操作',
      width: 108,
      fixed: 'right',
      render: (_: unknown, record: MemberRow) => (
        <span className="row-actions" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          <Button type="link" size="small" aria-label={`查看${record.name}`} onClick={() => void openDetail(record.id)}>
            查看
          </Button>
          <Button type="link" size="small" aria-label={`修改${record.name}`} onClick={() => void editMember(record.id)}>
            修改
          </Button>
        </span>
      ),
    },
  ];
  // The member just saved: scrolled to and marked (savedRow).
  const savedRowClass = useSavedRow(rows.map((r) => r.id), (key) => tableRef.current?.scrollTo({ key }));
  const { columns, chooser } = useColumnChoice('roster', allColumns, DEFAULT_HIDDEN);

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
      <div role="search" aria-label="查找党员" className="roster-filters">
      <div className="filter-bar">
        <SearchFilter
          id="roster-search"
          placeholder="姓名、拼音首字母（如 zs）或身份证号"
          width={380}
          value={query}
          onChange={setQuery}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setFilters({ query });
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusRow(tableWrap.current?.querySelector<HTMLElement>('.roster-row') ?? null);
            }
          }}
        />
        <BranchSelect
          value={filters.branchId ?? null}
          onChange={(branchId) => {
            // Sorting by branch means nothing within one branch: back to name order.
            if (branchId !== ALL_BRANCHES && useRosterStore.getState().sort === 'branch') useRosterStore.setState({ sort: 'name', order: 'asc' });
            // A party group belongs to one branch: its filter does not carry over to another.
            set({ branchId, partyGroupId: filters.partyGroupId === 'none' ? 'none' : null });
          }}
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
        <MoreFilters filters={filters} onChange={set} />
        <div className="roster-tools">
          <div className="roster-count" role="status" aria-live="polite" data-testid="roster-count" title={rows.length < total ? '向下滚动显示更多' : undefined}>
            共 {total} 人{rows.length < total ? `（已显示 ${rows.length} 人）` : ''}
          </div>
          {chooser}
        </div>
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
          label={label('category')}
          width={116}
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
            style={{ width: 146 }}
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
          width={120}
          value={filters.educationGroup}
          options={[...EDUCATION_GROUPS.map((e) => ({ value: e.code, label: e.label })), { value: HIGH_SCHOOL_OR_BELOW.code, label: HIGH_SCHOOL_OR_BELOW.label }]}
          onChange={(v) => set({ educationGroup: v })}
        />
        <FilterSelect
          id="filter-gender"
          label="性别"
          width={80}
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
          width={130}
          value={filters.ageBand}
          options={AGE_BANDS.map((b) => ({ value: b.key, label: b.label }))}
          onChange={(v) => set({ ageBand: v })}
        />
      </div>
      </div>
      {error ? <Alert type="error" showIcon title={`名册读取失败：${error}`} style={{ marginBottom: 12 }} role="alert" /> : null}
      <div ref={tableWrap}>
        {rows.length === 0 && !loading && error ? null : rows.length === 0 && !loading ? (
          <div className="roster-empty">
            <p>{total === 0 && isDefault(filters) ? '名册中还没有党员。请点右上角的“新增党员”添加。' : '没有找到符合条件的党员。可以换个搜索词，或点“清除条件”。'}</p>
          </div>
        ) : (
        <DataTable<MemberRow>
          tableRef={tableRef}
          fillHeight
          virtual
          aria-label="党员名册"
          columns={columns}
          dataSource={rows}
          loading={loading && rows.length === 0}
          pagination={false}
          onScroll={onScroll}
          showSorterTooltip={{ title: '点击排序' }}
          onChange={(_p, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<MemberRow> | undefined;
            // The 所在支部 column shows branchName and sorts by the branch.
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
