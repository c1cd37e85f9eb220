/** 组织关系转入: a member arriving from another branch — the transfer's date, organisation and 文号, then the member's fields. */
import { CloseOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { zodProblems } from '../../../../shared/contract/validate';
import { ETHNICITIES } from '../../../../shared/domain/codes';
import { checkIdNumber } from '../../../../shared/domain/idNumber';
import type { FieldProblem } from '../../../../shared/domain/member';
import { transferInSchema } from '../../../../shared/domain/memberEvents';
import { ApiError, errorText } from '../../api';
import { DATE_INPUT_FORMATS, fromDayjs, future } from '../../components/dates';
import { applyProblems, focusFirstProblem } from '../../components/formErrors';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useGroupsStore } from '../../stores/groupsStore';
import { useStatusStore } from '../../stores/statusStore';
import { EDUCATION_OPTIONS, emptyValues, memberProblems, toInput, type MemberValues } from '../roster/memberFormModel';

interface TransferValues extends MemberValues {
  transferDate: Dayjs | null;
  counterpart: string;
  docNumber: string;
  transferReason: string;
}

const ORDER = [
  'transferDate', 'counterpart', 'docNumber', 'transferReason',
  'name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'education', 'nativePlace',
  'category', 'applicationDate', 'joinDate', 'fullDate', 'partyGroupId', 'workUnit', 'post', 'phone', 'remark',
] as const;
const FIELDS = ORDER.map((f) => [f]);
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
  const groups = useGroupsStore((s) => s.groups);
  const { message, modal } = App.useApp();
  const returnFocus = useReturnFocus(open);
  const [form] = Form.useForm<TransferValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const tried = useRef(false);
  const shown = useRef(new Set<string>());
  const serverProblems = useRef<FieldProblem[]>([]);
  const category = Form.useWatch('category', form);

  useEffect(() => {
    if (!open) return;
    tried.current = false;
    shown.current = new Set();
    serverProblems.current = [];
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(emptyTransfer());
    if (!useGroupsStore.getState().loaded) void useGroupsStore.getState().load();
  }, [open, form]);

  const values = () => ({ ...emptyTransfer(), ...(form.getFieldsValue(true) as Partial<TransferValues>) }) as TransferValues;

  const revalidate = () => {
    const problems = [...problemsOf(values()), ...serverProblems.current];
    applyProblems(form, FIELDS, problems, (path) => tried.current || shown.current.has(String(path[0])));
    if (tried.current && !serverProblems.current.length) setFormError(problems.length ? `有 ${problems.length} 处需要修改，请看红色提示。` : null);
    return problems;
  };

  const leave = (field: keyof TransferValues) => () => {
    if (form.isFieldTouched(field)) shown.current.add(field);
    revalidate();
  };

  const onValuesChange = (changed: Partial<TransferValues>) => {
    const keys = Object.keys(changed);
    serverProblems.current = serverProblems.current.filter((p) => !keys.includes(p.field));
    if ('idNumber' in changed) {
      const id = checkIdNumber(changed.idNumber ?? '');
      if (id.ok) {
        form.setFieldsValue({ birthDate: dayjs(id.info.birthDate), gender: id.info.gender });
        shown.current.add('idNumber');
      }
    }
    if ('category' in changed && changed.category === '预备党员') form.setFieldsValue({ fullDate: null });
    revalidate();
  };

  const onFinish = async () => {
    tried.current = true;
    serverProblems.current = [];
    const problems = revalidate();
    if (problems.length) {
      focusFirstProblem(form, FIELDS, problems);
      return;
    }
    setSaving(true);
    try {
      const v = values();
      const saved = await transferIn(toInput(v), transferOf(v));
      message.success(`已办理“${saved.name}”的组织关系转入`);
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) {
        serverProblems.current = e.issues.map((p) => ({ ...p, field: formField(p.field) }));
        revalidate();
        focusFirstProblem(form, FIELDS, serverProblems.current);
      }
      setFormError(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const requestClose = () => {
    if (saving) return;
    if (form.isFieldsTouched()) {
      modal.confirm({
        title: '放弃未保存的内容？',
        content: '关闭后，刚才填写的内容不会保存。',
        okText: '放弃并关闭',
        cancelText: '继续填写',
        onOk: close,
      });
    } else close();
  };

  const dateInput = (name: keyof TransferValues, disabled = false, placeholder = '年-月-日') => (
    <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMATS} placeholder={placeholder} disabledDate={future} disabled={disabled} onBlur={leave(name)} />
  );

  return (
    <Drawer
      afterOpenChange={returnFocus}
      open={open}
      title="组织关系转入"
      size={860}
      onClose={requestClose}
      destroyOnHidden
      maskClosable={false}
      closable={{ 'aria-label': '关闭', closeIcon: <CloseOutlined aria-hidden="true" /> }}
      styles={{ body: { paddingBottom: 0 } }}
    >
      <Form<TransferValues> form={form} layout="vertical" name="transfer-in" aria-label="组织关系转入" onFinish={onFinish} onValuesChange={onValuesChange} scrollToFirstError={false}>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        <h3 className="form-section-title">转入信息</h3>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="transferDate" label="转入日期" required>
              <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMATS} placeholder="年-月-日" disabledDate={future} onBlur={leave('transferDate')} autoFocus />
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
          <Col span={8}>
            <Form.Item name="name" label="姓名" required>
              <Input maxLength={30} onBlur={leave('name')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="idNumber" label="身份证号" required extra="填写后自动带出出生日期和性别">
              <Input maxLength={20} onBlur={leave('idNumber')} style={{ fontFamily: 'monospace', letterSpacing: 1 }} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="gender" label="性别" required>
              <Radio.Group aria-label="性别" onBlur={leave('gender')} options={['男', '女']} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="birthDate" label="出生日期" required>
              {dateInput('birthDate')}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ethnicity" label="民族" required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={ETHNICITIES.map((e) => ({ value: e, label: e }))} onBlur={leave('ethnicity')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="education" label="学历" required>
              <Select showSearch={{ optionFilterProp: 'search' }} options={EDUCATION_OPTIONS} placeholder="请选择" onBlur={leave('education')} listHeight={360} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="category" label="人员类别" required>
              <Radio.Group aria-label="人员类别" options={['正式党员', '预备党员']} onBlur={leave('category')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="joinDate" label="入党日期" required>
              {dateInput('joinDate')}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="fullDate" label="转正日期" required={category === '正式党员'}>
              {dateInput('fullDate', category === '预备党员', category === '预备党员' ? '预备党员不填' : '年-月-日')}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="applicationDate" label="申请入党日期">
              {dateInput('applicationDate')}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="partyGroupId" label="党小组">
              <Select options={[{ value: '', label: '未分组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} onBlur={leave('partyGroupId')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nativePlace" label="籍贯">
              <Input maxLength={60} placeholder="如：河北省任丘县" onBlur={leave('nativePlace')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="workUnit" label="工作单位">
              <Input maxLength={100} onBlur={leave('workUnit')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="post" label="岗位/职务">
              <Input maxLength={60} placeholder="如：司钻" onBlur={leave('post')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="phone" label="联系电话">
              <Input maxLength={20} inputMode="tel" onBlur={leave('phone')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="remark" label="备注" extra="其他信息（工作岗位、家庭住址等）可在保存后从党员详情中“修改”补充。">
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} onBlur={leave('remark')} />
            </Form.Item>
          </Col>
        </Row>
        <div className="form-footer">
          <Button size="large" onClick={requestClose}>
            取消
          </Button>
          <Button type="primary" size="large" htmlType="submit" loading={saving}>
            保存
          </Button>
        </div>
      </Form>
    </Drawer>
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
