/**
 * 党内汇报: the activists, development targets and probationary members who report to the branch, with their state
 * in the current period (逾期未交 first); a name opens that person's reports ('#/reports?member=…'); the rhythm per role.
 */
import { CloseCircleFilled, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Tag } from 'antd';
import { useEffect } from 'react';
import type { MemberReport } from '../../../../shared/contract/meetings';
import { FREQUENCY_LABELS, MEETING_FREQUENCIES, type MeetingFrequency } from '../../../../shared/domain/meetings';
import {
  REPORT_DUE_LABELS,
  REPORT_KIND_LABELS,
  REPORTER_ROLE_LABELS,
  REPORTER_ROLES,
  type ReportDue,
  type ReportDueStatus,
  type ReporterRole,
} from '../../../../shared/domain/memberReports';
import { useRoute } from '../../app/router';
import { errorText } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { DataTable } from '../../components/table/DataTable';
import { ReportForm, reporterKey } from './ReportForm';
import { useReportsStore } from './reportsStore';
import './meetings.css';

const ALL = '__all__';
const STATUS_COLORS: Record<ReportDueStatus, string> = { overdue: 'error', due: 'warning', done: 'success' };

function RhythmSettings() {
  const rhythms = useReportsStore((s) => s.rhythms);
  const { message } = App.useApp();
  const change = async (role: ReporterRole, frequency: MeetingFrequency) => {
    try {
      await useReportsStore.getState().saveRhythms(rhythms.map((r) => (r.role === role ? { role, frequency } : r)));
      message.success(`${REPORTER_ROLE_LABELS[role]}改为${FREQUENCY_LABELS[frequency]}汇报`);
    } catch (e) {
      message.error(`汇报频次未能保存：${errorText(e)}`);
    }
  };
  return (
    <div className="filter-bar report-rhythms" role="group" aria-label="汇报频次">
      <span className="filter-label">汇报频次</span>
      {REPORTER_ROLES.map((role) => (
        <div className="filter-item" key={role}>
          <span className="filter-label" id={`rhythm-${role}-label`}>
            {REPORTER_ROLE_LABELS[role]}
          </span>
          <Select<MeetingFrequency>
            id={`rhythm-${role}`}
            aria-labelledby={`rhythm-${role}-label`}
            style={{ width: 110 }}
            value={rhythms.find((r) => r.role === role)?.frequency}
            onChange={(f) => void change(role, f)}
            options={MEETING_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
          />
        </div>
      ))}
    </div>
  );
}

function History({ person }: { person: string }) {
  const history = useReportsStore((s) => s.history);
  const loading = useReportsStore((s) => s.loading);
  const { message, modal } = App.useApp();
  const remove = (r: MemberReport) =>
    modal.confirm({
      title: '删除这份汇报？',
      content: `${r.date} ${r.personName}的${REPORT_KIND_LABELS[r.kind]}将移到回收站，可以从回收站恢复。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await useReportsStore.getState().remove(r.id);
          message.success('已删除汇报');
        } catch (e) {
          message.error(`删除失败：${errorText(e)}`);
        }
      },
    });
  if (!history.length && !loading) return <div className="roster-empty"><p>{`还没有${person}的汇报记录。`}</p></div>;
  return (
    <DataTable<MemberReport>
      fillHeight
      aria-label={`${person}的汇报记录`}
      rowKey="id"
      dataSource={history}
      pagination={false}
      columns={[
        { key: 'date', title: '提交日期', dataIndex: 'date', width: 108 },
        { key: 'kind', title: '类型', width: 96, render: (_: unknown, r) => REPORT_KIND_LABELS[r.kind] },
        { key: 'title', title: '标题', dataIndex: 'title', width: 200, ellipsis: true, render: (v: string) => v || '—' },
        { key: 'summary', title: '主要内容', dataIndex: 'summary', ellipsis: true, render: (v: string) => v || '—' },
        { key: 'comment', title: '支部意见', dataIndex: 'comment', width: 200, ellipsis: true, render: (v: string) => v || '—' },
        {
          key: 'actions',
          title: '操作',
          width: 100,
          render: (_: unknown, r) => (
            <span className="row-actions">
              <Button type="link" size="small" aria-label={`修改${r.date}的${REPORT_KIND_LABELS[r.kind]}`} onClick={() => useReportsStore.getState().openEdit(r)}>
                修改
              </Button>
              <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={`删除${r.date}的${REPORT_KIND_LABELS[r.kind]}`} onClick={() => remove(r)} />
            </span>
          ),
        },
      ]}
    />
  );
}

export function ReportsPage() {
  const { due, filters, loading, error } = useReportsStore();
  const route = useRoute();
  const routeKey = JSON.stringify(route.query);

  useEffect(() => {
    useReportsStore.getState().applyRoute(route.query);
  }, [routeKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = useReportsStore.getState().setFilters;
  const personId = filters.memberId ?? filters.applicantId;
  const chosen = personId ? due.find((r) => r.id === personId) : undefined;
  const person = personId ? (chosen?.name ?? useReportsStore.getState().history[0]?.personName ?? '这名同志') : null;
  const shown = filters.status ? due.filter((r) => r.status === filters.status) : due;
  const open = (r: ReportDue) => set(r.source === 'member' ? { memberId: r.id, applicantId: null } : { applicantId: r.id, memberId: null });

  const columns = [
    {
      key: 'name',
      title: '姓名',
      width: 110,
      render: (_: unknown, r: ReportDue) => (
        <Button type="link" size="small" className="person-link" aria-label={`查看${r.name}的汇报记录`} onClick={() => open(r)}>
          {r.name}
        </Button>
      ),
    },
    { key: 'role', title: '类别', width: 120, render: (_: unknown, r: ReportDue) => REPORTER_ROLE_LABELS[r.role] },
    { key: 'since', title: '起算日期', dataIndex: 'since', width: 108, render: (v: string) => (v.startsWith('0000') ? '—' : v) },
    { key: 'frequency', title: '频次', width: 80, render: (_: unknown, r: ReportDue) => FREQUENCY_LABELS[r.frequency] },
    { key: 'period', title: '本期', dataIndex: 'period', width: 96 },
    {
      key: 'status',
      title: '状态',
      width: 150,
      render: (_: unknown, r: ReportDue) => (
        <span>
          <Tag color={STATUS_COLORS[r.status]}>{REPORT_DUE_LABELS[r.status]}</Tag>
          {r.missedPeriod ? <span className="report-missed">{r.missedPeriod} 未交</span> : null}
        </span>
      ),
    },
    { key: 'last', title: '上次汇报', dataIndex: 'lastReportDate', width: 108, render: (v: string | null) => v ?? '从未提交' },
    {
      key: 'actions',
      title: '操作',
      width: 100,
      render: (_: unknown, r: ReportDue) => (
        <Button type="link" size="small" aria-label={`记录${r.name}的汇报`} onClick={() => useReportsStore.getState().openCreate(reporterKey(r.source, r.id))}>
          记录汇报
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="党内汇报"
        extra={
          <Button
            id="report-new"
            type="primary"
            size="large"
            icon={<PlusOutlined aria-hidden="true" />}
            onClick={() => useReportsStore.getState().openCreate(chosen ? reporterKey(chosen.source, chosen.id) : null)}
          >
            记录汇报
          </Button>
        }
      />
      <div role="search" aria-label="查找汇报人" className="roster-filters">
        <div className="filter-bar">
          {person ? (
            <Tag closable onClose={() => set({ memberId: null, applicantId: null })} className="person-filter" closeIcon={<CloseCircleFilled aria-label={`不再只看${person}`} />}>
              只看：{person}
              {chosen ? `（${REPORTER_ROLE_LABELS[chosen.role]}，${REPORT_DUE_LABELS[chosen.status]}）` : ''}
            </Tag>
          ) : (
            <div className="filter-item">
              <span className="filter-label" id="report-status-label">
                状态
              </span>
              <Select<string>
                id="report-status"
                aria-labelledby="report-status-label"
                style={{ width: 120 }}
                value={filters.status ?? ALL}
                onChange={(v) => set({ status: v === ALL ? null : (v as ReportDueStatus) })}
                options={[{ value: ALL, label: '全部' }, ...(['overdue', 'due', 'done'] as const).map((s) => ({ value: s, label: REPORT_DUE_LABELS[s] }))]}
              />
            </div>
          )}
          <div className="roster-tools">
            <div className="roster-count" role="status" aria-live="polite" data-testid="report-count">
              {person ? `共 ${useReportsStore.getState().history.length} 份` : `共 ${shown.length} 人`}
            </div>
          </div>
        </div>
        {person ? null : <RhythmSettings />}
      </div>
      {error ? <Alert type="error" showIcon role="alert" title={`党内汇报读取失败：${error}`} style={{ marginBottom: 12 }} /> : null}
      {person ? (
        <History person={person} />
      ) : shown.length === 0 && !loading && !error ? (
        <div className="roster-empty">
          <p>{due.length ? '没有符合条件的汇报人。' : '名册和发展党员名单中没有需要定期汇报的入党积极分子、发展对象或预备党员。'}</p>
        </div>
      ) : (
        <DataTable<ReportDue>
          fillHeight
          aria-label="汇报人"
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={loading && due.length === 0}
          pagination={false}
          rowClassName={(r) => (r.status === 'overdue' ? 'roster-row report-overdue' : 'roster-row')}
        />
      )}
      <ReportForm />
    </>
  );
}

export default ReportsPage;
