/** 发展党员: a column per stage with what is due next, the probationers due for 转正, finished records collapsed. */
import { openScreen } from '../../app/screens';
import { useRoute } from '../../app/router';
import { ExclamationCircleFilled, PlusOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Spin, Tag } from 'antd';
import { useEffect } from 'react';
import type { BoardEntry, PipelineBoard, ProbationEntry } from '../../../../shared/domain/pipeline';
import { PageTitle } from '../../components/PageTitle';
import { useAppStore } from '../../stores/appStore';
import { useMemberStore } from '../roster/memberStore';
import { usePipelineStore } from './pipelineStore';
import { ApplicantDetail } from './ApplicantDetail';
import { ApplicantForm } from './ApplicantForm';
import { dueText } from './nextStepText';
import './pipeline.css';

/** The four stages of the procedure that make the board's columns; 正式党员 still to be filed joins the last. */
const COLUMNS = [
  { stage: '入党申请人', since: '递交申请' },
  { stage: '入党积极分子', since: '确定为积极分子' },
  { stage: '发展对象', since: '确定为发展对象' },
  { stage: '预备党员', since: '接收为预备党员' },
] as const;

function Card({ e, today }: { e: BoardEntry; today: string }) {
  const open = usePipelineStore((s) => s.openDetail);
  const hint = e.next ? dueText(e.next, today) : null;
  const sinceLabel = e.stage === '正式党员' ? '转正' : e.stage === '已终止' ? '终止' : (COLUMNS.find((c) => c.stage === e.stage)?.since ?? '阶段开始');
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
          {sinceLabel}：{e.stageSince}
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

function Column({ title, entries, total, today }: { title: string; entries: BoardEntry[]; total: number; today: string }) {
  const id = `col-${title}`;
  const overdue = entries.filter((e) => e.next?.overdue).length;
  return (
    <section className="pipeline-column" aria-labelledby={id}>
      <h3 id={id} className="pipeline-column-title">
        {title}
        <span className="pipeline-column-count">{total} 人</span>
        {overdue ? <Tag color="error">{overdue} 人逾期</Tag> : null}
      </h3>
      {entries.length ? (
        <ul className="pipeline-cards">
          {entries.map((e) => (
            <Card key={e.id} e={e} today={today} />
          ))}
        </ul>
      ) : (
        <p className="pipeline-empty">暂无</p>
      )}
    </section>
  );
}

function ProbationList({ board }: { board: PipelineBoard }) {
  const openApplicant = usePipelineStore((s) => s.openDetail);
  const { dueSoon, overdue } = board.probation;
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
    <section className="pipeline-probation" aria-labelledby="probation-title">
      <h3 id="probation-title" className="form-section-title">
        即将转正（预备期 30 天内期满或已期满）
      </h3>
      {dueSoon.length + overdue.length === 0 ? (
        <p className="pipeline-empty">目前没有 30 天内预备期满的预备党员。</p>
      ) : (
        <ul className="pipeline-probation-list" aria-label="即将转正的预备党员">
          {overdue.map((p) => row(p, true))}
          {dueSoon.map((p) => row(p, false))}
        </ul>
      )}
    </section>
  );
}

/** '#/pipeline?stage=入党积极分子' (a count on 首页) shows that stage alone; 正式党员 opens the finished sections. */
function useStageShown(): string | null {
  const stage = useRoute().query.stage ?? null;
  return stage && (COLUMNS.some((c) => c.stage === stage) || stage === '正式党员') ? stage : null;
}

export function PipelinePage() {
  const { board, loading, error } = usePipelineStore();
  const openCreate = usePipelineStore((s) => s.openCreate);
  const stageShown = useStageShown();
  const columns = stageShown ? COLUMNS.filter((c) => c.stage === stageShown) : COLUMNS;

  useEffect(() => {
    void usePipelineStore.getState().loadBoard();
  }, []);

  const stage = (name: string) => board?.stages.find((s) => s.stage === name);
  const active = (name: string) => (stage(name)?.entries ?? []).filter((e) => e.next !== null);
  const finished = (stage('正式党员')?.entries ?? []).filter((e) => e.next === null);
  const toFile = active('正式党员');
  const terminated = stage('已终止')?.entries ?? [];
  const today = board?.today ?? '';

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
      {stageShown ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`只显示“${stageShown}”阶段。`}
          action={<Button onClick={() => openScreen('pipeline')}>显示全部阶段</Button>}
        />
      ) : null}
      {board ? (
        <>
          {stageShown ? null : <ProbationList board={board} />}
          <div className={`pipeline-board${columns.length === 1 ? ' is-single' : ''}`} aria-label="发展阶段">
            {columns.map((c) => (
              <Column key={c.stage} title={c.stage} entries={active(c.stage)} total={active(c.stage).length} today={today} />
            ))}
          </div>
          <Collapse
            key={stageShown ?? 'all'}
            defaultActiveKey={stageShown === '正式党员' ? ['file', 'done'] : []}
            className="pipeline-finished"
            items={[
              ...(toFile.length
                ? [{ key: 'file', label: `已转正、待材料归档（${toFile.length} 人）`, children: <ul className="pipeline-cards is-row">{toFile.map((e) => <Card key={e.id} e={e} today={today} />)}</ul> }]
                : []),
              { key: 'done', label: `已完成（${finished.length} 人）`, children: finished.length ? <ul className="pipeline-cards is-row">{finished.map((e) => <Card key={e.id} e={e} today={today} />)}</ul> : <p className="pipeline-empty">暂无</p> },
              { key: 'stopped', label: `已终止（${terminated.length} 人）`, children: terminated.length ? <ul className="pipeline-cards is-row">{terminated.map((e) => <Card key={e.id} e={e} today={today} />)}</ul> : <p className="pipeline-empty">暂无</p> },
            ]}
          />
        </>
      ) : null}
      <ApplicantDetail />
      <ApplicantForm />
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default PipelinePage;
