/**
 * 统计与评定: per member the votes of each grade by voter type, the favourable share and the grade the rules
 * propose; the branch sets the final grade (a reason is asked for where it differs from the proposal) and the
 * 优秀 share limit is checked when grades are saved.
 */
import { Alert, App, Button, Input, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import type { Campaign, MemberResult, Results } from '../../../../shared/contract/appraisal';
import { GRADES, VOTER_TYPES, type Grade } from '../../../../shared/domain/appraisal';
import { api, errorText } from '../../api';
import { AppraisalPrintButtons } from './AppraisalPrint';
import { FollowUpsSection } from './FollowUpsSection';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** Tag tones in darker shades than antd's presets, for contrast (see appraisal.css). */
const GRADE_TONE: Record<Grade, string> = { 优秀: 'appraisal-tone-green', 合格: 'appraisal-tone-blue', 基本合格: 'appraisal-tone-orange', 不合格: 'appraisal-tone-red' };

interface Pending {
  member: MemberResult;
  grade: Grade;
}

function ReasonModal({ pending, onCancel, onConfirm }: { pending: Pending | null; onCancel(): void; onConfirm(reason: string): void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setReason(pending?.member.reason ?? '');
    setProblem(null);
  }, [pending]);
  const confirm = () => {
    if (!reason.trim()) return setProblem('请填写与提议不同的理由');
    onConfirm(reason.trim());
  };
  return (
    <Modal
      open={!!pending}
      title="评定等次与提议不同"
      okText="确定评定"
      cancelText="取消"
      onCancel={onCancel}
      onOk={confirm}
      destroyOnHidden
    >
      {pending ? (
        <>
          <p>
            {pending.member.name}：按规则提议为<strong>{pending.member.proposed}</strong>，现评定为<strong>{pending.grade}</strong>。请写明理由（将记入评定结果）。
          </p>
          <label htmlFor="decide-reason">与提议不同的理由</label>
          <Input.TextArea
            id="decide-reason"
            autoFocus
            maxLength={200}
            autoSize={{ minRows: 2, maxRows: 4 }}
            value={reason}
            status={problem ? 'error' : undefined}
            onChange={(e) => setReason(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault();
              confirm();
            }}
          />
          {problem ? <div className="appraisal-problem" role="alert">{problem}</div> : null}
        </>
      ) : null}
    </Modal>
  );
}

function countColumns(voterType: (typeof VOTER_TYPES)[number]): ColumnsType<MemberResult>[number] {
  return {
    key: voterType,
    title: `${voterType}票`,
    children: GRADES.map((g) => ({
      key: `${voterType}-${g}`,
      title: g,
      width: 50,
      align: 'right' as const,
      render: (_v: unknown, m: MemberResult) => m.byVoterType[voterType][g],
    })),
  };
}

export function TallyPanel({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const [results, setResults] = useState<Results | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  /** Grades saved so far: a 不合格 opens a follow-up, so the list below is read again. */
  const [decided, setDecided] = useState(0);

  const load = useCallback(async () => {
    try {
      setResults(await api().call('appraisal.results', { campaignId: campaign.id }));
    } catch (e) {
      setProblem(`未能读取统计：${errorText(e)}`);
    }
  }, [campaign.id]);
  useEffect(() => void load(), [load]);

  const decide = async (decisions: { memberId: string; grade: Grade | null; reason: string; note: string }[], done: string) => {
    setSaving(true);
    try {
      setResults(await api().call('appraisal.decide', { campaignId: campaign.id, decisions }));
      setProblem(null);
      setDecided((n) => n + 1);
      message.success(done);
    } catch (e) {
      setProblem(`未能评定：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const choose = (m: MemberResult, grade: Grade | null) => {
    if (grade && m.proposed && grade !== m.proposed) return setPending({ member: m, grade });
    void decide([{ memberId: m.memberId, grade, reason: '', note: m.note }], grade ? `${m.name}评定为${grade}` : `已取消${m.name}的评定`);
  };

  const acceptProposals = () => {
    const open = results?.members.filter((m) => !m.final && m.proposed) ?? [];
    if (!open.length) return setProblem('没有待评定且有提议等次的党员');
    void decide(
      open.map((m) => ({ memberId: m.memberId, grade: m.proposed, reason: '', note: m.note })),
      `已按提议评定 ${open.length} 人`,
    );
  };

  if (!results) return problem ? <Alert type="error" showIcon role="alert" title={problem} /> : <p className="muted">正在统计…</p>;
  const { ballots } = results;
  const overCap = results.excellentFinal > results.excellentCap;
  const showMasses = campaign.issuedMasses > 0 || results.members.some((m) => VOTER_TYPES.some((v) => v === '群众' && GRADES.some((g) => m.byVoterType[v][g] > 0)));

  const columns: ColumnsType<MemberResult> = [
    { key: 'no', title: '序号', width: 56, fixed: 'left', render: (_v, _m, i) => i + 1 },
    { key: 'name', title: '姓名', dataIndex: 'name', width: 96, fixed: 'left' },
    countColumns('党员'),
    ...(showMasses ? [countColumns('群众')] : []),
    { key: 'votes', title: '票数', dataIndex: 'votes', width: 56, align: 'right' },
    { key: 'share', title: '好评率', width: 80, align: 'right', render: (_v, m) => percent(m.favourableShare) },
    { key: 'proposed', title: '提议等次', width: 96, render: (_v, m) => (m.proposed ? <Tag className={GRADE_TONE[m.proposed]}>{m.proposed}</Tag> : '—') },
    {
      key: 'final',
      title: '评定等次',
      width: 124,
      render: (_v, m) => (
        <Select<Grade | ''>
          aria-label={`${m.name}的评定等次`}
          size="small"
          style={{ width: 108 }}
          value={m.final ?? ''}
          disabled={saving}
          onChange={(g) => choose(m, g || null)}
          options={[{ value: '', label: '未评定' }, ...GRADES.map((g) => ({ value: g, label: g }))]}
        />
      ),
    },
    { key: 'reason', title: '与提议不同的理由', dataIndex: 'reason', width: 180, render: (r: string) => r || '' },
  ];

  return (
    <div className="appraisal-tally">
      <div className="appraisal-stats" role="group" aria-label="测评表">
        <span>发放 <strong>{ballots.issued}</strong> 张</span>
        <span>收回 <strong>{ballots.collected}</strong> 张</span>
        <span data-testid="ballots-valid">有效 <strong>{ballots.valid}</strong> 张</span>
        <span data-testid="ballots-spoilt">废票 <strong>{ballots.spoilt}</strong> 张</span>
        {campaign.doubleEntry ? <span>待核对 <strong>{ballots.pending}</strong> 张（两遍录入不一致或未录第二遍，不计入）</span> : null}
        <span className={overCap ? 'appraisal-over' : undefined} data-testid="excellent-cap">
          评定优秀 <strong>{results.excellentFinal}</strong> 人，上限 {results.excellentCap} 人（{campaign.rules.excellentCapNum}/{campaign.rules.excellentCapDen}）
        </span>
        <span className="spacer" />
        <Button onClick={acceptProposals} loading={saving}>
          未评定的按提议评定
        </Button>
      </div>
      <div className="appraisal-bar" role="group" aria-label="打印">
        <AppraisalPrintButtons
          campaign={campaign}
          documents={[
            { key: 'tally', button: '测评统计表' },
            { key: 'results', button: '评议结果汇总表' },
            { key: 'publicity', button: '公示' },
          ]}
        />
      </div>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Table<MemberResult>
        className="appraisal-results"
        aria-label="统计与评定"
        size="small"
        bordered
        rowKey="memberId"
        columns={columns}
        dataSource={results.members}
        pagination={results.members.length > 60 ? { pageSize: 50, showSizeChanger: false } : false}
        tableLayout="fixed"
        scroll={{ x: 1040 }}
        locale={{ emptyText: '没有评定等次的党员' }}
      />
      {results.notGraded.length ? (
        <p className="muted appraisal-not-graded">
          不评定等次：{results.notGraded.map((m) => `${m.name}（${m.excluded ? `不参加：${m.exclusionReason}` : '预备党员'}）`).join('、')}
        </p>
      ) : null}
      <FollowUpsSection campaign={campaign} version={decided} />
      <ReasonModal
        pending={pending}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => {
          const p = pending!;
          setPending(null);
          void decide([{ memberId: p.member.memberId, grade: p.grade, reason, note: p.member.note }], `${p.member.name}评定为${p.grade}`);
        }}
      />
    </div>
  );
}
