/** 新增党员 / 修改党员: every field of the member, checked inline with the shared rules before saving. */
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Radio, Row, Select } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { ETHNICITIES, PARTY_POSTS } from '../../../../shared/domain/codes';
import { checkIdNumber } from '../../../../shared/domain/idNumber';
import { MEMBER_STATUSES, type FieldProblem } from '../../../../shared/domain/member';
import { ApiError, errorText } from '../../api';
import { DATE_INPUT_FORMATS, future } from '../../components/dates';
import { useReturnFocus } from '../../components/useReturnFocus';
import { applyProblems, focusFirstProblem } from '../../components/formErrors';
import { useCommitteeStore } from '../../stores/committeeStore';
import { useMemberStore } from '../../stores/memberStore';
import {
  EDUCATION_OPTIONS,
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
const FIELDS = [['branchId'], ...FIELD_ORDER.map((f) => [f])];
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
  const groups = useMemberStore((s) => s.formGroups);
  const formBranch = useMemberStore((s) => s.formBranch);
  const branches = useCommitteeStore((s) => s.branches);
  const localBranch = branches.find((b) => b.isLocal);
  const { message, modal } = App.useApp();
  const returnFocus = useReturnFocus(open);
  const [form] = Form.useForm<MemberValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const shown = useRef(new Set<string>());
  const alertRef = useRef<HTMLDivElement>(null);
  const scrollToAlert = useRef(false);
  /** True while the summary above the form is about the fields (not a message from main). */
  const localSummary = useRef(false);
  const tried = useRef(false);
  const serverProblems = useRef<FieldProblem[]>([]);
  const lostContact = Form.useWatch('lostContact', form);
  const mobileMember = Form.useWatch('mobileMember', form);
  const category = Form.useWatch('category', form);
  const chosenBranch = Form.useWatch('branchId', form) as string | undefined;
  /** The branch the member is (or will be) in: null = the local branch. */
  const targetBranch = formBranch.choose ? (chosenBranch ?? null) : formBranch.branchId;
  /** A new member going to a branch other than the local one, named on the form so it is never a surprise. */
  const fixedBranch = !editing && !formBranch.choose && formBranch.branchId ? branches.find((b) => b.id === formBranch.branchId) : undefined;

  useEffect(() => {
    if (!open) return;
    shown.current = new Set();
    tried.current = false;
    localSummary.current = false;
    serverProblems.current = [];
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(editing ? valuesOf(editing) : emptyValues());
    if (formBranch.choose) form.setFieldValue('branchId', localBranch?.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing, form]);

  // The party groups offered are the target branch's; a group of another branch is dropped when the branch changes.
  useEffect(() => {
    if (!open) return;
    void useMemberStore
      .getState()
      .loadFormGroups(targetBranch)
      .then(() => {
        const group = form.getFieldValue('partyGroupId') as string | undefined;
        if (group && !useMemberStore.getState().formGroups.some((g) => g.id === group)) form.setFieldValue('partyGroupId', '');
      })
      .catch(() => undefined);
  }, [open, targetBranch, form]);

  useEffect(() => {
    if (formError && scrollToAlert.current) {
      scrollToAlert.current = false;
      alertRef.current?.scrollIntoView({ block: 'start' });
    }
  }, [formError]);

  const values = () => ({ ...emptyValues(), ...(form.getFieldsValue(true) as Partial<MemberValues>) }) as MemberValues;

  /** Re-checks every field; shows problems at fields the user has left (or all of them after a save attempt). */
  const revalidate = () => {
    const branchProblems = formBranch.choose && !form.getFieldValue('branchId') ? [{ field: 'branchId', message: '请选择所属支部' }] : [];
    const problems = [...branchProblems, ...memberProblems(values()), ...serverProblems.current];
    applyProblems(form, FIELDS, problems, (path) => tried.current || shown.current.has(String(path[0])));
    // The summary above the form follows the fields once a save was tried.
    if (localSummary.current) setFormError(problems.length ? `有 ${problems.length} 处需要修改，请看红色提示。` : null);
    return problems;
  };

  /** Leaving a field the user has changed shows its problems; merely passing through an empty field does not. */
  const leave = (field: MemberFieldName) => () => {
    if (form.isFieldTouched(field)) shown.current.add(field);
    revalidate();
  };

  const onValuesChange = (changed: Partial<MemberValues>) => {
    const changedFields = Object.keys(changed);
    serverProblems.current = serverProblems.current.filter((p) => !changedFields.includes(p.field));
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
    localSummary.current = true;
    const problems = revalidate();
    if (problems.length) {
      focusFirstProblem(form, FIELDS, problems);
      return;
    }
    localSummary.current = false;
    setFormError(null);
    setSaving(true);
    try {
      const branchId = editing ? null : targetBranch && targetBranch !== localBranch?.id ? targetBranch : null;
      const saved = await save(toInput(values()), branchId);
      const where = branchId ? `到“${branches.find((b) => b.id === branchId)?.name ?? '所选支部'}”` : '';
      message.success(editing ? `已保存“${saved.name}”的修改` : `已添加党员“${saved.name}”${where}`);
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiError && e.issues?.length) {
        serverProblems.current = e.issues;
        revalidate();
        focusFirstProblem(form, FIELDS, e.issues);
      }
      // A problem that belongs to no field is shown at the top of the form: bring it into view.
      if (!(e instanceof ApiError && e.issues?.length)) scrollToAlert.current = true;
      if (e instanceof ApiError && e.code === 'E_CONFLICT') {
        setFormError(
          editing
            ? '这名党员的资料刚刚已在别处被修改（例如另一个窗口），您这次的修改尚未保存。请点“取消”关闭，重新打开这名党员后再修改。'
            : `未能保存：${errorText(e)}`,
        );
      } else {
        setFormError(`未能保存：${errorText(e)}`);
      }
    } finally {
      setSaving(false);
    }
  };

  const requestClose = () => {
    if (saving) return;
    if (form.isFieldsTouched()) {
      modal.confirm({
        title: '放弃未保存的内容？',
        content: '关闭后，刚才填写或修改的内容不会保存。',
        okText: '放弃并关闭',
        cancelText: '继续填写',
        onOk: close,
      });
    } else close();
  };

  const title = editing ? `修改党员：${editing.name}` : '新增党员';

  return (
    <Drawer
      afterOpenChange={returnFocus}
      open={open}
      title={title}
      size={860}
      onClose={requestClose}
      destroyOnHidden
      keyboard
      maskClosable={false}
      closable={{ 'aria-label': '关闭', closeIcon: <CloseOutlined aria-hidden="true" /> }}
      styles={{ body: { paddingBottom: 0 } }}
    >
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
        {formBranch.choose ? (
          <Form.Item name="branchId" label="所属支部" required extra="名册正在显示全部支部，请选择新党员加入哪个支部">
            <Select
              options={branches.map((b) => ({ value: b.id, label: b.isLocal ? `${b.name}（本支部）` : b.name }))}
              onBlur={() => (shown.current.add('branchId'), revalidate())}
            />
          </Form.Item>
        ) : fixedBranch ? (
          <Alert type="info" showIcon role="note" style={{ marginBottom: 16 }} title={`将添加到：${fixedBranch.name}`} description="名册当前选择的是这个支部。要添加到别的支部，请先在名册上方换选支部。" />
        ) : null}
        <Section title="基本信息" />
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
              <Radio.Group onBlur={leave('gender')} options={['男', '女']} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="birthDate" label="出生日期" required>
              <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMATS} placeholder="年-月-日" disabledDate={future} onBlur={leave('birthDate')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ethnicity" label="民族" required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={ETHNICITIES.map((e) => ({ value: e, label: e }))}
                onBlur={leave('ethnicity')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="education" label="学历" required>
              <Select showSearch={{ optionFilterProp: 'search' }} options={EDUCATION_OPTIONS} placeholder="请选择" onBlur={leave('education')} listHeight={360} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nativePlace" label="籍贯">
              <Input maxLength={60} placeholder="如：河北省任丘县" onBlur={leave('nativePlace')} />
            </Form.Item>
          </Col>
        </Row>

        <Section title="党员信息" />
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="category" label="人员类别" required>
              <Radio.Group options={['正式党员', '预备党员']} onBlur={leave('category')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="applicationDate" label="申请入党日期">
              <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMATS} placeholder="年-月-日" disabledDate={future} onBlur={leave('applicationDate')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="joinDate" label="入党日期" required>
              <DatePicker style={{ width: '100%' }} format={DATE_INPUT_FORMATS} placeholder="年-月-日" disabledDate={future} onBlur={leave('joinDate')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="fullDate" label="转正日期" required={category === '正式党员'}>
              <DatePicker
                style={{ width: '100%' }}
                format={DATE_INPUT_FORMATS}
                placeholder={category === '预备党员' ? '预备党员不填' : '年-月-日'}
                disabledDate={future}
                disabled={category === '预备党员'}
                onBlur={leave('fullDate')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="partyGroupId" label="党小组">
              <Select options={[{ value: '', label: '未分组' }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} onBlur={leave('partyGroupId')} />
            </Form.Item>
          </Col>
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
          <Col span={12}>
            <Form.Item name="workUnit" label="工作单位">
              <Input maxLength={100} onBlur={leave('workUnit')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="post" label="岗位/职务">
              <Input maxLength={60} placeholder="如：司钻" onBlur={leave('post')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label="联系电话">
              <Input maxLength={20} inputMode="tel" onBlur={leave('phone')} />
            </Form.Item>
          </Col>
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
