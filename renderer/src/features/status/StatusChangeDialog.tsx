/** One dialog per kind of status change, with only the fields that kind needs, checked inline with the shared rules. */
import { Alert, App, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { LEAVING_FORMS } from '../../../../shared/domain/memberEvents';
import { probationEnd, type Member } from '../../../../shared/domain/member';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, toDayjs } from '../../components/dates';
import { FormModal } from '../../components/FormModal';
import { useInlineChecks } from '../../components/useInlineChecks';
import { useStatusStore } from './statusStore';
import { changeProblems, KIND_INFO, plainField, toEventInput, type ChangeKind, type EventValues } from './statusModel';

interface FormValues {
  date: Dayjs | null;
  meetingDate: Dayjs | null;
  docNumber: string;
  counterpart: string;
  months: number | null;
  subtype: string | undefined;
  reason: string;
}

const FIELD_ORDER = ['subtype', 'date', 'months', 'meetingDate', 'counterpart', 'docNumber', 'reason'] as const;

function initialValues(kind: ChangeKind, m: Member): FormValues {
  const end = probationEnd(m);
  const today = dayjs().format('YYYY-MM-DD');
  // 转正 is normally dated the day the probation ends (党龄 counts from it).
  const date = kind === '转正' && end && end <= today ? toDayjs(end) : null;
  return { date, meetingDate: null, docNumber: '', counterpart: '', months: null, subtype: undefined, reason: '' };
}

function plain(v: FormValues): EventValues {
  return {
    date: fromDayjs(v.date),
    meetingDate: fromDayjs(v.meetingDate),
    docNumber: v.docNumber ?? '',
    counterpart: v.counterpart ?? '',
    months: v.months ?? null,
    subtype: v.subtype,
    reason: v.reason ?? '',
  };
}

/** Labels of the fields per kind (the reason is required for some kinds). */
function labels(kind: ChangeKind) {
  return {
    counterpart: '转往党组织',
    docNumber: kind === '转出' ? '介绍信编号或文号' : kind === '转正' || kind === '延长预备期' ? '上级批复文号' : '文号',
    reason: kind === '去世' ? '说明' : kind === '转出' ? '转出原因' : '原因',
    reasonRequired: kind === '延长预备期' || kind === '停止党籍',
  };
}

export function StatusChangeDialog() {
  const dialog = useStatusStore((s) => s.dialog);
  const close = useStatusStore((s) => s.closeDialog);
  const record = useStatusStore((s) => s.record);
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [summary, setSummary] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  // Kept while the dialog closes, so it can animate out and give the focus back to the button that opened it.
  const last = useRef(dialog);
  if (dialog) last.current = dialog;
  const kind = last.current?.kind ?? null;
  const member = last.current?.member ?? null;

  const values = () => form.getFieldsValue(true) as FormValues;
  // Hooks come before the early return below, so kind and member may still be null here.
  const problemsNow = () => (kind && member ? changeProblems(kind, plain(values()), member) : []);
  const checks = useInlineChecks(form, FIELD_ORDER, problemsNow, (problems, { tried }) => {
    // Problems that belong to no field of this dialog (e.g. the member's state) are shown above the fields.
    const known = new Set<string>(FIELD_ORDER);
    setSummary(tried ? [...new Set(problems.filter((p) => !known.has(p.field)).map((p) => p.message))] : []);
  });
  const leave = (field: keyof FormValues) => checks.leave(field);

  useEffect(() => {
    if (!dialog) return;
    setSummary([]);
    setFormError(null);
    checks.reset(initialValues(dialog.kind, dialog.member));
  }, [dialog, form]);

  if (!kind || !member) return null;
  const info = KIND_INFO[kind];
  const l = labels(kind);
  const end = probationEnd(member);

  const onFinish = async () => {
    setFormError(null);
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      await record(member.id, toEventInput(kind, plain(values())));
      message.success(`已为“${member.name}”办理${info.action}`);
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues.map((p) => plainField(p, 'event.')));
      setFormError(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const title = `${info.action}：${member.name}`;
  const dateItem = (
    <Form.Item name="date" label={info.dateLabel} required>
      <DateInput style={{ width: 220 }} onBlur={leave('date')} autoFocus={kind !== '出党'} />
    </Form.Item>
  );

  return (
    <FormModal
      open={!!dialog}
      afterClose={() => (last.current = null)}
      title={title}
      width={620}
      saving={saving}
      onCancel={close}
      form={form}
      name="status-change"
      onFinish={onFinish}
      onValuesChange={checks.onValuesChange}
    >
      {formError || summary.length ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={formError ?? summary[0]}
          description={summary.length > (formError ? 0 : 1) ? summary.slice(formError ? 0 : 1).join('；') : undefined}
        />
      ) : null}
      <p className="status-member-line">
        {member.name}，{member.category}，入党日期 {member.joinDate}
        {end ? `，预备期满 ${end}` : ''}
        {member.status !== '正常' ? `，当前${member.status}` : ''}
      </p>
      {kind === '出党' ? (
        <Form.Item name="subtype" label="出党方式" required>
          <Radio.Group
            aria-label="出党方式"
            onBlur={leave('subtype')}
            options={LEAVING_FORMS.filter((f) => f !== '取消预备党员资格' || member.category === '预备党员').map((f) => ({ value: f, label: f }))}
          />
        </Form.Item>
      ) : null}
      {dateItem}
      {kind === '延长预备期' ? (
        <Form.Item name="months" label="延长时间（月）" required extra="不少于 6 个月，最长 12 个月（预备期延长合计不超过一年）">
          <InputNumber min={1} max={24} precision={0} style={{ width: 160 }} suffix="个月" onBlur={leave('months')} />
        </Form.Item>
      ) : null}
      {kind === '转正' || kind === '延长预备期' ? (
        <Form.Item name="meetingDate" label="支部大会讨论日期">
          <DateInput style={{ width: 220 }} onBlur={leave('meetingDate')} />
        </Form.Item>
      ) : null}
      {kind === '转出' ? (
        <Form.Item name="counterpart" label={l.counterpart} required>
          <Input maxLength={100} placeholder="如：中共渤海钻探第二钻井队支部委员会" onBlur={leave('counterpart')} />
        </Form.Item>
      ) : null}
      {kind !== '去世' ? (
        <Form.Item name="docNumber" label={l.docNumber}>
          <Input maxLength={60} style={{ width: 320 }} onBlur={leave('docNumber')} />
        </Form.Item>
      ) : null}
      <Form.Item name="reason" label={l.reason} required={l.reasonRequired}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} onBlur={leave('reason')} />
      </Form.Item>
      <Alert type="info" showIcon role="note" title={info.effect} />
    </FormModal>
  );
}
