/** 终止发展: the date and the reason, checked with the shared rules. */
import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { zodProblems } from '../../../../shared/contract/validate';
import type { FieldProblem } from '../../../../shared/domain/member';
import { terminateProblems, terminateSchema, type Applicant } from '../../../../shared/domain/pipeline';
import { ApiError, errorText } from '../../api';
import { DATE_INPUT_FORMATS, fromDayjs, future } from '../../components/dates';
import { FormModal } from '../../components/FormModal';
import { useInlineChecks } from '../../components/useInlineChecks';
import { usePipelineStore } from './pipelineStore';
import { stateOf } from './pipelineModel';

interface Values {
  date: Dayjs | null;
  reason: string;
}
const ORDER = ['date', 'reason'] as const;

export function TerminateDialog({ applicant, open, onClose }: { applicant: Applicant; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const terminate = usePipelineStore((s) => s.terminate);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);

  const problemsOf = (): FieldProblem[] => {
    const v = form.getFieldsValue(true) as Values;
    const input = { date: fromDayjs(v.date), reason: v.reason ?? '' };
    const problems: FieldProblem[] = input.date ? [] : [{ field: 'date', message: '请填写终止日期' }];
    const parsed = terminateSchema.safeParse(input);
    if (!parsed.success) return [...problems, ...zodProblems(parsed.error).filter((p) => !(p.field === 'date' && !input.date))];
    return terminateProblems(stateOf(applicant, null), parsed.data.date, dayjs().format('YYYY-MM-DD'));
  };

  // No field shows a problem on leaving it: all are shown once 终止发展 was pressed. Problems about no field go above.
  const checks = useInlineChecks(form, ORDER, problemsOf, (problems, { tried }) => {
    if (tried) setSummary(problems.find((p) => p.field !== 'date' && p.field !== 'reason')?.message ?? null);
  });

  useEffect(() => {
    if (!open) return;
    setSummary(null);
    checks.reset({ date: dayjs(), reason: '' });
  }, [open, form]);

  const onFinish = async () => {
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      const v = form.getFieldsValue(true) as Values;
      await terminate(applicant.id, fromDayjs(v.date), v.reason.trim());
      message.success(`已终止“${applicant.name}”的发展`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues);
      setSummary(`未能终止：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal
      open={open}
      title={`终止发展：${applicant.name}`}
      width={560}
      saving={saving}
      onCancel={onClose}
      form={form}
      name="pipeline-terminate"
      okText="终止发展"
      danger
      onFinish={onFinish}
      onValuesChange={checks.onValuesChange}
    >
      {summary ? <Alert type="error" showIcon role="alert" title={summary} style={{ marginBottom: 16 }} /> : null}
      <p style={{ fontSize: 16, marginTop: 0 }}>终止后，已记录的步骤都保留；如属误操作，可以用“撤销终止”恢复。</p>
      <Form.Item name="date" label="终止日期" required>
        <DatePicker style={{ width: 220 }} format={DATE_INPUT_FORMATS} placeholder="年-月-日" disabledDate={future} />
      </Form.Item>
      <Form.Item name="reason" label="终止原因" required>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：本人申请撤回、调离本单位、考察未通过" autoFocus />
      </Form.Item>
    </FormModal>
  );
}
