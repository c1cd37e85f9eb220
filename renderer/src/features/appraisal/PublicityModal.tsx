/**
 * Before the 公示 preview: the publicity period, the notice's date (落款) and the contact line, with the defaults
 * main uses (the 公示 stage's date or today, seven days, 落款 on the first day, no contact).
 */
import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { Campaign } from '../../../../shared/contract/appraisal';
import { publicityPeriod } from '../../../../shared/domain/appraisal';
import { localToday } from '../../../../shared/domain/dates';
import type { FieldProblem } from '../../../../shared/domain/member';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, toDayjs, type RefusedDate } from '../../components/dates';
import { FormModal } from '../../components/FormModal';
import { useInlineChecks } from '../../components/useInlineChecks';

export interface PublicityChoice {
  from: string;
  to: string;
  noticeDate: string;
  contact: string;
}

interface PublicityValues {
  from: Dayjs | RefusedDate | null;
  to: Dayjs | RefusedDate | null;
  noticeDate: Dayjs | RefusedDate | null;
  contact: string;
}

const ORDER = ['from', 'to', 'noticeDate', 'contact'] as const;

export function publicityDefaults(campaign: Campaign, today = localToday()): PublicityChoice {
  return { ...publicityPeriod(campaign.stages, today), contact: '' };
}

function publicityProblems(v: PublicityValues): FieldProblem[] {
  const [from, to] = [fromDayjs(v.from), fromDayjs(v.to)];
  const problems: FieldProblem[] = [];
  if (!from) problems.push({ field: 'from', message: '请填写公示开始日期' });
  if (!to) problems.push({ field: 'to', message: '请填写公示结束日期' });
  else if (from && to < from) problems.push({ field: 'to', message: `不能早于公示开始日期（${from}）` });
  if (!fromDayjs(v.noticeDate)) problems.push({ field: 'noticeDate', message: '请填写落款日期' });
  return problems;
}

export function PublicityModal({ campaign, open, onCancel, onChoose }: { campaign: Campaign; open: boolean; onCancel(): void; onChoose(choice: PublicityChoice): void }) {
  const [form] = Form.useForm<PublicityValues>();
  const values = () => form.getFieldsValue(true) as PublicityValues;
  const checks = useInlineChecks(form, ORDER, () => publicityProblems(values()), () => undefined);
  const leave = (f: string) => checks.leave(f);

  useEffect(() => {
    if (!open) return;
    const d = publicityDefaults(campaign);
    checks.reset({ from: toDayjs(d.from), to: toDayjs(d.to), noticeDate: toDayjs(d.noticeDate), contact: d.contact });
  }, [open, campaign]); // eslint-disable-line react-hooks/exhaustive-deps

  const finish = () => {
    if (!checks.trySave()) return;
    const v = values();
    onChoose({ from: fromDayjs(v.from), to: fromDayjs(v.to), noticeDate: fromDayjs(v.noticeDate), contact: (v.contact ?? '').trim() });
  };

  return (
    <FormModal<PublicityValues>
      open={open}
      title="公示"
      width={480}
      saving={false}
      onCancel={onCancel}
      form={form}
      name="publicity"
      okText="预览公示"
      onFinish={finish}
      onValuesChange={checks.onValuesChange}
    >
      <Form.Item name="from" label="公示开始日期" required>
        <DateInput allowFuture style={{ width: '100%' }} onBlur={leave('from')} />
      </Form.Item>
      <Form.Item name="to" label="公示结束日期" required extra="一般不少于 5 个工作日">
        <DateInput allowFuture style={{ width: '100%' }} onBlur={leave('to')} />
      </Form.Item>
      <Form.Item name="noticeDate" label="落款日期" required>
        <DateInput allowFuture style={{ width: '100%' }} onBlur={leave('noticeDate')} />
      </Form.Item>
      <Form.Item name="contact" label="联系人及电话" extra="如：联系人：王建国，电话：0317-1234567（不填则不印）">
        <Input maxLength={60} onBlur={leave('contact')} />
      </Form.Item>
    </FormModal>
  );
}
