/** 记录党内汇报: who reported (an activist or a probationary member), the kind, the date, what it said and the branch's comment. */
import { Alert, App, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MemberReport } from '../../../../shared/contract/meetings';
import { zodProblems } from '../../../../shared/contract/validate';
import type { FieldProblem } from '../../../../shared/domain/member';
import { REPORT_KIND_CODES, REPORT_KIND_LABELS, REPORTER_ROLE_LABELS, reportFieldsSchema, type ReportFieldsInput, type ReportKind } from '../../../../shared/domain/memberReports';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, toDayjs, type RefusedDate } from '../../components/dates';
import { FormDrawer, FormFooter, useRequestClose } from '../../components/FormDrawer';
import { summaryAfterTry, useInlineChecks } from '../../components/useInlineChecks';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useReportsStore } from './reportsStore';

interface ReportValues {
  /** `member:id` or `applicant:id`. */
  reporter: string | null;
  kind: ReportKind;
  date: Dayjs | RefusedDate | null;
  title: string;
  summary: string;
  comment: string;
}

const ORDER = ['reporter', 'kind', 'date', 'title', 'summary', 'comment'] as const;

export const reporterKey = (source: 'member' | 'applicant', id: string) => `${source}:${id}`;

function reportValues(r: MemberReport): ReportValues {
  return { reporter: r.memberId ? reporterKey('member', r.memberId) : reporterKey('applicant', r.applicantId!), kind: r.kind, date: toDayjs(r.date), title: r.title, summary: r.summary, comment: r.comment };
}

function reportInput(v: ReportValues): ReportFieldsInput {
  const [source, id] = (v.reporter ?? ':').split(':');
  return {
    kind: v.kind,
    date: fromDayjs(v.date),
    memberId: source === 'member' ? id : null,
    applicantId: source === 'applicant' ? id : null,
    title: v.title ?? '',
    summary: v.summary ?? '',
    comment: v.comment ?? '',
  };
}

/** The contract names the reporter memberId or applicantId; the form has one field for both. */
const formField = (field: string) => (field === 'memberId' || field === 'applicantId' ? 'reporter' : field);

function reportProblems(v: ReportValues, today: string): FieldProblem[] {
  const input = reportInput(v);
  const problems: FieldProblem[] = [];
  if (!v.reporter) problems.push({ field: 'reporter', message: '请选择汇报人' });
  if (!input.date) problems.push({ field: 'date', message: '请填写提交日期' });
  else if (input.date > today) problems.push({ field: 'date', message: `提交日期 ${input.date} 晚于今天` });
  const parsed = reportFieldsSchema.safeParse(input);
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error)) {
      const field = formField(p.field);
      if (!problems.some((q) => q.field === field)) problems.push({ ...p, field });
    }
  }
  return problems;
}

export function ReportForm() {
  const open = useReportsStore((s) => s.formOpen);
  const editing = useReportsStore((s) => s.editing);
  const chosen = useReportsStore((s) => s.reporterKey);
  const due = useReportsStore((s) => s.due);
  const close = useReportsStore((s) => s.closeForm);
  const { message } = App.useApp();
  const returnFocus = useReturnFocus(open, '#report-new');
  const [form] = Form.useForm<ReportValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const requestClose = useRequestClose(form, saving, close);
  const today = () => new Date().toLocaleDateString('sv-SE');
  const empty = (): ReportValues => ({ reporter: chosen, kind: 'thought', date: null, title: '', summary: '', comment: '' });
  const values = () => ({ ...empty(), ...(form.getFieldsValue(true) as Partial<ReportValues>) }) as ReportValues;
  const checks = useInlineChecks(form, ORDER, () => reportProblems(values(), today()), summaryAfterTry(setFormError));
  const leave = (f: string) => checks.leave(f);

  useEffect(() => {
    if (!open) return;
    checks.reset(editing ? reportValues(editing) : empty());
    setFormError(null);
  }, [open, editing, chosen, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = async () => {
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      const report = await useReportsStore.getState().save(editing?.id ?? null, reportInput(values()), editing?.updatedAt);
      message.success(`已记录${report.personName}的${REPORT_KIND_LABELS[report.kind]}`);
      close();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues.map((p) => ({ ...p, field: formField(p.field.replace(/^fields\./, '')) })));
      setFormError(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const options = due.map((r) => ({ value: reporterKey(r.source, r.id), label: `${r.name}（${REPORTER_ROLE_LABELS[r.role]}）` }));
  if (editing) {
    const key = reportValues(editing).reporter!;
    if (!options.some((o) => o.value === key)) options.push({ value: key, label: editing.personName });
  }
  const title = editing ? `修改党内汇报：${editing.personName} ${editing.date}` : '记录党内汇报';

  return (
    <FormDrawer afterOpenChange={returnFocus} open={open} title={title} size={720} onClose={requestClose}>
      <Form<ReportValues> form={form} layout="vertical" name="report" aria-label={title} onFinish={onFinish} onValuesChange={checks.onValuesChange} scrollToFirstError={false}>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="reporter" label="汇报人" required extra="入党积极分子、发展对象和预备党员">
              <Select options={options} showSearch={{ optionFilterProp: 'label' }} placeholder="输入姓名查找" disabled={!!editing} onBlur={leave('reporter')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="date" label="提交日期" required>
              <DateInput style={{ width: '100%' }} onBlur={leave('date')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="kind" label="汇报类型" required>
              <Radio.Group options={REPORT_KIND_CODES.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="标题">
          <Input maxLength={100} onBlur={leave('title')} />
        </Form.Item>
        <Form.Item name="summary" label="主要内容">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={2000} onBlur={leave('summary')} />
        </Form.Item>
        <Form.Item name="comment" label="支部意见">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} onBlur={leave('comment')} />
        </Form.Item>
        <FormFooter onCancel={requestClose} saving={saving} />
      </Form>
    </FormDrawer>
  );
}
