/** 新增入党申请人 / 修改申请人信息: the applicant's fields and the application date, checked inline with the shared rules. */
import { Alert, App, Col, Form, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { APPLICANT_POLITICAL_STATUS } from '../../../../shared/domain/pipeline';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs } from '../../components/dates';
import { FormDrawer, FormFooter, useRequestClose } from '../../components/FormDrawer';
import { fillFromIdNumber, IdentityFields, NativePlaceField, PartyGroupField, RemarkField, WorkFields } from '../../components/person/PersonFields';
import { summaryAfterTry, useInlineChecks } from '../../components/useInlineChecks';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useGroupsStore } from '../groups/groupsStore';
import { usePipelineStore } from './pipelineStore';
import {
  APPLICANT_FIELD_ORDER,
  applicantInput,
  applicantProblems,
  applicantValues,
  emptyApplicant,
  type ApplicantValues,
} from './pipelineModel';

export function ApplicantForm() {
  const open = usePipelineStore((s) => s.createOpen);
  const editing = usePipelineStore((s) => s.editing);
  const close = usePipelineStore((s) => s.closeForm);
  const groups = useGroupsStore((s) => s.groups);
  const { message } = App.useApp();
  const returnFocus = useReturnFocus(open, '#pipeline-new');
  const [form] = Form.useForm<ApplicantValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const requestClose = useRequestClose(form, saving, close);

  const values = () => ({ ...emptyApplicant(), ...(form.getFieldsValue(true) as Partial<ApplicantValues>) }) as ApplicantValues;
  const checks = useInlineChecks(form, APPLICANT_FIELD_ORDER, () => applicantProblems(values()), summaryAfterTry(setFormError));
  const leave = (field: keyof ApplicantValues) => checks.leave(field);

  useEffect(() => {
    if (!open) return;
    checks.reset(editing ? applicantValues(editing) : emptyApplicant());
    setFormError(null);
    if (!useGroupsStore.getState().loaded) void useGroupsStore.getState().load();
  }, [open, editing, form]);

  const onValuesChange = (changed: Partial<ApplicantValues>) => {
    if ('idNumber' in changed && fillFromIdNumber(form, changed.idNumber)) checks.show('idNumber');
    checks.onValuesChange(changed);
  };

  const onFinish = async () => {
    if (!checks.trySave()) return;
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
        checks.refused(e.issues.map((p) => (p.field.startsWith('fields.') ? { ...p, field: p.field.slice(7) } : p)));
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

  const title = editing ? `修改申请人信息：${editing.name}` : '新增入党申请人';

  return (
    <FormDrawer afterOpenChange={returnFocus} open={open} title={title} size={820} onClose={requestClose}>
      <Form<ApplicantValues> form={form} layout="vertical" name="applicant" aria-label={title} onFinish={onFinish} onValuesChange={onValuesChange} scrollToFirstError={false}>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        <h3 className="form-section-title">基本信息</h3>
        <Row gutter={16}>
          <IdentityFields leave={leave} autoFocus />
          <Col span={8}>
            <Form.Item name="politicalStatus" label="政治面貌" required>
              <Select options={APPLICANT_POLITICAL_STATUS.map((p) => ({ value: p, label: p }))} placeholder="请选择" onBlur={leave('politicalStatus')} />
            </Form.Item>
          </Col>
          <NativePlaceField leave={leave} span={16} />
        </Row>
        <h3 className="form-section-title">入党申请</h3>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="applicationDate" label="递交入党申请书日期" required extra="支部应在一个月内派人谈话">
              <DateInput style={{ width: '100%' }} onBlur={leave('applicationDate')} />
            </Form.Item>
          </Col>
          <PartyGroupField leave={leave} groups={groups} />
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
          <WorkFields leave={leave} />
          <RemarkField leave={leave} />
        </Row>
        <FormFooter onCancel={requestClose} saving={saving} />
      </Form>
    </FormDrawer>
  );
}
