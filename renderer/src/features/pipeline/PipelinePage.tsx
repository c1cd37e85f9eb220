/**
 * 发展党员: a search and filters over a board of columns per stage (each scrolling on its own, so the page
 * fits the window), with 即将转正, 已完成 and 已终止 as tabs. Tab, stage and 只看逾期 live in the address
 * ('#/pipeline?stage=发展对象&overdue=1', 'tab=done'), so other screens can link to them; so do 首页's reminders:
 * 'due=month' (next step due by the month's end) and 'tab=probation&soon=1' (probation ending within 30 days).
 */
import { ExclamationCircleFilled, PlusOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Select, Spin, Tabs, Tag } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { PIPELINE_STEPS, type BoardEntry, type ProbationEntry } from '../../../../shared/domain/pipeline';
import { navigate, useRoute } from '../../app/router';
import { openScreen } from '../../app/screens';
import { PageTitle } from '../../components/PageTitle';
import { useMemberStore } from '../roster/memberStore';
import { ApplicantDetail } from './ApplicantDetail';
import { ApplicantForm } from './ApplicantForm';
import { boardView, COLUMNS, isColumnKey, monthEnd, TABS, type BoardView, type ColumnKey, type StepDone, type TabKey } from './boardView';
import { dueText } from './nextStepText';
import { usePipelineStore } from './pipelineStore';
import { useFillHeight } from './useFillHeight';
import './pipeline.css';

function sinceLabel(e: BoardEntry): string {
  if (e.stage === '正式党员') return '转正';
  if (e.stage === '已终止') return '终止';
  return COLUMNS.find((c) => c.key === e.stage)?.since ?? '阶段开始';
}

function Card({ e, today }: { e: BoardEntry; today: string }) {
  const open = usePipelineStore((s) => s.openDetail);
  const hint = e.next ? dueText(e.next, today) : null;
  return (
    <li className={`pipeline-card${e.next?.overdue ? ' is-overdue' : ''}`} data-testid="pipeline-card">
      <Button type="link" className="pipeline-card-name" onClick={() => open(e.id)} aria-label={`${e.name}，${e.stage}，查看发展详情`}>
        {e.name}
      </Button>
      <span className="pipeline-card-meta">
        {e.gender}
        {e.partyGroup ? ` · ${e.partyGroup}` : ''}
      </span>
      {e.stageSince ? (
        <div className="pipeline-card-line">
          {sinceLabel(e)}：{e.stageSince}
        </div>
      ) : null}
      {e.next ? (
        <div className="pipeline-card-line">
          下一步：第 {e.next.step} 步 {e.next.title}
        </div>
      ) : null}
      {e.next?.overdue ? (
        <div className="pipeline-overdue">
          <ExclamationCircleFilled aria-hidden="true" /> 已逾期：{hint}
        </div>
      ) : hint ? (
        <div className="pipeline-due">{hint}</div>
      ) : null}
      {e.warnings.length ? (
        <ul className="pipeline-card-warnings">
          {e.warnings.map((w) => (
            <li key={w}>
              <WarningOutlined aria-hidden="true" /> 提醒：{w}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function Column({ column, today, filtered }: { column: BoardView['columns'][number]; today: string; filtered: boolean }) {
  const id = `col-${column.key}`;
  const overdue = column.entries.filter((e) => e.next?.overdue).length;
  return (
    <section className="pipeline-column" aria-labelledby={id}>
      <h3 id={id} className="pipeline-column-title">
        {column.title}
        <span className="pipeline-column-count">{filtered ? `${column.entries.length} / ${column.total} 人` : `${column.total} 人`}</span>
        {overdue ? <Tag color="error">{overdue} 人逾期</Tag> : null}
      </h3>
      {column.entries.length ? (
        <ul className="pipeline-cards" aria-label={`${column.title}名单`}>
          {column.entries.map((e) => (
            <Card key={e.id} e={e} today={today} />
          ))}
        </ul>
      ) : (
        <p className="pipeline-empty">{filtered && column.total ? '没有符合条件的人' : '暂无'}</p>
      )}
    </section>
  );
}

/** A tab's content that reaches the window's bottom and scrolls on its own. */
function Filling({ children, className, label }: { children: ReactNode; className: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useFillHeight(ref, 20, 200, 'maxHeight');
  return (
    <div ref={ref} className={className} role="region" aria-label={label}>
      {children}
    </div>
  );
}

function Board({ view, today, filtered }: { view: BoardView; today: string; filtered: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useFillHeight(ref);
  return (
    <div ref={ref} className="pipeline-board" style={{ gridTemplateColumns: view.columns.length === 1 ? 'minmax(0, 560px)' : `repeat(${view.columns.length}, minmax(0, 1fr))` }}>
      {view.columns.map((c) => (
        <Column key={c.key} column={c} today={today} filtered={filtered} />
      ))}
    </div>
  );
}

function CardList({ entries, today, label, empty }: { entries: BoardEntry[]; today: string; label: string; empty: string }) {
  return (
    <Filling className="pipeline-scroll" label={label}>
      {entries.length ? (
        <ul className="pipeline-cards is-grid" aria-label={`${label}名单`}>
          {entries.map((e) => (
            <Card key={e.id} e={e} today={today} />
          ))}
        </ul>
      ) : (
        <p className="pipeline-empty">{empty}</p>
      )}
    </Filling>
  );
}

function ProbationList({ view }: { view: BoardView }) {
  const openApplicant = usePipelineStore((s) => s.openDetail);
  const { dueSoon, overdue } = view.probation;
  const openMember = (p: ProbationEntry) => {
    if (p.applicantId) return openApplicant(p.applicantId);
    openScreen('roster');
    void useMemberStore.getState().openDetail(p.memberId);
  };
  const row = (p: ProbationEntry, late: boolean) => (
    <li key={p.memberId} className={late ? 'is-overdue' : ''}>
      <Button type="link" className="pipeline-card-name" onClick={() => openMember(p)} aria-label={`${p.name}，查看详情`}>
        {p.name}
      </Button>
      <span>入党日期 {p.joinDate}，预备期满 {p.probationEnd}</span>
      {late ? (
        <span className="pipeline-overdue">
          <ExclamationCircleFilled aria-hidden="true" /> 已期满 {-p.daysLeft} 天，尚未转正
        </span>
      ) : (
        <span className="pipeline-due">{p.daysLeft === 0 ? '今天期满' : `还有 ${p.daysLeft} 天期满`}</span>
      )}
      {p.partyGroup ? <span className="muted">{p.partyGroup}</span> : null}
    </li>
  );
  return (
    <Filling className="pipeline-scroll pipeline-probation" label="即将转正">
      <p className="muted pipeline-probation-hint">预备期 30 天内期满或已期满、尚未转正的预备党员（按名册计算）。</p>
      {dueSoon.length + overdue.length === 0 ? (
        <p className="pipeline-empty">{view.probation.total ? '没有符合条件的预备党员。' : '目前没有 30 天内预备期满的预备党员。'}</p>
      ) : (
        <ul className="pipeline-probation-list" aria-label="即将转正的预备党员">
          {overdue.map((p) => row(p, true))}
          {dueSoon.map((p) => row(p, false))}
        </ul>
      )}
    </Filling>
  );
}

/** '?step=1&from=2026-01-01&to=2026-12-07' (本年度申请入党 on 首页): who did step 1 in that period. */
function stepDoneOf(query: Record<string, string | undefined>): StepDone | null {
  const step = Number(query.step);
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!Number.isInteger(step) || step < 1 || step > PIPELINE_STEPS.length || !date.test(query.from ?? '') || !date.test(query.to ?? '')) return null;
  return { step, from: query.from!, to: query.to! };
}

interface FilterRoute {
  tab: TabKey;
  /** '?stage=正式党员': 已完成 with those waiting for 材料归档 too, as 首页 counts the stage. */
  allFull: boolean;
  stage: ColumnKey | null;
  overdueOnly: boolean;
  stepDone: StepDone | null;
  /** '?due=month': only those whose next step is due by the end of this month. */
  dueMonth: boolean;
  /** '?soon=1': 即将转正 without those already past their probation. */
  soonOnly: boolean;
  set(q: { tab?: TabKey; stage?: ColumnKey | null; overdue?: boolean; stepDone?: null; dueMonth?: false; soonOnly?: false }): void;
}

/** Tab, stage, 只看逾期 and a step's period from the address; '?stage=正式党员' (a count on 首页) opens 已完成. */
function useFilterRoute(): FilterRoute {
  const { query } = useRoute();
  const finished = query.stage === '正式党员';
  const tab: TabKey = finished ? 'done' : TABS.find((t) => t === query.tab) ?? 'active';
  const stage = isColumnKey(query.stage) ? query.stage : null;
  const overdueOnly = query.overdue === '1';
  const stepDone = stepDoneOf(query);
  const dueMonth = query.due === 'month';
  const soonOnly = query.soon === '1';
  const set: FilterRoute['set'] = (q) => {
    const next = {
      tab: q.tab ?? tab,
      stage: q.stage === undefined ? stage : q.stage,
      overdue: q.overdue ?? overdueOnly,
      step: q.stepDone === null ? null : stepDone,
      due: q.dueMonth ?? dueMonth,
      soon: q.soonOnly ?? soonOnly,
    };
    openScreen(
      'pipeline',
      {
        tab: next.tab === 'active' ? null : next.tab,
        stage: next.stage,
        overdue: next.overdue ? '1' : null,
        step: next.step ? String(next.step.step) : null,
        from: next.step?.from ?? null,
        to: next.step?.to ?? null,
        due: next.due ? 'month' : null,
        soon: next.soon ? '1' : null,
      },
      { replace: true },
    );
  };
  return { tab, allFull: finished, stage, overdueOnly, stepDone, dueMonth, soonOnly, set };
}

/** '?applicant=<id>' (a name on 首页) opens that applicant; closing the detail takes the id out of the address. */
function useApplicantRoute(): void {
  const route = useRoute();
  const fromRoute = route.query.applicant ?? null;
  const detailId = usePipelineStore((s) => s.detailId);
  useEffect(() => {
    if (fromRoute && usePipelineStore.getState().detailId !== fromRoute) usePipelineStore.getState().openDetail(fromRoute);
  }, [fromRoute]);
  useEffect(() => {
    if (!usePipelineStore.getState().detailId && fromRoute) navigate(route.path, { ...route.query, applicant: null }, { replace: true });
  }, [detailId]); // eslint-disable-line react-hooks/exhaustive-deps
}

export function PipelinePage() {
  const { board, loading, error } = usePipelineStore();
  const openCreate = usePipelineStore((s) => s.openCreate);
  const [query, setQuery] = useState('');
  const { tab, allFull, stage, overdueOnly, stepDone, dueMonth, soonOnly, set } = useFilterRoute();
  useApplicantRoute();

  useEffect(() => {
    void usePipelineStore.getState().loadBoard();
  }, []);

  const today = board?.today ?? '';
  const dueBy = dueMonth && today ? monthEnd(today) : null;
  const view = board ? boardView(board, { query, stage, overdueOnly, stepDone, allFull, dueBy, soonOnly }) : null;
  const filtered = !!query.trim() || overdueOnly || !!stepDone || !!dueBy;
  const count = (n: number) => <span className="pipeline-tab-count">（{n}）</span>;
  const notFound = query.trim() ? `没有姓名含“${query.trim()}”的人` : '暂无';

  return (
    <>
      <PageTitle
        title="发展党员"
        extra={
          <>
            <Button size="large" icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void usePipelineStore.getState().loadBoard()}>
              刷新
            </Button>
            <Button id="pipeline-new" type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={openCreate}>
              新增入党申请人
            </Button>
          </>
        }
      />
      {error ? <Alert type="error" showIcon role="alert" title={`读取失败：${error}`} style={{ marginBottom: 12 }} /> : null}
      {!board && loading ? <Spin /> : null}
      <search className="filter-bar pipeline-filters" aria-label="查找和筛选">
        <div className="filter-item">
          <label htmlFor="pipeline-search">姓名</label>
          <Input.Search id="pipeline-search" allowClear placeholder="姓名或拼音首字母" value={query} onChange={(e) => setQuery(e.target.value)} style={{ width: 220 }} />
        </div>
        <div className="filter-item">
          <label htmlFor="pipeline-stage">阶段</label>
          <Select
            id="pipeline-stage"
            style={{ width: 180 }}
            value={stage ?? 'all'}
            disabled={tab !== 'active'}
            onChange={(v: string) => set({ stage: isColumnKey(v) ? v : null })}
            options={[{ value: 'all', label: '全部阶段' }, ...COLUMNS.map((c) => ({ value: c.key, label: c.title }))]}
          />
        </div>
        {stage && tab === 'active' ? (
          <span className="pipeline-stage-note">
            只显示“{COLUMNS.find((c) => c.key === stage)!.title}”阶段。
            <Button onClick={() => set({ stage: null })}>显示全部阶段</Button>
          </span>
        ) : null}
        {stepDone && view ? (
          <span className="pipeline-stage-note" data-testid="pipeline-step-note">
            只显示 {stepDone.from} 至 {stepDone.to} 期间“{PIPELINE_STEPS[stepDone.step - 1]!.title}”的 {view.stepDoneTotal} 人。
            <Button onClick={() => set({ stepDone: null })}>显示全部</Button>
          </span>
        ) : null}
        {dueBy && view ? (
          <span className="pipeline-stage-note" data-testid="pipeline-due-note">
            只显示下一步应在本月底（{dueBy}）前完成的 {view.columns.reduce((n, c) => n + c.total, 0)} 人（含已逾期）。
            <Button onClick={() => set({ dueMonth: false })}>显示全部</Button>
          </span>
        ) : null}
        {soonOnly && tab === 'probation' && view ? (
          <span className="pipeline-stage-note" data-testid="pipeline-soon-note">
            只显示 30 天内预备期满的 {view.probation.dueSoon.length} 人。
            <Button onClick={() => set({ soonOnly: false })}>显示全部</Button>
          </span>
        ) : null}
        <Checkbox className="pipeline-overdue-only" checked={overdueOnly} onChange={(e) => set({ overdue: e.target.checked })} disabled={tab === 'done' || tab === 'stopped'}>
          只看逾期{view ? `（${view.overdueTotal + view.probation.overdue.length} 人）` : ''}
        </Checkbox>
      </search>
      {view ? (
        <Tabs
          className="pipeline-tabs"
          activeKey={tab}
          onChange={(k) => set({ tab: k as TabKey })}
          items={[
            {
              key: 'active',
              label: <>进行中{count(view.columns.reduce((n, c) => n + c.entries.length, 0))}</>,
              children: <Board view={view} today={today} filtered={filtered} />,
            },
            {
              key: 'probation',
              label: (
                <>
                  即将转正{count(view.probation.overdue.length + view.probation.dueSoon.length)}
                  {view.probation.overdue.length ? <Tag color="error" className="pipeline-tab-tag">{view.probation.overdue.length} 人已期满</Tag> : null}
                </>
              ),
              children: <ProbationList view={view} />,
            },
            {
              key: 'done',
              label: <>已完成{count(view.done.length)}</>,
              children: <CardList entries={view.done} today={today} label="已完成" empty={notFound} />,
            },
            {
              key: 'stopped',
              label: <>已终止{count(view.stopped.length)}</>,
              children: <CardList entries={view.stopped} today={today} label="已终止" empty={notFound} />,
            },
          ]}
        />
      ) : null}
      <ApplicantDetail />
      <ApplicantForm />
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default PipelinePage;
