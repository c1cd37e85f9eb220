/** 新增党员 / 修改党员: every field of the member, checked inline with the shared rules before saving. */
import { Alert, App, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { PARTY_POSTS } from '../../../../shared/domain/codes';
import { MEMBER_STATUSES } from '../../../../shared/domain/member';
import { ApiError, errorText } from '../../api';
import { FormDrawer, FormFooter, useRequestClose } from '../../components/FormDrawer';
import { CategoryField, fillFromIdNumber, FullDateField, IdentityFields, NativePlaceField, PartyDateField, PartyGroupField, RemarkField, WorkFields } from '../../components/person/PersonFields';
import { fieldsSummary, useInlineChecks } from '../../components/useInlineChecks';
import { useReturnFocus } from '../../components/useReturnFocus';
import { leaveCheckingIdNumber } from './idNumberHolder';
import { useMemberStore } from './memberStore';
import { TargetBranchField, useTargetBranch } from '../committee/TargetBranch';
import {
  emptyValues,
  FIELD_ORDER,
  JOB_OPTIONS,
  memberProblems,
  toInput,
  valuesOf,
  type MemberFieldName,
  type MemberValues,
} from './memberFormModel';

/** The 所属支部 choice comes first when the form asks for it (new member while the roster shows all branches). */
const ORDER = ['branchId', ...FIELD_ORDER];
const YES_NO = [
  { value: false, label: '否' },
  { value: true, label: '是' },
];

function Section({ title }: { title: string }) {
  return <h3 className="form-section-title">{title}</h3>;
}

export function MemberForm() {
  const open = useMemberStore((s) => s.formOpen);
  const editing = useMemberStore((s) => s.editing);
  const close = useMemberStore((s) => s.closeForm);
  const save = useMemberStore((s) => s.save);
  const formBranch = useMemberStore((s) => s.formBranch);
  const { message } = App.useApp();
  const returnFocus = useReturnFocus(open);
  const [form] = Form.useForm<MemberValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const scrollToAlert = useRef(false);
  /** True while the summary above the form is about the fields (not a message from main). */
  const localSummary = useRef(false);
  const lostContact = Form.useWatch('lostContact', form);
  const mobileMember = Form.useWatch('mobileMember', form);
  const category = Form.useWatch('category', form);
  /** The branch the member is (or will be) in, and its party groups. */
  const branch = useTargetBranch(form, open, formBranch);
  const requestClose = useRequestClose(form, saving, close);

  const values = () => ({ ...emptyValues(), ...(form.getFieldsValue(true) as Partial<MemberValues>) }) as MemberValues;
  const checks = useInlineChecks(form, ORDER, () => [...branch.problems(), ...memberProblems(values())], (problems) => {
    // The summary above the form follows the fields once a save was tried.
    if (localSummary.current) setFormError(fieldsSummary(problems));
  });
  /** Leaving the ID number also asks main whether someone in the branch has it already. */
  const leave = leaveCheckingIdNumber<MemberFieldName>(
    checks.leave,
    form,
    () => ({ branchId: editing ? editing.branchId : branch.branchIdToSave(), excludeId: editing?.id ?? null }),
    checks.foundAt,
  );

  useEffect(() => {
    if (!open) return;
    checks.reset(editing ? valuesOf(editing) : emptyValues());
    localSummary.current = false;
    setFormError(null);
    branch.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, form]);

  useEffect(() => {
    if (formError && scrollToAlert.current) {
      scrollToAlert.current = false;
      alertRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [formError]);

  const onValuesChange = (changed: Partial<MemberValues>) => {
    if ('idNumber' in changed && fillFromIdNumber(form, changed.idNumber)) checks.show('idNumber');
    if ('category' in changed && changed.category === '预备党员') form.setFieldsValue({ fullDate: null });
    checks.onValuesChange(changed);
  };

  const onFinish = async () => {
    localSummary.current = true;
    if (!checks.trySave()) return;
    localSummary.current = false;
    setFormError(null);
    setSaving(true);
    try {
      const branchId = editing ? null : branch.branchIdToSave();
      const saved = await save(toInput(values()), branchId);
      message.success(editing ? `已保存“${saved.name}”的修改` : `已添加党员“${saved.name}”${branch.whereText(branchId)}`);
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues);
      // A problem that belongs to no field is shown at the top of the form: bring it into view.
      else scrollToAlert.current = true;
      setFormError(saveErrorText(e, !!editing));
    } finally {
      setSaving(false);
    }
  };

  const title = editing ? `修改党员：${editing.name}` : '新增党员';

  return (
    <FormDrawer afterOpenChange={returnFocus} open={open} title={title} size={860} onClose={requestClose}>
      <Form<MemberValues>
        form={form}
        layout="vertical" name="member"
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        aria-label={title}
        scrollToFirstError={false}
      >
        <div ref={alertRef}>
          {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        </div>
        {editing ? null : (
          <TargetBranchField
            formBranch={formBranch}
            onLeave={() => (checks.show('branchId'), checks.revalidate())}
            chooseExtra="名册正在显示全部支部，请选择新党员加入哪个支部"
          />
        )}
        <Section title="基本信息" />
        <Row gutter={16}>
          <IdentityFields leave={leave} autoFocus />
          <NativePlaceField leave={leave} />
        </Row>

        <Section title="党员信息" />
        <Row gutter={16}>
          <CategoryField leave={leave} />
          <PartyDateField name="applicationDate" leave={leave} />
          <PartyDateField name="joinDate" leave={leave} />
          <FullDateField leave={leave} category={category} />
          <PartyGroupField leave={leave} groups={branch.groups} />
          <Col span={8}>
            <Form.Item name="partyPost" label="党内职务">
              <Select
                allowClear={{ label: '清除' }}
                placeholder="无"
                options={PARTY_POSTS.map((p) => ({ value: p, label: p }))}
                onBlur={leave('partyPost')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label="党籍状态">
              <Select options={MEMBER_STATUSES.map((s) => ({ value: s, label: s }))} onBlur={leave('status')} />
            </Form.Item>
          </Col>
        </Row>

        <Section title="工作与联系" />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="jobCategory" label="工作岗位">
              <Select showSearch={{ optionFilterProp: 'label' }} options={JOB_OPTIONS} onBlur={leave('jobCategory')} listHeight={360} />
            </Form.Item>
          </Col>
          <WorkFields leave={leave} span={8} />
          <Col span={8}>
            <Form.Item name="landline" label="固定电话">
              <Input maxLength={30} placeholder="区号-号码" onBlur={leave('landline')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label="家庭住址">
              <Input maxLength={120} placeholder="具体到门牌号" onBlur={leave('address')} />
            </Form.Item>
          </Col>
        </Row>

        <Section title="其他" />
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="lostContact" label="是否失联党员">
              <Radio.Group options={YES_NO} />
            </Form.Item>
          </Col>
          <Col span={16}>
            {lostContact ? (
              <Form.Item name="lostContactDate" label="失去联系日期（年-月）" required>
                <DatePicker picker="month" format="YYYY-MM" placeholder="年-月" style={{ width: 220 }} onBlur={leave('lostContactDate')} />
              </Form.Item>
            ) : null}
          </Col>
          <Col span={8}>
            <Form.Item name="mobileMember" label="是否流动党员">
              <Radio.Group options={YES_NO} />
            </Form.Item>
          </Col>
          <Col span={16}>
            {mobileMember ? (
              <Form.Item name="mobileDestination" label="外出流向" required>
                <Input maxLength={100} placeholder="省、市、县" onBlur={leave('mobileDestination')} />
              </Form.Item>
            ) : null}
          </Col>
          <RemarkField leave={leave} />
        </Row>
        <FormFooter onCancel={requestClose} saving={saving} />
      </Form>
    </FormDrawer>
  );
}

function saveErrorText(e: unknown, editing: boolean): string {
  if (editing && e instanceof ApiError && e.code === 'E_CONFLICT') {
    return '这名党员的资料刚刚已在别处被修改（例如另一个窗口），您这次的修改尚未保存。请点“取消”关闭，重新打开这名党员后再修改。';
  }
  return `未能保存：${errorText(e)}`;
}
