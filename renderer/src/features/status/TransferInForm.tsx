/** 组织关系转入: a member arriving from another branch — the transfer's date, organisation and 文号, then the member's fields. */
import { ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { zodProblems } from '../../../../shared/contract/validate';
import type { FieldProblem } from '../../../../shared/domain/member';
import { transferInSchema } from '../../../../shared/domain/memberEvents';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs } from '../../components/dates';
import { FormDrawer, FormFooter, useRequestClose } from '../../components/FormDrawer';
import { CategoryField, fillFromIdNumber, FullDateField, IdentityFields, NativePlaceField, PartyDateField, PartyGroupField, RemarkField, WorkFields } from '../../components/person/PersonFields';
import { summaryAfterTry, useInlineChecks } from '../../components/useInlineChecks';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useStatusStore } from './statusStore';
import { TargetBranchField, useTargetBranch } from '../committee/TargetBranch';
import { leaveCheckingIdNumber } from '../roster/idNumberHolder';
import { emptyValues, memberProblems, toInput, type MemberValues } from '../roster/memberFormModel';

interface TransferValues extends MemberValues {
  transferDate: Dayjs | null;
  counterpart: string;
  docNumber: string;
  transferReason: string;
}

/** The 所属支部 choice comes first when the form asks for it (the roster shows all branches). */
const ORDER = [
  'branchId', 'transferDate', 'counterpart', 'docNumber', 'transferReason',
  'name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'education', 'nativePlace',
  'category', 'applicationDate', 'joinDate', 'fullDate', 'partyGroupId', 'workUnit', 'post', 'phone', 'remark',
] as const;
/** The transfer's fields as the contract names them, and as this form does. */
const TRANSFER_FIELD: Record<string, string> = { date: 'transferDate', reason: 'transferReason', counterpart: 'counterpart', docNumber: 'docNumber' };

function emptyTransfer(): TransferValues {
  return { ...emptyValues(), transferDate: null, counterpart: '', docNumber: '', transferReason: '' };
}

function transferOf(v: TransferValues) {
  return { date: fromDayjs(v.transferDate), counterpart: v.counterpart ?? '', docNumber: v.docNumber ?? '', reason: v.transferReason ?? '' };
}

/** The member's problems (shared rules) and the transfer's (schema, and the date against today and the join date). */
function problemsOf(v: TransferValues, today = dayjs().format('YYYY-MM-DD')): FieldProblem[] {
  const problems = memberProblems(v, today);
  const t = transferOf(v);
  if (!t.date) problems.push({ field: 'transferDate', message: '请填写转入日期' });
  const parsed = transferInSchema.safeParse(t);
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error)) if (!(p.field === 'date' && !t.date)) problems.push({ ...p, field: TRANSFER_FIELD[p.field] ?? p.field });
  } else {
    const join = fromDayjs(v.joinDate);
    if (t.date > today) problems.push({ field: 'transferDate', message: '转入日期不能晚于今天' });
    if (join && t.date < join) problems.push({ field: 'transferDate', message: '转入日期不能早于入党日期' });
  }
  return problems;
}

/** Server issues: 'fields.name' and 'transfer.date' from the schema, 'name' and 'date' from the rules. */
function formField(field: string): string {
  if (field.startsWith('fields.')) return field.slice('fields.'.length);
  if (field.startsWith('transfer.')) return TRANSFER_FIELD[field.slice('transfer.'.length)] ?? field;
  return TRANSFER_FIELD[field] ?? field;
}

function TransferInDrawer() {
  const open = useStatusStore((s) => s.transferInOpen);
  const close = useStatusStore((s) => s.closeTransferIn);
  const transferIn = useStatusStore((s) => s.transferIn);
  const formBranch = useStatusStore((s) => s.transferBranch);
  const { message } = App.useApp();
  const returnFocus = useReturnFocus(open);
  const [form] = Form.useForm<TransferValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const category = Form.useWatch('category', form);
  /** The branch the member joins, and its party groups. */
  const branch = useTargetBranch(form, open, formBranch);
  const requestClose = useRequestClose(form, saving, close, '关闭后，刚才填写的内容不会保存。');

  const values = () => ({ ...emptyTransfer(), ...(form.getFieldsValue(true) as Partial<TransferValues>) }) as TransferValues;
  const checks = useInlineChecks(form, ORDER, () => [...branch.problems(), ...problemsOf(values())], summaryAfterTry(setFormError));
  /** Leaving the ID number also asks main whether someone in the branch has it already. */
  const leave = leaveCheckingIdNumber<keyof TransferValues>(checks.leave, form, () => ({ branchId: branch.branchIdToSave(), excludeId: null }), checks.foundAt);

  useEffect(() => {
    if (!open) return;
    checks.reset(emptyTransfer());
    branch.reset();
    setFormError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);

  const onValuesChange = (changed: Partial<TransferValues>) => {
    if ('idNumber' in changed && fillFromIdNumber(form, changed.idNumber)) checks.show('idNumber');
    if ('category' in changed && changed.category === '预备党员') form.setFieldsValue({ fullDate: null });
    checks.onValuesChange(changed);
  };

  const onFinish = async () => {
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      const v = values();
      const branchId = branch.branchIdToSave();
      const saved = await transferIn(toInput(v), transferOf(v), branchId);
      message.success(`已办理“${saved.name}”的组织关系转入${branch.whereText(branchId)}`);
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues.map((p) => ({ ...p, field: formField(p.field) })));
      setFormError(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDrawer afterOpenChange={returnFocus} open={open} title="组织关系转入" size={860} onClose={requestClose}>
      <Form<TransferValues> form={form} layout="vertical" name="transfer-in" aria-label="组织关系转入" onFinish={onFinish} onValuesChange={onValuesChange} scrollToFirstError={false}>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        <TargetBranchField
          formBranch={formBranch}
          onLeave={() => (checks.show('branchId'), checks.revalidate())}
          chooseExtra="名册正在显示全部支部，请选择转入党员加入哪个支部"
        />
        <h3 className="form-section-title">转入信息</h3>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="transferDate" label="转入日期" required>
              <DateInput style={{ width: '100%' }} onBlur={leave('transferDate')} autoFocus />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="counterpart" label="转出党组织（从哪里转来）" required>
              <Input maxLength={100} placeholder="介绍信上的转出党组织名称" onBlur={leave('counterpart')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="docNumber" label="介绍信编号或文号">
              <Input maxLength={60} onBlur={leave('docNumber')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="transferReason" label="转入原因">
              <Input maxLength={500} placeholder="如：工作调动" onBlur={leave('transferReason')} />
            </Form.Item>
          </Col>
        </Row>
        <h3 className="form-section-title">党员基本信息</h3>
        <Row gutter={16}>
          <IdentityFields leave={leave} />
          <CategoryField leave={leave} />
          <PartyDateField name="joinDate" leave={leave} />
          <FullDateField leave={leave} category={category} />
          <PartyDateField name="applicationDate" leave={leave} />
          <PartyGroupField leave={leave} groups={branch.groups} />
          <NativePlaceField leave={leave} />
          <WorkFields leave={leave} />
          <RemarkField leave={leave} extra="其他信息（工作岗位、家庭住址等）可在保存后从党员详情中“修改”补充。" />
        </Row>
        <FormFooter onCancel={requestClose} saving={saving} />
      </Form>
    </FormDrawer>
  );
}

/** The roster's 组织关系转入 button, with its form. */
export function TransferInButton() {
  const openTransferIn = useStatusStore((s) => s.openTransferIn);
  return (
    <>
      <Button size="large" icon={<ImportOutlined aria-hidden="true" />} onClick={openTransferIn}>
        组织关系转入
      </Button>
      <TransferInDrawer />
    </>
  );
}
