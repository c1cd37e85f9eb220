/** 记录下一步: the date, the step's own inputs (cultivators, introducers, training), checked with the shared rules. */
import { Alert, App, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { zodProblems } from '../../../../shared/contract/validate';
import type { FieldProblem, Member, MemberRow } from '../../../../shared/domain/member';
import {
  INTRODUCERS,
  MAX_CULTIVATORS,
  STEP,
  stepInfo,
  stepInputSchema,
  stepProblems,
  TRAINING_MIN_DAYS,
  TRAINING_MIN_HOURS,
  type Applicant,
  type ProposedPerson,
} from '../../../../shared/domain/pipeline';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs } from '../../components/dates';
import { FormModal } from '../../components/FormModal';
import { useInlineChecks } from '../../components/useInlineChecks';
import { useDebounced } from '../../components/useDebounced';
import { usePipelineStore } from './pipelineStore';
import { stateOf } from './pipelineModel';
import { dueText } from './nextStepText';

interface StepValues {
  date: Dayjs | null;
  cultivatorIds: string[];
  introducerIds: string[];
  trainingDays: number | null;
  trainingHours: number | null;
  note: string;
}

const ORDER = ['date', 'cultivatorIds', 'introducerIds', 'trainingDays', 'trainingHours', 'note'] as const;

export function StepDialog({ applicant, open, onClose }: { applicant: Applicant; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const recordStep = usePipelineStore((s) => s.recordStep);
  const findFullMembers = usePipelineStore((s) => s.findFullMembers);
  const [form] = Form.useForm<StepValues>();
  const [saving, setSaving] = useState(false);
  const [summary, setSummary] = useState<string[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [member, setMember] = useState<Member | null | 'loading'>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const [people, setPeople] = useState<MemberRow[]>([]);
  const known = useRef(new Map<string, MemberRow>());
  const next = applicant.next;
  const step = next?.step ?? 0;
  const picksPeople = step === STEP.cultivators || step === STEP.introducers;
  const today = dayjs().format('YYYY-MM-DD');

  const values = () => form.getFieldsValue(true) as StepValues;

  const proposed = (ids: string[]): ProposedPerson[] =>
    ids.map((id) => {
      const r = known.current.get(id);
      return r ? { id, name: r.name, category: r.category, status: r.status } : { id, name: null, category: null, status: null };
    });

  const problemsOf = (): FieldProblem[] => {
    const v = values();
    const date = fromDayjs(v.date);
    const raw = {
      step,
      date,
      note: v.note ?? '',
      cultivatorIds: step === STEP.cultivators ? (v.cultivatorIds ?? []) : [],
      introducerIds: step === STEP.introducers ? (v.introducerIds ?? []) : [],
      trainingDays: step === STEP.training ? (v.trainingDays ?? null) : null,
      trainingHours: step === STEP.training ? (v.trainingHours ?? null) : null,
    };
    const required: FieldProblem[] = date ? [] : [{ field: 'date', message: '请填写完成这一步的日期' }];
    const parsed = stepInputSchema.safeParse(raw);
    if (!parsed.success) return [...required, ...zodProblems(parsed.error).filter((p) => !(p.field === 'date' && !date))];
    // Until the member made on admission is read, the rules about it are left to main.
    const m = member === 'loading' ? ({ category: '正式党员', status: '正常', joinDate: '', probationExtensionMonths: 0 } as unknown as Member) : member;
    const state = stateOf(applicant, m);
    return stepProblems(state, parsed.data, { cultivators: proposed(parsed.data.cultivatorIds), introducers: proposed(parsed.data.introducerIds) }, today);
  };

  const checks = useInlineChecks(form, ORDER, problemsOf, (problems, { tried }) => {
    setSummary(tried ? [...new Set(problems.map((p) => p.message))] : []);
  });
  const leave = (field: keyof StepValues) => checks.leave(field);

  useEffect(() => {
    if (!open) return;
    setSummary([]);
    setServerError(null);
    setSearch('');
    checks.reset({ date: null, cultivatorIds: [], introducerIds: [], trainingDays: null, trainingHours: null, note: '' });
    if (applicant.memberId) {
      setMember('loading');
      usePipelineStore
        .getState()
        .getMember(applicant.memberId)
        .then(setMember)
        .catch(() => setMember(null));
    } else setMember(null);
  }, [open, applicant.id, applicant.memberId, form]);

  useEffect(() => {
    if (!open || !picksPeople) return;
    let live = true;
    findFullMembers(q)
      .then((rows) => {
        if (!live) return;
        for (const r of rows) known.current.set(r.id, r);
        setPeople(rows);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [q, open, picksPeople, findFullMembers]);

  if (!next) return null;

  const onFinish = async () => {
    setServerError(null);
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      const v = values();
      await recordStep(applicant.id, {
        step,
        date: fromDayjs(v.date),
        note: v.note ?? '',
        cultivatorIds: step === STEP.cultivators ? v.cultivatorIds : [],
        introducerIds: step === STEP.introducers ? v.introducerIds : [],
        trainingDays: step === STEP.training ? v.trainingDays : null,
        trainingHours: step === STEP.training ? v.trainingHours : null,
      });
      message.success(`已记录“${applicant.name}”的第 ${step} 步“${stepInfo(step).title}”`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues);
      else setServerError(`未能记录：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const title = `记录第 ${step} 步：${next.title}`;
  const hint = dueText(next, today);
  const peopleSelect = (name: 'cultivatorIds' | 'introducerIds', max: number) => (
    <Select
      mode="multiple"
      maxCount={max}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={people.map((r) => ({ value: r.id, label: `${r.name}（${r.partyGroup ?? '未分组'}）` }))}
      placeholder="输入姓名或拼音首字母查找正式党员"
      notFoundContent="没有找到正式党员"
      onBlur={leave(name)}
      style={{ width: '100%' }}
    />
  );

  return (
    <FormModal
      open={open}
      title={title}
      width={640}
      saving={saving}
      onCancel={onClose}
      form={form}
      name="pipeline-step"
      onFinish={onFinish}
      onValuesChange={checks.onValuesChange}
    >
      {serverError || summary.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="step-refusal"
          style={{ marginBottom: 16 }}
          title={serverError ?? `不能记录这一步：${summary[0]}`}
          description={!serverError && summary.length > 1 ? <ul className="step-refusal-more">{summary.slice(1).map((s) => <li key={s}>{s}</li>)}</ul> : undefined}
        />
      ) : null}
      <p className="step-dialog-who">
        {applicant.name}，当前阶段：{applicant.stage}
        {applicant.stageSince ? `（${applicant.stageSince} 起）` : ''}
      </p>
      <Form.Item name="date" label="完成日期" required extra={hint ?? undefined}>
        <DateInput style={{ width: 220 }} onBlur={leave('date')} autoFocus />
      </Form.Item>
      {step === STEP.cultivators ? (
        <Form.Item name="cultivatorIds" label="培养联系人" required extra={`从名册中选 1 至 ${MAX_CULTIVATORS} 名正式党员`}>
          {peopleSelect('cultivatorIds', MAX_CULTIVATORS)}
        </Form.Item>
      ) : null}
      {step === STEP.introducers ? (
        <Form.Item name="introducerIds" label="入党介绍人" required extra={`从名册中选 ${INTRODUCERS} 名正式党员`}>
          {peopleSelect('introducerIds', INTRODUCERS)}
        </Form.Item>
      ) : null}
      {step === STEP.training ? (
        <Space size={24} align="start">
          <Form.Item name="trainingDays" label="集中培训天数">
            <InputNumber min={0} max={365} precision={0} suffix="天" style={{ width: 160 }} onBlur={leave('trainingDays')} />
          </Form.Item>
          <Form.Item name="trainingHours" label="集中培训学时" extra={`不少于 ${TRAINING_MIN_DAYS} 天或 ${TRAINING_MIN_HOURS} 学时`}>
            <InputNumber min={0} max={2000} precision={0} suffix="学时" style={{ width: 160 }} onBlur={leave('trainingHours')} />
          </Form.Item>
        </Space>
      ) : null}
      <Form.Item name="note" label="说明">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} onBlur={leave('note')} />
      </Form.Item>
      {step === STEP.admissionApproval ? (
        <Alert type="info" showIcon role="note" title="保存后，将用申请人的信息在党员名册中建立预备党员记录（入党日期为支部大会讨论的日期），无需重新录入。" />
      ) : null}
    </FormModal>
  );
}
