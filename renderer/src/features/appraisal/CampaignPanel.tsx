/**
 * 评议活动: the year's campaign — the ballots issued to 党员 and 群众, double entry, the stages with their dates,
 * the rules (the 优秀 share limit and the thresholds that propose a grade), and who does not take part (with the
 * reason). Members are taken from the active roster when the campaign is made; 预备党员 take part, ungraded.
 */
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { Campaign } from '../../../../shared/contract/appraisal';
import { DEFAULT_RULES, STAGES, RULE_LABELS, stageOrderProblem, type AppraisalRules, type StageDate } from '../../../../shared/domain/appraisal';
import { api, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, RefusedDate } from '../../components/dates';
import { AppraisalPrintButtons } from './AppraisalPrint';

interface Exclusion {
  memberId: string;
  reason: string;
}

interface Values {
  issuedMembers: number | null;
  issuedMasses: number | null;
  doubleEntry: boolean;
  rules: AppraisalRules;
  stages: (Dayjs | RefusedDate | null)[];
  note: string;
}

const RULE_FIELDS: { key: keyof AppraisalRules; suffix?: string }[] = [
  { key: 'excellentCapNum' },
  { key: 'excellentCapDen' },
  { key: 'unqualifiedPct', suffix: '%' },
  { key: 'basicPct', suffix: '%' },
  { key: 'excellentPct', suffix: '%' },
];

function initialValues(c: Campaign | null): Values {
  return {
    issuedMembers: c?.issuedMembers ?? null,
    issuedMasses: c?.issuedMasses ?? 0,
    doubleEntry: c?.doubleEntry ?? false,
    rules: c?.rules ?? DEFAULT_RULES,
    stages: STAGES.map((s) => {
      const date = c?.stages.find((d) => d.stage === s)?.date;
      return date ? dayjs(date) : null;
    }),
    note: c?.note ?? '',
  };
}

function ExclusionEditor({ campaign, value, onChange }: { campaign: Campaign; value: Exclusion[]; onChange(next: Exclusion[]): void }) {
  const [memberId, setMemberId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const names = useMemo(() => new Map(campaign.members.map((m) => [m.memberId, m.name])), [campaign]);
  const options = campaign.members.filter((m) => !value.some((x) => x.memberId === m.memberId)).map((m) => ({ value: m.memberId, label: `${m.name}（${m.category}）` }));
  const add = () => {
    if (!memberId) return setProblem('请选择不参加评议的党员');
    if (reason.trim().length < 2) return setProblem('请写明不参加评议的原因（如长期病假）');
    onChange([...value, { memberId, reason: reason.trim() }]);
    setMemberId(null);
    setReason('');
    setProblem(null);
  };
  return (
    <section aria-labelledby="exclusions-title">
      <h3 className="form-section-title" id="exclusions-title">不参加评议的党员</h3>
      <div className="appraisal-bar">
        <Select
          aria-label="不参加评议的党员"
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          placeholder="选择党员"
          value={memberId}
          onChange={setMemberId}
          options={options}
        />
        <Input aria-label="不参加原因" placeholder="原因，如长期病假" style={{ width: 280 }} maxLength={100} value={reason} onChange={(e) => setReason(e.target.value)} onPressEnter={add} />
        <Button icon={<PlusOutlined aria-hidden="true" />} onClick={add}>
          添加
        </Button>
      </div>
      {problem ? <div className="appraisal-problem" role="alert">{problem}</div> : null}
      {value.length ? (
        <ul className="appraisal-exclusions">
          {value.map((x) => (
            <li key={x.memberId}>
              <strong>{names.get(x.memberId) ?? '（不在名单中）'}</strong>：{x.reason}
              <Button type="link" size="small" icon={<DeleteOutlined aria-hidden="true" />} onClick={() => onChange(value.filter((y) => y.memberId !== x.memberId))} aria-label={`让${names.get(x.memberId) ?? ''}参加评议`}>
                取消
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">全部参加。长期病假、外出等不参加评议的党员在此添加并写明原因。</p>
      )}
    </section>
  );
}

function MembersSummary({ campaign }: { campaign: Campaign }) {
  const graded = campaign.members.filter((m) => m.graded).length;
  const probationary = campaign.members.filter((m) => !m.excluded && m.category === '预备党员').length;
  const excluded = campaign.members.filter((m) => m.excluded).length;
  return (
    <p className="appraisal-summary" data-testid="appraisal-members-summary">
      名单 {campaign.members.length} 人：评定等次 <strong>{graded}</strong> 人；预备党员 {probationary} 人参加评议、不评定等次；不参加 {excluded} 人。
      已收回测评表：党员 {campaign.collected.党员}/{campaign.issuedMembers} 张，群众 {campaign.collected.群众}/{campaign.issuedMasses} 张。
    </p>
  );
}

export function CampaignPanel({ year, campaign, onSaved }: { year: number; campaign: Campaign | null; onSaved(c: Campaign): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [exclusions, setExclusions] = useState<Exclusion[]>(() => campaign?.members.filter((m) => m.excluded).map((m) => ({ memberId: m.memberId, reason: m.exclusionReason })) ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (v: Values) => {
    const refused = v.stages.findIndex((d) => d instanceof RefusedDate);
    if (refused >= 0) return setProblem(`${STAGES[refused]}的日期：${(v.stages[refused] as RefusedDate).reason}`);
    const stages: StageDate[] = STAGES.map((stage, i) => ({ stage, date: fromDayjs(v.stages[i]) || null }));
    const order = stageOrderProblem(stages);
    if (order) return setProblem(order);
    const common = { issuedMembers: v.issuedMembers ?? 0, issuedMasses: v.issuedMasses ?? 0, doubleEntry: v.doubleEntry, rules: v.rules, stages, note: v.note ?? '' };
    setSaving(true);
    try {
      const saved = campaign
        ? await api().call('appraisal.update', { campaignId: campaign.id, ...common, exclusions, expectedUpdatedAt: campaign.updatedAt })
        : await api().call('appraisal.create', { year, ...common, exclusions: [] });
      setProblem(null);
      message.success(campaign ? `${year} 年民主评议已保存` : `已建立 ${year} 年民主评议，名单 ${saved.members.length} 人`);
      onSaved(saved);
    } catch (e) {
      setProblem(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> key={campaign?.id ?? 'new'} form={form} layout="vertical" initialValues={initialValues(campaign)} onFinish={(v) => void save(v)} className="appraisal-campaign">
      {campaign ? (
        <div className="appraisal-bar" role="group" aria-label="打印">
          <AppraisalPrintButtons
            campaign={campaign}
            documents={[
              { key: 'ballots', button: '打印测评表' },
              { key: 'selfEvaluation', button: '党员自评表' },
            ]}
          />
        </div>
      ) : null}
      {campaign ? <MembersSummary campaign={campaign} /> : <Alert type="info" showIcon title={`${year} 年还没有建立民主评议。保存后，名单取自党员名册中的在册党员（预备党员参加评议，不评定等次）。`} style={{ marginBottom: 12 }} />}
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
      <h3 className="form-section-title">测评表发放</h3>
      <div className="appraisal-fields">
        <Form.Item name="issuedMembers" label="发放党员测评表（张）" rules={[{ required: true, message: '请填写发放党员测评表张数' }]}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="issuedMasses" label="发放群众测评表（张）">
          <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="doubleEntry" label="两遍录入（核对录入差错）" valuePropName="checked">
          <Switch checkedChildren="开" unCheckedChildren="关" />
        </Form.Item>
      </div>
      <h3 className="form-section-title">评议环节</h3>
      <div className="appraisal-fields">
        {STAGES.map((stage, i) => (
          <Form.Item key={stage} name={['stages', i]} label={stage}>
            <DateInput allowFuture style={{ width: 150 }} />
          </Form.Item>
        ))}
      </div>
      <h3 className="form-section-title">评定规则</h3>
      <p className="muted">没有全国统一的计票公式，以下比例由支部确定。优秀人数不超过参加评定人数的“分子/分母”。</p>
      <div className="appraisal-fields">
        {RULE_FIELDS.map(({ key, suffix }) => (
          <Form.Item key={key} name={['rules', key]} label={RULE_LABELS[key]} rules={[{ required: true, message: `请填写${RULE_LABELS[key]}` }]}>
            <InputNumber min={key === 'excellentCapDen' ? 1 : 0} max={100} precision={0} suffix={suffix} style={{ width: 140 }} />
          </Form.Item>
        ))}
      </div>
      {campaign ? <ExclusionEditor campaign={campaign} value={exclusions} onChange={setExclusions} /> : null}
      <Form.Item name="note" label="备注">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      {campaign ? (
        <details>
          <summary>参评名单（{campaign.members.length} 人）</summary>
          <Table
            size="small"
            rowKey="memberId"
            pagination={{ pageSize: 50, showSizeChanger: false }}
            dataSource={campaign.members}
            columns={[
              { key: 'no', title: '序号', width: 60, render: (_v, _m, i) => i + 1 },
              { key: 'name', title: '姓名', dataIndex: 'name' },
              { key: 'category', title: '类别', dataIndex: 'category' },
              { key: 'graded', title: '评定等次', render: (_v, m) => (m.excluded ? `不参加：${m.exclusionReason}` : m.graded ? '是' : '否（预备党员）') },
            ]}
          />
        </details>
      ) : null}
      <div className="form-footer">
        <Button type="primary" size="large" htmlType="submit" loading={saving} icon={<SaveOutlined aria-hidden="true" />}>
          {campaign ? '保存评议活动' : `建立 ${year} 年民主评议`}
        </Button>
      </div>
    </Form>
  );
}
