/** 新增入党申请人 / 修改申请人信息: the applicant's fields and the application date, checked inline with the shared rules. */
import { CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { ETHNICITIES } from '../../../../shared/domain/codes';
import { checkIdNumber } from '../../../../shared/domain/idNumber';
import type { FieldProblem } from '../../../../shared/domain/member';
import { APPLICANT_POLITICAL_STATUS } from '../../../../shared/domain/pipeline';
import { ApiError, errorText } from '../../api';
import { DATE_INPUT_FORMATS, fromDayjs, future } from '../../components/dates';
import { applyProblems, focusFirstProblem } from '../../components/formErrors';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useGroupsStore } from '../../stores/groupsStore';
import { usePipelineStore } from '../../stores/pipelineStore';
import { EDUCATION_OPTIONS } from '../roster/memberFormModel';
import {
  APPLICANT_FIELD_ORDER,
  applicantInput,
  applicantProblems,
  applicantValues,
  emptyApplicant,
  type ApplicantValues,
} from './pipelineModel';

const FIELDS = APPLICANT_FIELD_ORDER.map((f) => [f]);

export function ApplicantForm() {
  const open = usePipelineStore((s) => s.createOpen);
  const editing = usePipelineStore((s) => s.editing);
  const close = usePipelineStore((s) => s.closeForm);
  const groups = useGroupsStore((s) => s.groups);
  const { message, modal } = App.useApp();
  const returnFocus = useReturnFocus(open, '#pipeline-new');
  const [form] = Form.useForm<ApplicantValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const tried = useRef(false);
  const shown = useRef(new Set<string>());
  const serverProblems = useRef<FieldProblem[]>([]);

  useEffect(() => {
    if (!open) return;
    tried.current = false;
    shown.current = new Set();
    serverProblems.current = [];
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(editing ? applicantValues(editing) : emptyApplicant());
    if (!useGroupsStore.getState().loaded) void useGroupsStore.getState().load();
  }, [open, editing, form]);

  const values = () => ({ ...emptyApplicant(), ...(form.getFieldsValue(true) as Partial<ApplicantValues>) }) as ApplicantValues;

  const revalidate = () => {
    const problems = [...applicantProblems(values()), ...serverProblems.current];
    applyProblems(form, FIELDS, problems, (path) => tried.current || shown.current.has(String(path[0])));
    if (tried.current && !serverProblems.current.length) setFormError(problems.length ? `有 ${problems.length} 处需要修改，请看红色提示。` : null);
    return problems;
  };

  const leave = (field: keyof ApplicantValues) => () => {
    if (form.isFieldTouched(field)) shown.current.add(field);
    revalidate();
  };

  const onValuesChange = (changed: Partial<ApplicantValues>) => {
    const keys = Object.keys(changed);
    serverProblems.current = serverProblems.current.filter((p) => !keys.includes(p.field));
    if ('idNumber' in changed) {
      const id = checkIdNumber(changed.idNumber ?? '');
      if (id.ok) {
        form.setFieldsValue({ birthDate: dayjs(id.info.birthDate), gender: id.info.gender });
        shown.current.add('idNumber');
      }
    }
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
      const store = usePipelineStore.getState();
      const fields = applicantInput(v);
      const applicationDate = fromDayjs(v.applicationDate);
      const saved = editing
        ? await store.update(editing.id, fields, applicationDate, editing.updatedAt)
        : await store.create({ ...fields, applicationDate, note: v.note ?? '' });
      message.success(editing ? `已保存“${saved.name}”的修改` : `已登记入党申请人“${saved.name}”`);
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) {
        serverProblems.current = e.issues.map((p) => (p.field.startsWith('fields.') ? { ...p, field: p.field.slice(7) } : p));
        revalidate();
        focusFirstProblem(form, FIELDS, serverProblems.current);
      }
      setFormError(
        e instanceof ApiError && e.code === 'E_CONFLICT'
          ? '这条记录刚刚已在别处被修改，您这次的修改尚未保存。请点“取消”关闭，重新打开后再修改。'
          : `未能保存：${errorText(e)}`,
      );
    } finally {
      setSaving(false);
    }
  };

  const requestClose = () => {
    if (saving) return;
    if (form.isFieldsTouched()) {
      modal.confirm({ title: '放弃未保存的内容？', content: '关闭后，刚才填写或修改的内容不会保存。', okText: '放弃并关闭', cancelText: '继续填写', onOk: close });
    } else close();
  };

  const title = editing ? `修改申请人信息：${editing.name}` : '新增入党申请人';
  const date = (name: keyof ApplicantValues) => (
    <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMATS} placeholder="年-月-日" disabledDate={future} onBlur={leave(name)} />
  );

  return (
    <Drawer
      afterOpenChange={returnFocus}
      open={open}
      title={title}
      size={820}
      onClose={requestClose}
      destroyOnHidden
      maskClosable={false}
      closable={{ 'aria-label': '关闭', closeIcon: <CloseOutlined aria-hidden="true" /> }}
      styles={{ body: { paddingBottom: 0 } }}
    >
      <Form<ApplicantValues> form={form} layout="vertical" name="applicant" aria-label={title} onFinish={onFinish} onValuesChange={onValuesChange} scrollToFirstError={false}>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        <h3 className="form-section-title">基本信息</h3>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="name" label="姓名" required>
              <Input maxLength={30} onBlur={leave('name')} autoFocus />
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
              {date('birthDate')}
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
            <Form.Item name="politicalStatus" label="政治面貌" required>
              <Select options={APPLICANT_POLITICAL_STATUS.map((p) => ({ value: p, label: p }))} placeholder="请选择" onBlur={leave('politicalStatus')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="nativePlace" label="籍贯">
              <Input maxLength={60} placeholder="如：河北省任丘县" onBlur={leave('nativePlace')} />
            </Form.Item>
          </Col>
        </Row>
        <h3 className="form-section-title">入党申请</h3>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="applicationDate" label="递交入党申请书日期" required extra="支部应在一个月内派人谈话">
              {date('applicationDate')}
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="partyGroupId" label="党小组">
              <Select options={[{ value: '', label: '未分组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} onBlur={leave('partyGroupId')} />
            </Form.Item>
          </Col>
          {!editing ? (
            <Col span={24}>
              <Form.Item name="note" label="说明">
                <Input maxLength={500} placeholder="如：经团组织推优" onBlur={leave('note')} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <h3 className="form-section-title">工作与联系</h3>
        <Row gutter={16}>
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
            <Form.Item name="remark" label="备注">
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
