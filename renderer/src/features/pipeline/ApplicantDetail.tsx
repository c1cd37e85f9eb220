/** One applicant: the fields, the 25 steps as a timeline (done with dates, the next one highlighted), and the actions. */
import { openScreen } from '../../app/screens';
import { CheckCircleFilled, RightCircleFilled, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { educationLabel } from '../../../../shared/domain/codes';
import { maskIdNumber } from '../../../../shared/domain/idNumber';
import { PIPELINE_PHASES, PIPELINE_STEPS, STEP, stepInfo, type Applicant } from '../../../../shared/domain/pipeline';
import { errorText } from '../../api';
import { DetailDrawer, useConfirmDelete } from '../../components/DetailDrawer';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useAppStore } from '../../stores/appStore';
import { useMemberStore } from '../roster/memberStore';
import { usePipelineStore } from './pipelineStore';
import { dueText } from './nextStepText';
import { StepDialog } from './StepDialog';
import { TerminateDialog } from './TerminateDialog';

const PHASE_NUMBERS = ['一', '二', '三', '四', '五'];

function Timeline({ a }: { a: Applicant }) {
  const today = dayjs().format('YYYY-MM-DD');
  const done = new Map(a.steps.map((s) => [s.step, s]));
  return (
    <div className="pipeline-timeline">
      {PIPELINE_PHASES.map((phase, i) => (
        <section key={phase.stage} aria-labelledby={`phase-${i}`}>
          <h4 id={`phase-${i}`} className="pipeline-phase-title">
            {PHASE_NUMBERS[i]}、{phase.title}
          </h4>
          <ol className="pipeline-steps">
            {PIPELINE_STEPS.filter((s) => s.stage === phase.stage).map((s) => {
              const record = done.get(s.step);
              const isNext = a.next?.step === s.step;
              const cls = record ? 'is-done' : isNext ? 'is-next' : 'is-pending';
              const hint = isNext && a.next ? dueText(a.next, today) : null;
              return (
                <li key={s.step} className={`pipeline-step ${cls}`} aria-current={isNext ? 'step' : undefined} data-step={s.step}>
                  <span className="pipeline-step-mark" aria-hidden="true">
                    {record ? <CheckCircleFilled /> : isNext ? <RightCircleFilled /> : s.step}
                  </span>
                  <div className="pipeline-step-body">
                    <div>
                      <span className="pipeline-step-title">
                        第 {s.step} 步　{s.title}
                      </span>
                      {record ? (
                        <span className="pipeline-step-state">已完成 {record.date}</span>
                      ) : isNext ? (
                        <Tag color={a.next?.overdue ? 'error' : 'processing'} className="pipeline-step-tag">
                          {a.next?.overdue ? '下一步（已逾期）' : '下一步'}
                        </Tag>
                      ) : (
                        <span className="pipeline-step-state muted">未进行</span>
                      )}
                    </div>
                    {record?.note ? <div className="pipeline-step-note">{record.note}</div> : null}
                    {hint ? <div className={a.next?.overdue ? 'pipeline-overdue' : 'pipeline-due'}>{hint}</div> : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function ApplicantDetail() {
  const detailId = usePipelineStore((s) => s.detailId);
  const a = usePipelineStore((s) => s.detail);
  const close = usePipelineStore((s) => s.closeDetail);
  const { message, modal } = App.useApp();
  const returnFocus = useReturnFocus(!!detailId, '#pipeline-new');
  const askDelete = useConfirmDelete();
  const [error, setError] = useState<string | null>(null);
  const [stepOpen, setStepOpen] = useState(false);
  const [terminateOpen, setTerminateOpen] = useState(false);

  useEffect(() => {
    setError(null);
    setStepOpen(false);
    setTerminateOpen(false);
    if (detailId) usePipelineStore.getState().reloadDetail().catch((e: unknown) => setError(errorText(e)));
  }, [detailId]);

  const terminated = a?.stage === '已终止';
  const last = a ? a.steps.reduce((n, s) => Math.max(n, s.step), 0) : 0;
  const canUndo = !!a && (terminated || last > STEP.application);
  const canTerminate = !!a && !terminated && last < STEP.admissionApproval;

  const confirmUndo = () => {
    if (!a) return;
    const what = terminated ? '终止' : `第 ${last} 步“${stepInfo(last).title}”`;
    modal.confirm({
      title: `撤销${what}？`,
      content:
        !terminated && last === STEP.admissionApproval
          ? '撤销后，接收时在党员名册中建立的预备党员记录会移到回收站。'
          : terminated
            ? '撤销后，恢复到终止前的发展阶段。'
            : '撤销后，这一步的记录移到回收站，可以重新记录。',
      okText: '撤销',
      cancelText: '取消',
      onOk: async () => {
        try {
          await usePipelineStore.getState().undoStep(a.id);
          message.success(`已撤销${what}`);
        } catch (e) {
          modal.error({ title: '无法撤销', content: errorText(e), okText: '知道了' });
        }
      },
    });
  };

  const confirmDelete = () => {
    if (!a) return;
    askDelete({
      title: `删除“${a.name}”的发展记录？`,
      content: '删除后，这条记录及其全部步骤移到回收站，需要时可以恢复。已接收的党员在名册中的记录不受影响。',
      remove: () => usePipelineStore.getState().remove(a.id),
      done: `已删除“${a.name}”的发展记录`,
    });
  };

  const openMember = (id: string) => {
    close();
    openScreen('roster');
    void useMemberStore.getState().openDetail(id);
  };

  return (
    <DetailDrawer
      open={!!detailId}
      title={a ? `发展党员：${a.name}` : '发展党员'}
      size={860}
      onClose={close}
      afterOpenChange={returnFocus}
      error={error}
      loaded={!!a}
      onEdit={() => a && usePipelineStore.getState().openEdit(a)}
      editPrimary={false}
      onDelete={confirmDelete}
    >
      {a ? (
        <>
          {a.warnings.length ? (
            <Alert
              type="warning"
              showIcon
              role="note"
              style={{ marginBottom: 16 }}
              title="提醒"
              description={
                <ul className="pipeline-warning-list">
                  {a.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {terminated ? (
            <Alert type="info" showIcon role="note" style={{ marginBottom: 16 }} title={`已于 ${a.terminatedDate ?? ''} 终止发展`} description={a.terminationReason ? `原因：${a.terminationReason}` : undefined} />
          ) : null}
          <div className="pipeline-actions" role="group" aria-label="发展步骤操作">
            {a.next && !terminated ? (
              <Button type="primary" size="large" onClick={() => setStepOpen(true)}>
                记录下一步：第 {a.next.step} 步 {a.next.title}
              </Button>
            ) : null}
            {canUndo ? (
              <Button size="large" icon={<RollbackOutlined aria-hidden="true" />} onClick={confirmUndo}>
                {terminated ? '撤销终止' : '撤销上一步'}
              </Button>
            ) : null}
            {canTerminate ? (
              <Button size="large" danger icon={<StopOutlined aria-hidden="true" />} onClick={() => setTerminateOpen(true)}>
                终止发展
              </Button>
            ) : null}
          </div>
          <Descriptions bordered size="small" column={2} title={<h3 className="form-section-title">发展情况</h3>} styles={{ label: { width: 156 } }}>
            <Descriptions.Item label="当前阶段">
              <strong>{a.stage}</strong>
              {a.stageSince ? `（${a.stageSince} 起）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="递交申请书日期">{a.applicationDate}</Descriptions.Item>
            <Descriptions.Item label="培养联系人">{a.cultivators.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="入党介绍人">{a.introducers.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="集中培训">
              {a.trainingDays !== null || a.trainingHours !== null ? `${a.trainingDays ?? 0} 天，${a.trainingHours ?? 0} 学时` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="入党日期">{a.admissionDate ?? '—'}</Descriptions.Item>
            {a.memberId ? (
              <Descriptions.Item label="党员名册" span={2}>
                <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => openMember(a.memberId!)}>
                  在党员名册中查看“{a.name}”
                </Button>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <h3 className="form-section-title" style={{ marginTop: 24 }}>
            发展步骤（25 步）
          </h3>
          <Timeline a={a} />
          <Descriptions bordered size="small" column={2} title={<h3 className="form-section-title">基本情况</h3>} style={{ marginTop: 24 }} styles={{ label: { width: 156 } }}>
            <Descriptions.Item label="姓名">{a.name}</Descriptions.Item>
            <Descriptions.Item label="性别">{a.gender}</Descriptions.Item>
            <Descriptions.Item label="身份证号">
              <span style={{ fontFamily: 'monospace', fontSize: 16 }}>{maskIdNumber(a.idNumber)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="出生日期">{a.birthDate}</Descriptions.Item>
            <Descriptions.Item label="民族">{a.ethnicity}</Descriptions.Item>
            <Descriptions.Item label="学历">{educationLabel(a.education)}</Descriptions.Item>
            <Descriptions.Item label="政治面貌">{a.politicalStatus}</Descriptions.Item>
            <Descriptions.Item label="党小组">{a.partyGroup ?? '未分组'}</Descriptions.Item>
            <Descriptions.Item label="工作单位">{a.workUnit || '—'}</Descriptions.Item>
            <Descriptions.Item label="岗位/职务">{a.post || '—'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{a.phone || '—'}</Descriptions.Item>
            <Descriptions.Item label="籍贯">{a.nativePlace || '—'}</Descriptions.Item>
          </Descriptions>
          <StepDialog applicant={a} open={stepOpen} onClose={() => setStepOpen(false)} />
          <TerminateDialog applicant={a} open={terminateOpen} onClose={() => setTerminateOpen(false)} />
        </>
      ) : null}
    </DetailDrawer>
  );
}
