/** 终止发展: the date and the reason, checked with the shared rules. */
import { CloseOutlined } from '@ant-design/icons';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { zodProblems } from '../../../../shared/contract/validate';
import type { FieldProblem } from '../../../../shared/domain/member';
import { terminateProblems, terminateSchema, type Applicant } from '../../../../shared/domain/pipeline';
import { ApiError, errorText } from '../../api';
import { fromDayjs } from '../../components/dates';
import { applyProblems, focusFirstProblem } from '../../components/formErrors';
import { usePipelineStore } from '../../stores/pipelineStore';
import { DATE_INPUT_FORMATS, future } from '../../components/dates';
import { stateOf } from './pipelineModel';

interface Values {
  date: Dayjs | null;
  reason: string;
}
const FIELDS = [['date'], ['reason']];

export function TerminateDialog({ applicant, open, onClose }: { applicant: Applicant; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const terminate = usePipelineStore((s) => s.terminate);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const tried = useRef(false);
  const server = useRef<FieldProblem[]>([]);

  useEffect(() => {
    if (!open) return;
    tried.current = false;
    server.current = [];
    setSummary(null);
    form.resetFields();
    form.setFieldsValue({ date: dayjs(), reason: '' });
  }, [open, form]);

  const problemsOf = (): FieldProblem[] => {
    const v = form.getFieldsValue(true) as Values;
    const input = { date: fromDayjs(v.date), reason: v.reason ?? '' };
    const problems: FieldProblem[] = input.date ? [] : [{ field: 'date', message: '请填写终止日期' }];
    const parsed = terminateSchema.safeParse(input);
    if (!parsed.success) return [...problems, ...zodProblems(parsed.error).filter((p) => !(p.field === 'date' && !input.date))];
    return terminateProblems(stateOf(applicant, null), parsed.data.date, dayjs().format('YYYY-MM-DD'));
  };

  const revalidate = () => {
    const problems = [...problemsOf(), ...server.current];
    if (tried.current) {
      applyProblems(form, FIELDS, problems);
      const other = problems.filter((p) => p.field !== 'date' && p.field !== 'reason');
      setSummary(other[0]?.message ?? null);
    }
    return problems;
  };

  const onFinish = async () => {
    tried.current = true;
    server.current = [];
    const problems = revalidate();
    if (problems.length) return focusFirstProblem(form, FIELDS, problems);
    setSaving(true);
    try {
      const v = form.getFieldsValue(true) as Values;
      await terminate(applicant.id, fromDayjs(v.date), v.reason.trim());
      message.success(`已终止“${applicant.name}”的发展`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) {
        server.current = e.issues;
        revalidate();
      }
      setSummary(`未能终止：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const title = `终止发展：${applicant.name}`;
  return (
    <Modal
      open={open}
      title={title}
      onCancel={() => !saving && onClose()}
      okText="终止发展"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      width={560}
      destroyOnHidden
      maskClosable={false}
      closable={{ 'aria-label': '关闭', closeIcon: <CloseOutlined aria-hidden="true" /> }}
    >
      <Form<Values> form={form} layout="vertical" name="pipeline-terminate" aria-label={title} onFinish={onFinish} onValuesChange={() => tried.current && revalidate()}>
        {summary ? <Alert type="error" showIcon role="alert" title={summary} style={{ marginBottom: 16 }} /> : null}
        <p style={{ fontSize: 16, marginTop: 0 }}>终止后，已记录的步骤都保留；如属误操作，可以用“撤销终止”恢复。</p>
        <Form.Item name="date" label="终止日期" required>
          <DatePicker style={{ width: 220 }} format={DATE_INPUT_FORMATS} placeholder="年-月-日" disabledDate={future} />
        </Form.Item>
        <Form.Item name="reason" label="终止原因" required>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：本人申请撤回、调离本单位、考察未通过" autoFocus />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
