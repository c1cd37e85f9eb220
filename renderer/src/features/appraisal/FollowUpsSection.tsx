/**
 * 不合格处置: the follow-ups that the campaign's 不合格 grades opened (domain.md 3.3), listed under the tally, each
 * edited in a drawer — the kind, the decision date, the deadline of a 限期改正 (6–12 months on), the state, a note.
 */
import { Alert, App, Button, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { Campaign, FollowUp } from '../../../../shared/contract/appraisal';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATES, followUpProblem, type FollowUpKind, type FollowUpState } from '../../../../shared/domain/appraisal';
import type { FieldProblem } from '../../../../shared/domain/member';
import { api, ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, toDayjs, type RefusedDate } from '../../components/dates';
import { FormDrawer, FormFooter, useRequestClose } from '../../components/FormDrawer';
import { summaryAfterTry, useInlineChecks } from '../../components/useInlineChecks';
import { useReturnFocus } from '../../components/useReturnFocus';

const STATE_TONE: Record<FollowUpState, string> = { 进行中: 'appraisal-tone-orange', 已改正: 'appraisal-tone-green', 已处置: 'appraisal-tone-blue' };

interface FollowUpValues {
  kind: FollowUpKind;
  decidedDate: Dayjs | RefusedDate | null;
  deadline: Dayjs | RefusedDate | null;
  state: FollowUpState;
  note: string;
}

const ORDER = ['kind', 'decidedDate', 'deadline', 'state', 'note'] as const;

function followUpProblems(v: FollowUpValues): FieldProblem[] {
  const decidedDate = fromDayjs(v.decidedDate);
  const deadline = fromDayjs(v.deadline) || null;
  if (!decidedDate) return [{ field: 'decidedDate', message: '请填写决定日期' }];
  const problem = followUpProblem({ kind: v.kind, decidedDate, deadline, state: v.state });
  return problem ? [problem] : [];
}

function FollowUpDrawer({ editing, onClose, onSaved }: { editing: FollowUp | null; onClose(): void; onSaved(f: FollowUp): void }) {
  const open = editing !== null;
  const { message } = App.useApp();
  const returnFocus = useReturnFocus(open, '#appraisal-followups-title');
  const [form] = Form.useForm<FollowUpValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const requestClose = useRequestClose(form, saving, onClose);
  const values = () => form.getFieldsValue(true) as FollowUpValues;
  const checks = useInlineChecks(form, ORDER, () => followUpProblems(values()), summaryAfterTry(setFormError));
  const leave = (f: string) => checks.leave(f);
  const kind = (Form.useWatch('kind', form) ?? '限期改正') as FollowUpKind;

  useEffect(() => {
    if (!editing) return;
    checks.reset({ kind: editing.kind, decidedDate: toDayjs(editing.decidedDate), deadline: toDayjs(editing.deadline), state: editing.state, note: editing.note });
    setFormError(null);
  }, [editing, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = async () => {
    if (!editing || !checks.trySave()) return;
    const v = values();
    setSaving(true);
    try {
      const saved = await api().call('appraisal.updateFollowUp', {
        followUpId: editing.id,
        kind: v.kind,
        decidedDate: fromDayjs(v.decidedDate),
        deadline: v.kind === '限期改正' ? fromDayjs(v.deadline) || null : null,
        state: v.state,
        note: v.note ?? '',
        expectedUpdatedAt: editing.updatedAt,
      });
      message.success(`已保存${saved.name}的处置记录`);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues);
      setFormError(
        e instanceof ApiError && e.code === 'E_CONFLICT' ? '这条处置记录刚刚已在别处被修改，您这次的修改尚未保存。请关闭后重新打开再修改。' : `未能保存：${errorText(e)}`,
      );
    } finally {
      setSaving(false);
    }
  };

  const title = editing ? `评议不合格的处置：${editing.name}（${editing.year} 年）` : '评议不合格的处置';
  return (
    <FormDrawer afterOpenChange={returnFocus} open={open} title={title} size={640} onClose={requestClose}>
      <Form<FollowUpValues> form={form} layout="vertical" name="followUp" aria-label={title} onFinish={onFinish} onValuesChange={checks.onValuesChange} scrollToFirstError={false}>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label="处置方式" required>
              <Select autoFocus options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: k }))} onBlur={leave('kind')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="state" label="处置状态" required>
              <Select options={FOLLOW_UP_STATES.map((s) => ({ value: s, label: s }))} onBlur={leave('state')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="decidedDate" label="决定日期" required>
              <DateInput style={{ width: '100%' }} onBlur={leave('decidedDate')} />
            </Form.Item>
          </Col>
          {kind === '限期改正' ? (
            <Col span={12}>
              <Form.Item name="deadline" label="改正期限" required extra="作出决定后 6 至 12 个月">
                <DateInput allowFuture style={{ width: '100%' }} onBlur={leave('deadline')} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={24}>
            <Form.Item name="note" label="处置情况">
              <Input.TextArea maxLength={1000} autoSize={{ minRows: 3, maxRows: 8 }} onBlur={leave('note')} />
            </Form.Item>
          </Col>
        </Row>
        <FormFooter onCancel={requestClose} saving={saving} />
      </Form>
    </FormDrawer>
  );
}

/** The campaign's follow-ups; `version` changes whenever grades were saved, so the list is read again. */
export function FollowUpsSection({ campaign, version }: { campaign: Campaign; version: number }) {
  const [followUps, setFollowUps] = useState<FollowUp[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<FollowUp | null>(null);

  const load = useCallback(async () => {
    try {
      setFollowUps(await api().call('appraisal.followUps', { campaignId: campaign.id }));
      setProblem(null);
    } catch (e) {
      setProblem(`未能读取不合格处置：${errorText(e)}`);
    }
  }, [campaign.id]);
  useEffect(() => void load(), [load, version]);

  const columns: ColumnsType<FollowUp> = [
    { key: 'name', title: '姓名', dataIndex: 'name', width: 96 },
    { key: 'kind', title: '处置方式', dataIndex: 'kind', width: 96 },
    { key: 'decidedDate', title: '决定日期', dataIndex: 'decidedDate', width: 112 },
    { key: 'deadline', title: '改正期限', width: 112, render: (_v, f) => f.deadline ?? '—' },
    { key: 'state', title: '处置状态', width: 96, render: (_v, f) => <Tag className={STATE_TONE[f.state]}>{f.state}</Tag> },
    { key: 'note', title: '处置情况', dataIndex: 'note', ellipsis: true },
    {
      key: 'edit',
      title: '操作',
      width: 80,
      render: (_v, f) => (
        <Button size="small" aria-label={`修改${f.name}的处置`} onClick={() => setEditing(f)}>
          修改
        </Button>
      ),
    },
  ];

  return (
    <section className="appraisal-followups" aria-labelledby="appraisal-followups-title">
      <h3 id="appraisal-followups-title">不合格处置</h3>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
      {followUps?.length === 0 ? (
        <p className="muted">没有评定为不合格的党员。评定为不合格时，这里自动建立限期改正的处置记录。</p>
      ) : (
        <Table<FollowUp>
          aria-label="不合格处置"
          size="small"
          bordered
          rowKey="id"
          columns={columns}
          dataSource={followUps ?? []}
          loading={followUps === null && !problem}
          pagination={false}
          tableLayout="fixed"
        />
      )}
      <FollowUpDrawer
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setFollowUps((list) => (list ?? []).map((f) => (f.id === saved.id ? saved : f)));
          setEditing(null);
        }}
      />
    </section>
  );
}
