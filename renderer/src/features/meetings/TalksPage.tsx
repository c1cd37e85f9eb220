/**
 * 谈心谈话: the year's talks and home visits, newest first; a name opens that person's history
 * ('#/talks?member=…', '?person=姓名' for someone not on the roster).
 */
import { CloseCircleFilled, DeleteOutlined, PlusOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Talk } from '../../../../shared/contract/meetings';
import { TALK_KIND_CODES, TALK_KIND_LABELS, type TalkKind } from '../../../../shared/domain/meetings';
import { useRoute } from '../../app/router';
import { errorText } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { SearchFilter } from '../../components/SearchFilter';
import { DataTable } from '../../components/table/DataTable';
import { useColumnChoice, type ChoosableColumn } from '../../components/table/useColumnChoice';
import { useDebounced } from '../../components/useDebounced';
import { talkDocument, useDocumentPreview } from './MeetingPrint';
import { TalkForm } from './TalkForm';
import { shownTalks, useTalksStore } from './talksStore';
import './meetings.css';

const ALL = '__all__';

export function TalksPage() {
  const { talks, filters, loading, error } = useTalksStore();
  const highlightId = useTalksStore((s) => s.highlightId);
  const { message, modal } = App.useApp();
  const print = useDocumentPreview('谈话');
  const route = useRoute();
  const routeKey = JSON.stringify(route.query);
  const opened = useRef(false);
  const [query, setQuery] = useState(filters.query);
  const debounced = useDebounced(query, 250);

  useEffect(() => {
    useTalksStore.getState().applyRoute(route.query, !opened.current);
    opened.current = true;
    const fromRoute = useTalksStore.getState().filters.query;
    setQuery((typed) => (typed.trim() === fromRoute.trim() ? typed : fromRoute));
  }, [routeKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (debounced !== useTalksStore.getState().filters.query) useTalksStore.getState().setFilters({ query: debounced });
  }, [debounced]);

  useEffect(() => {
    if (!highlightId) return;
    const timer = setTimeout(() => useTalksStore.getState().clearHighlight(highlightId), 4000);
    return () => clearTimeout(timer);
  }, [highlightId]);

  const set = (patch: Parameters<ReturnType<typeof useTalksStore.getState>['setFilters']>[0]) => useTalksStore.getState().setFilters(patch);
  const shown = useMemo(() => shownTalks(talks, filters.query), [talks, filters.query]);
  const person = filters.memberId ? (talks.find((t) => t.memberId === filters.memberId)?.personLabel ?? '这名党员') : filters.personName;

  const remove = (t: Talk) =>
    modal.confirm({
      title: '删除这条谈话记录？',
      content: `${t.date} 与${t.personLabel}的${TALK_KIND_LABELS[t.kind]}记录将移到回收站，可以从回收站恢复。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await useTalksStore.getState().remove(t.id);
          message.success('已删除谈话记录');
        } catch (e) {
          message.error(`删除失败：${errorText(e)}`);
        }
      },
    });

  const allColumns: ChoosableColumn<Talk>[] = [
    { key: 'date', title: '日期', dataIndex: 'date', width: 108 },
    {
      key: 'person',
      title: '谈话对象',
      width: 120,
      fixed: 'left',
      render: (_: unknown, t) => (
        <Button
          type="link"
          size="small"
          className="person-link"
          aria-label={`只看${t.personLabel}的谈话记录`}
          onClick={(e) => {
            e.stopPropagation();
            set(t.memberId ? { memberId: t.memberId, personName: null, year: null } : { personName: t.personLabel, memberId: null, year: null });
          }}
        >
          {t.personLabel}
        </Button>
      ),
    },
    { key: 'kind', title: '类型', width: 96, render: (_: unknown, t) => TALK_KIND_LABELS[t.kind] },
    { key: 'form', title: '形式', dataIndex: 'form', width: 60 },
    { key: 'talkers', title: '谈话人', width: 130, ellipsis: true, render: (_: unknown, t) => t.talkerNames.join('、') },
    { key: 'trigger', title: '起因', dataIndex: 'trigger', width: 110 },
    { key: 'topic', title: '主题', dataIndex: 'topic', width: 150, ellipsis: true, render: (v: string) => v || '—' },
    { key: 'followUp', title: '回访', width: 108, render: (_: unknown, t) => t.followUpDate || '—' },
    { key: 'resolved', title: '解决', width: 80, render: (_: unknown, t) => (t.resolved ? <Tag color="success">已解决</Tag> : t.problems ? <Tag color="warning">未解决</Tag> : '—') },
    {
      key: 'actions',
      title: '操作',
      width: 120,
      fixed: 'right',
      render: (_: unknown, t) => (
        <span className="row-actions" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
          <Button type="link" size="small" aria-label={`修改${t.date}与${t.personLabel}的谈话`} onClick={() => useTalksStore.getState().openEdit(t)}>
            修改
          </Button>
          <Button type="link" size="small" icon={<PrinterOutlined aria-hidden="true" />} aria-label={`打印${t.date}与${t.personLabel}的谈话记录`} onClick={() => void print.show(talkDocument(t.id))} />
          <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={`删除${t.date}与${t.personLabel}的谈话`} onClick={() => remove(t)} />
        </span>
      ),
    },
  ];
  const { columns, chooser } = useColumnChoice('talks', allColumns, []);
  const thisYear = new Date().getFullYear();
  const years = [null, thisYear, thisYear - 1, thisYear - 2, thisYear - 3, thisYear - 4];

  return (
    <>
      <PageTitle
        title="谈心谈话"
        extra={
          <Button id="talk-new" type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={() => useTalksStore.getState().openCreate()}>
            记录谈心谈话
          </Button>
        }
      />
      <div role="search" aria-label="查找谈话记录" className="roster-filters">
        <div className="filter-bar">
          <SearchFilter id="talk-search" placeholder="姓名、主题、内容" width={240} value={query} onChange={setQuery} />
          <div className="filter-item">
            <span className="filter-label" id="talk-year-label">
              年份
            </span>
            <Select<string>
              id="talk-year"
              aria-labelledby="talk-year-label"
              style={{ width: 110 }}
              value={filters.year === null ? ALL : String(filters.year)}
              onChange={(v) => set({ year: v === ALL ? null : Number(v) })}
              options={years.map((y) => (y === null ? { value: ALL, label: '全部年份' } : { value: String(y), label: `${y} 年` }))}
            />
          </div>
          <div className="filter-item">
            <span className="filter-label" id="talk-kind-label">
              类型
            </span>
            <Select<string>
              id="talk-kind"
              aria-labelledby="talk-kind-label"
              style={{ width: 120 }}
              value={filters.kind ?? ALL}
              onChange={(v) => set({ kind: v === ALL ? null : (v as TalkKind) })}
              options={[{ value: ALL, label: '全部' }, ...TALK_KIND_CODES.map((k) => ({ value: k, label: TALK_KIND_LABELS[k] }))]}
            />
          </div>
          {person ? (
            <Tag closable onClose={() => set({ memberId: null, personName: null, year: filters.year ?? thisYear })} className="person-filter" closeIcon={<CloseCircleFilled aria-label={`不再只看${person}`} />}>
              只看：{person}
            </Tag>
          ) : null}
          <Button
            icon={<ReloadOutlined aria-hidden="true" />}
            onClick={() => {
              setQuery('');
              set({ year: thisYear, kind: null, memberId: null, personName: null, query: '' });
            }}
          >
            清除条件
          </Button>
          <div className="roster-tools">
            <div className="roster-count" role="status" aria-live="polite" data-testid="talk-count">
              共 {shown.length} 次
            </div>
            {chooser}
          </div>
        </div>
      </div>
      {error ? <Alert type="error" showIcon role="alert" title={`谈话记录读取失败：${error}`} style={{ marginBottom: 12 }} /> : null}
      {shown.length === 0 && !loading && !error ? (
        <div className="roster-empty">
          <p>{person ? `还没有与${person}的谈话记录。` : '没有符合条件的谈话记录。请点右上角的“记录谈心谈话”。'}</p>
        </div>
      ) : (
        <DataTable<Talk>
          fillHeight
          aria-label="谈话记录"
          columns={columns}
          dataSource={shown}
          loading={loading && talks.length === 0}
          pagination={false}
          highlightKey={highlightId}
          rowClassName={() => 'roster-row'}
          onRow={(t) => ({
            tabIndex: 0,
            'aria-label': `${t.date} 与${t.personLabel}的${TALK_KIND_LABELS[t.kind]}，按回车键修改`,
            onClick: () => useTalksStore.getState().openEdit(t),
            onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
              if (e.target !== e.currentTarget) return;
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                useTalksStore.getState().openEdit(t);
              }
            },
          })}
        />
      )}
      <TalkForm />
      {print.element}
    </>
  );
}

export default TalksPage;
