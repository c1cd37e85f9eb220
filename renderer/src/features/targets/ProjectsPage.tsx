/**
 * 立项攻关: the year's tackling projects — the production problem, the leader (a member) and team, start and planned
 * end, dated progress notes, status, outcome and its measured benefit (cost saved in yuan, time won in days). A
 * project opens in a drawer: its fields above, its progress notes below.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { projectSaveSchema, type Project } from '../../../../shared/contract/targets';
import { PROJECT_STATUSES, projectBenefitText, type ProjectStatus } from '../../../../shared/domain/targets';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { useConfirmDelete } from '../../components/DetailDrawer';
import { fromDayjs, RefusedDate } from '../../components/dates';
import { FormDrawer, FormFooter, useRequestClose } from '../../components/FormDrawer';
import { DataTable } from '../../components/table/DataTable';
import { useSavedRow } from './useSavedRow';
import { useReturnFocus } from '../../components/useReturnFocus';
import { DatedEntries } from './DatedEntries';
import { MemberSelect } from './MemberSelect';
import { useSchemaChecks } from './recordForm';
import { TargetsTitle } from './TargetsTitle';
import { useProjectsStore } from './targetsStore';
import { useYearFromRoute } from './year';
import { StatusTag, type Tone } from './StatusTag';

interface ProjectValues {
  title: string;
  problem: string;
  leaderId: string | null;
  memberIds: string[];
  startDate: Dayjs | RefusedDate | null;
  plannedEnd: Dayjs | RefusedDate | null;
  status: ProjectStatus;
  finishedDate: Dayjs | RefusedDate | null;
  outcome: string;
  benefitYuan: number | null;
  benefitDays: number | null;
  note: string;
}
const ORDER = ['title', 'problem', 'leaderId', 'memberIds', 'startDate', 'plannedEnd', 'status', 'finishedDate', 'outcome', 'benefitYuan', 'benefitDays', 'note'] as const;

const STATUS_TONE: Record<ProjectStatus, Tone> = { 进行中: 'blue', 已完成: 'green', 已中止: 'grey' };

function valuesOf(p: Project | null): ProjectValues {
  const day = (s: string | null) => (s ? dayjs(s) : null);
  return p
    ? {
        title: p.title,
        problem: p.problem,
        leaderId: p.leaderId,
        memberIds: p.memberIds,
        startDate: day(p.startDate),
        plannedEnd: day(p.plannedEnd),
        status: p.status,
        finishedDate: day(p.finishedDate),
        outcome: p.outcome,
        benefitYuan: p.benefitYuan,
        benefitDays: p.benefitDays,
        note: p.note,
      }
    : { title: '', problem: '', leaderId: null, memberIds: [], startDate: dayjs(), plannedEnd: null, status: '进行中', finishedDate: null, outcome: '', benefitYuan: null, benefitDays: null, note: '' };
}

function inputOf(v: ProjectValues) {
  return {
    title: v.title ?? '',
    problem: v.problem ?? '',
    leaderId: v.leaderId ?? '',
    memberIds: v.memberIds ?? [],
    startDate: fromDayjs(v.startDate),
    plannedEnd: fromDayjs(v.plannedEnd),
    status: v.status ?? '进行中',
    finishedDate: fromDayjs(v.finishedDate) || null,
    outcome: v.outcome ?? '',
    benefitYuan: v.benefitYuan ?? null,
    benefitDays: v.benefitDays ?? null,
    note: v.note ?? '',
  };
}

function ProjectDrawer({ open, project, onClose, onSaved }: { open: boolean; project: Project | null; onClose(): void; onSaved(id: string): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectValues>();
  const [saving, setSaving] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const returnFocus = useReturnFocus(open, '#projects-new');
  const checks = useSchemaChecks(form, ORDER, projectSaveSchema, inputOf, setSummary);
  const requestClose = useRequestClose(form, saving, onClose);
  const live = useProjectsStore((s) => s.projects.find((p) => p.id === project?.id) ?? project);
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!open) return;
    setSummary(null);
    checks.reset(valuesOf(project));
  }, [open, project?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = async () => {
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      const saved = await useProjectsStore.getState().save({ id: project?.id ?? null, ...inputOf(form.getFieldsValue(true) as ProjectValues), expectedUpdatedAt: live?.updatedAt ?? null });
      message.success(`攻关项目“${saved.title}”已保存`);
      onSaved(saved.id);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues);
      setSummary(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const leave = (f: (typeof ORDER)[number]) => ({ onBlur: checks.leave(f) });
  const known = project ? [{ id: project.leaderId, name: project.leaderName }, ...project.memberIds.map((id, i) => ({ id, name: project.memberNames[i] ?? '' }))] : [];
  const title = project ? `攻关项目：${project.title}` : '新增攻关项目';
  return (
    <FormDrawer open={open} title={title} size={Math.min(900, window.innerWidth - 24)} onClose={requestClose} afterOpenChange={returnFocus}>
      <Form<ProjectValues> form={form} layout="vertical" name="project" aria-label={title} onFinish={onFinish} onValuesChange={checks.onValuesChange}>
        {summary ? <Alert type="error" showIcon role="alert" title={summary} style={{ marginBottom: 12 }} /> : null}
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="title" label="项目名称" required>
              <Input maxLength={60} placeholder="如：两台报废减速箱拼修，保障 3 号钻机连续作业" {...leave('title')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="problem" label="生产难题">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} {...leave('problem')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leaderId" label="项目负责人" required>
              <MemberSelect known={known} aria-label="项目负责人" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="memberIds" label="攻关成员">
              <MemberSelect multiple known={known} aria-label="攻关成员" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="startDate" label="开始日期" required>
              <DateInput style={{ width: '100%' }} onBlur={checks.leave('startDate')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="plannedEnd" label="计划完成日期" required>
              <DateInput allowFuture style={{ width: '100%' }} onBlur={checks.leave('plannedEnd')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="status" label="状态">
              <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="finishedDate" label="完成日期" required={status === '已完成'}>
              <DateInput style={{ width: '100%' }} onBlur={checks.leave('finishedDate')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="outcome" label="攻关成果">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} {...leave('outcome')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="benefitYuan" label="节约费用（元）">
              <InputNumber min={0} max={1e10} style={{ width: '100%' }} onBlur={checks.leave('benefitYuan')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="benefitDays" label="节约时间（天）">
              <InputNumber min={0} max={10000} style={{ width: '100%' }} onBlur={checks.leave('benefitDays')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="note" label="备注">
              <Input maxLength={200} {...leave('note')} />
            </Form.Item>
          </Col>
        </Row>
        <FormFooter onCancel={requestClose} saving={saving} />
      </Form>
      {live && project ? (
        <section aria-labelledby="project-notes" style={{ marginTop: 16 }}>
          <h3 id="project-notes" className="form-section-title">
            攻关进展（{live.notes.length} 条）
          </h3>
          <DatedEntries
            noun="进展"
            entries={live.notes}
            add={(date, content) => useProjectsStore.getState().addNote({ projectId: project.id, date, content })}
            remove={(id) => useProjectsStore.getState().deleteNote(id)}
          />
        </section>
      ) : null}
    </FormDrawer>
  );
}

export function ProjectsPage() {
  const [savedId, markSaved] = useSavedRow();
  const year = useYearFromRoute();
  const { projects, loading, error } = useProjectsStore();
  const [open, setOpen] = useState<{ project: Project | null } | null>(null);
  const confirmDelete = useConfirmDelete();
  useEffect(() => void useProjectsStore.getState().load(year), [year]);

  return (
    <>
      <TargetsTitle
        title="立项攻关"
        error={error}
        extra={
          <Button id="projects-new" type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setOpen({ project: null })}>
            新增攻关项目
          </Button>
        }
      />
      {projects.length === 0 && !loading ? (
        <div className="roster-empty">
          <p>{year} 年没有进行中的攻关项目。党员针对生产难题立项后，点右上角的“新增攻关项目”登记。</p>
        </div>
      ) : (
        <DataTable<Project>
          highlightKey={savedId}
          aria-label={`${year} 年立项攻关`}
          fillHeight
          dataSource={projects}
          loading={loading && projects.length === 0}
          pagination={false}
          columns={[
            {
              key: 'title',
              title: '项目名称',
              dataIndex: 'title',
              width: 220,
              fixed: 'left',
              ellipsis: { showTitle: true },
              render: (v: string, p) => (
                <Button type="link" className="targets-name-link" onClick={() => setOpen({ project: p })} aria-label={`打开攻关项目${v}`}>
                  {v}
                </Button>
              ),
            },
            { key: 'leaderName', title: '负责人', dataIndex: 'leaderName', width: 80 },
            { key: 'memberNames', title: '成员', dataIndex: 'memberNames', ellipsis: { showTitle: true }, render: (v: string[]) => v.join('、') || <span className="muted">—</span> },
            { key: 'period', title: '起止', width: 210, render: (_v, p) => <span className="nowrap">{`${p.startDate} 至 ${p.finishedDate ?? p.plannedEnd}`}</span> },
            { key: 'status', title: '状态', dataIndex: 'status', width: 80, render: (v: ProjectStatus) => <StatusTag tone={STATUS_TONE[v]}>{v}</StatusTag> },
            {
              key: 'benefit',
              title: '效益',
              render: (_v, p) => projectBenefitText(p.benefitYuan, p.benefitDays) || <span className="muted">未测算</span>,
            },
            { key: 'notes', title: '进展', width: 120, render: (_v, p) => (p.notes.length ? `${p.notes.length} 条，最近 ${p.notes[0]!.date}` : <span className="muted">暂无</span>) },
            {
              key: 'actions',
              title: '操作',
              width: 110,
              fixed: 'right',
              render: (_v, p) => (
                <span className="row-actions">
                  <Button type="link" size="small" onClick={() => setOpen({ project: p })} aria-label={`打开${p.title}：查看、修改、记进展`}>
                    打开
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    aria-label={`删除${p.title}`}
                    onClick={() =>
                      confirmDelete({
                        title: `删除攻关项目“${p.title}”？`,
                        content: '它的进展记录一并删除，可以在回收站中恢复。',
                        remove: () => useProjectsStore.getState().remove(p.id),
                        done: `已删除攻关项目“${p.title}”`,
                      })
                    }
                  >
                    删除
                  </Button>
                </span>
              ),
            },
          ]}
        />
      )}
      <ProjectDrawer open={open !== null} project={open?.project ?? null} onClose={() => setOpen(null)} onSaved={markSaved} />
    </>
  );
}

export default ProjectsPage;
