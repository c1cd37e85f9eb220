/** The branch profile form (支部名称, 所属党委, 成立时间, 地址, 支部委员), used at first start and on 支部信息. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { formKeyDown, SAVE_SHORTCUT, saveShortcutProps, SaveHint } from '../../components/formKeys';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { zodProblems } from '../../../../shared/contract/validate';
import { branchFieldsSchema, OFFICER_ROLES, type Branch, type BranchFieldsInput } from '../../../../shared/domain/branch';
import type { FieldProblem } from '../../../../shared/domain/member';
import { ApiError, errorText } from '../../api';
import { applyProblems, focusFirstProblem } from '../../components/formErrors';
import { fromDayjs, toDayjs } from '../../components/dates';
import { useAppStore } from '../../stores/appStore';

interface OfficerValues {
  name?: string;
  role?: string;
  duties?: string;
  memberId?: string | null;
}
interface BranchValues {
  name?: string;
  parentCommittee?: string;
  foundedDate?: Dayjs | null;
  address?: string;
  officers?: OfficerValues[];
}

/** A committee row left without a name (and without duties of its own) is an unused row, not a member. */
function isBlankOfficer(o: OfficerValues): boolean {
  return !o.name?.trim() && (!o.duties?.trim() || o.duties.trim() === DEFAULT_DUTIES);
}
const DEFAULT_DUTIES = '主持支部全面工作';

/** The form's values as the contract's input, and for each officer sent, its row in the form. */
function toInput(v: BranchValues): { input: BranchFieldsInput; rows: number[] } {
  const rows: number[] = [];
  const officers = (v.officers ?? []).filter((o, i) => (isBlankOfficer(o) ? false : (rows.push(i), true)));
  return {
    rows,
    input: {
      name: v.name ?? '',
      parentCommittee: v.parentCommittee ?? '',
      foundedDate: fromDayjs(v.foundedDate) || null,
      address: v.address ?? '',
      officers: officers.map((o) => ({
        name: o.name ?? '',
        role: (o.role ?? '') as (typeof OFFICER_ROLES)[number],
        duties: o.duties ?? '',
        memberId: o.memberId ?? null,
      })),
    },
  };
}

/** 'officers.1.name' of the input -> 'officers.<row in the form>.name'. */
function toFormProblems(problems: FieldProblem[], rows: number[]): FieldProblem[] {
  return problems.map((p) => {
    const m = /^officers\.(\d+)\.(.*)$/.exec(p.field);
    return m ? { ...p, field: `officers.${rows[Number(m[1])] ?? m[1]}.${m[2]}` } : p;
  });
}

function fieldList(v: BranchValues): (string | number)[][] {
  const base: (string | number)[][] = [['name'], ['parentCommittee'], ['foundedDate'], ['address']];
  (v.officers ?? []).forEach((_, i) => base.push(['officers', i, 'name'], ['officers', i, 'role'], ['officers', i, 'duties']));
  return base;
}

function problemsOf(v: BranchValues): FieldProblem[] {
  const { input, rows } = toInput(v);
  const r = branchFieldsSchema.safeParse(input);
  return r.success ? [] : toFormProblems(zodProblems(r.error), rows);
}

export function BranchForm({ branch, submitText, onSaved, onCancel }: { branch: Branch | null; submitText: string; onSaved?: () => void; onCancel?: () => void }) {
  const [form] = Form.useForm<BranchValues>();
  const { message } = App.useApp();
  const saveBranch = useAppStore((s) => s.saveBranch);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const initial: BranchValues = branch
    ? {
        name: branch.name,
        parentCommittee: branch.parentCommittee,
        foundedDate: toDayjs(branch.foundedDate),
        address: branch.address,
        officers: branch.officers.map((o) => ({ ...o })),
      }
    : { officers: [{ name: '', role: '书记', duties: DEFAULT_DUTIES }] };

  const onValuesChange = () => {
    if (!tried) return;
    const v = form.getFieldsValue(true) as BranchValues;
    const problems = problemsOf(v);
    applyProblems(form, fieldList(v), problems);
    if (!problems.length) setError(null);
  };

  const onFinish = async () => {
    const v = form.getFieldsValue(true) as BranchValues;
    const fields = fieldList(v);
    const problems = problemsOf(v);
    setTried(true);
    applyProblems(form, fields, problems);
    if (problems.length) {
      setError('请按红色提示修改后再保存。');
      focusFirstProblem(form, fields, problems);
      return;
    }
    setError(null);
    setSaving(true);
    const { input, rows } = toInput(v);
    try {
      await saveBranch(input);
      message.success('支部信息已保存');
      onSaved?.();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) {
        const problems = toFormProblems(e.issues, rows);
        applyProblems(form, fields, problems);
        focusFirstProblem(form, fields, problems);
      }
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div onKeyDown={formKeyDown}>
    <Form form={form} layout="vertical" name="branch" initialValues={initial} onFinish={onFinish} onValuesChange={onValuesChange} aria-label="支部信息">
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Row gutter={24}>
        <Col xs={24} md={14}>
          <Form.Item name="name" label="支部名称" required>
            <Input placeholder="如：中共××钻井队支部委员会" maxLength={60} autoFocus={!branch} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="parentCommittee" label="所属党委">
            <Input placeholder="如：中共××钻探公司委员会" maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="foundedDate" label="成立时间">
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="address" label="地址">
            <Input placeholder="支部所在地" maxLength={120} />
          </Form.Item>
        </Col>
      </Row>
      <div className="form-section-title">支部委员</div>
      <Form.List name="officers">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }, index) => (
              <Row gutter={12} key={key} align="top">
                <Col xs={24} md={6}>
                  <Form.Item name={[name, 'name']} label={`委员 ${index + 1} 姓名`} required>
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[name, 'role']} label="职务" required>
                    <Select options={OFFICER_ROLES.map((r) => ({ value: r, label: r }))} placeholder="请选择" />
                  </Form.Item>
                </Col>
                <Col xs={20} md={10}>
                  <Form.Item name={[name, 'duties']} label="分工">
                    <Input maxLength={200} placeholder="如：负责组织发展工作" />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2} style={{ paddingTop: 34 }}>
                  <Button
                    aria-label={`删除委员 ${index + 1}`}
                    icon={<MinusCircleOutlined aria-hidden="true" />}
                    onClick={() => remove(name)}
                    title="删除这位委员"
                  />
                </Col>
              </Row>
            ))}
            {items.length < 9 ? (
              <Button type="dashed" icon={<PlusOutlined aria-hidden="true" />} onClick={() => {
                  add({ name: '', role: '委员', duties: '' });
                  setTimeout(() => form.focusField(['officers', items.length, 'name']), 0);
                }} style={{ marginBottom: 16 }}>
                添加支部委员
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
      {/* 取消 beside 保存 at the foot, as in every other form. */}
      <div className="form-footer" style={{ position: 'static' }}>
        <SaveHint action={submitText} />
        {onCancel ? (
          <Button size="large" onClick={onCancel} disabled={saving}>
            取消
          </Button>
        ) : null}
        <Button type="primary" htmlType="submit" size="large" loading={saving} {...saveShortcutProps} title={`${SAVE_SHORTCUT} ${submitText}`}>
          {submitText}
        </Button>
      </div>
    </Form>
    </div>
  );
}
