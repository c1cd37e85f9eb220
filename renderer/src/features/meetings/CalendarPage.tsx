/**
 * 三会一课台账: the year as a grid (kind, and 党小组会 per party group, × month), each period 已开 / 缺开 / 未定稿 / 待开 /
 * 未到期 and opening the meetings of that period; the gaps; the coverage of 谈心谈话; each member's attendance rate.
 * The year (and, in a committee's database, the branch) is in the route: #/meetings-calendar?year=2026.
 * '?due=month' (首页's 三会一课 count) lists first what that count counts: this month's due meetings and the year's gaps.
 */
import { FileExcelOutlined, FileWordOutlined, PrinterOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, InputNumber, Progress, Select, Spin, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FactTableRow } from '../../../../shared/domain/facts';
import { useEffect, useMemo, useState } from 'react';
import {
  CALENDAR_KIND_LABELS,
  CELL_STATE_LABELS,
  FREQUENCY_LABELS,
  frequencyText,
  type AttendanceRate,
  type CalendarCell,
  type CalendarRow,
  type KindFrequency,
  type MeetingFrequency,
  type MeetingsCalendar,
  type MissingPeriod,
  periodsDueThisMonth,
} from '../../../../shared/domain/meetingsCalendar';
import { errorText } from '../../api';
import { navigate, routeHref, useRoute } from '../../app/router';
import { DOCX_TYPE, downloadBase64, XLSX_TYPE } from '../../components/files';
import { FormModal } from '../../components/FormModal';
import { PageTitle } from '../../components/PageTitle';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useCommitteeStore } from '../committee/committeeStore';
import { useCalendarStore } from './calendarStore';
import './calendar.css';

const PATH = '/meetings-calendar';
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The meetings list on a kind and period (and party group): where a period's records are seen or recorded. */
export function periodHref(p: { kind: string; period: string; groupId: string | null }): string {
  return routeHref('/meetings', { kind: p.kind, month: p.period, groupId: p.groupId });
}

function rowLabel(row: Pick<CalendarRow, 'kindLabel' | 'groupName'>): string {
  return row.groupName ? `${row.kindLabel}（${row.groupName}）` : row.kindLabel;
}

/** What a cell says: the days held (a quarter's cell: month and day), else its state. */
function cellText(cell: CalendarCell): string {
  if (cell.state !== 'held') return CELL_STATE_LABELS[cell.state];
  const span = cell.toMonth > cell.fromMonth;
  const days = cell.dates.map((d) => (span ? `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日` : `${Number(d.slice(8))}日`));
  return days.length > 2 ? `${days[0]}等${days.length}次` : days.join('、');
}

function PeriodCell({ row, cell, year }: { row: CalendarRow; cell: CalendarCell; year: number }) {
  const count = cell.meetingIds.length;
  const label = `${rowLabel(row)} ${year}年${cell.label}：${CELL_STATE_LABELS[cell.state]}${count ? `（${count} 次）` : ''}`;
  return (
    <a className={`cal-cell cal-${cell.state}`} href={periodHref({ kind: row.kind, period: cell.period, groupId: row.groupId })} aria-label={label} title={label}>
      {cellText(cell)}
    </a>
  );
}

function gridColumns(year: number): ColumnsType<CalendarRow> {
  const monthColumns: ColumnsType<CalendarRow> = MONTHS.map((m) => ({
    key: `m${m}`,
    title: `${m}月`,
    align: 'center',
    onCell: (row) => {
      const cell = row.cells.find((c) => c.fromMonth <= m && m <= c.toMonth)!;
      return { colSpan: cell.fromMonth === m ? cell.toMonth - cell.fromMonth + 1 : 0, className: 'cal-td' };
    },
    render: (_: unknown, row) => {
      const cell = row.cells.find((c) => c.fromMonth === m);
      return cell ? <PeriodCell row={row} cell={cell} year={year} /> : null;
    },
  }));
  return [
    { key: 'label', title: '项目', fixed: 'left', width: 210, render: (_, row) => rowLabel(row) },
    { key: 'frequency', title: '频次', width: 80, render: (_, row) => frequencyText(row) },
    ...monthColumns,
    { key: 'held', title: '已开/应开', width: 96, align: 'center', render: (_, row) => `${row.held}/${row.required}` },
  ];
}

const ATTENDANCE_COLUMNS: ColumnsType<AttendanceRate> = [
  { key: 'name', title: '姓名', dataIndex: 'name' },
  { key: 'expected', title: '应参会', dataIndex: 'expected', align: 'right' },
  { key: 'attended', title: '实参会', dataIndex: 'attended', align: 'right' },
  { key: 'rate', title: '参会率', align: 'right', render: (_, r) => `${(r.rate * 100).toFixed(1)}%`, sorter: (a, b) => a.rate - b.rate },
];

/** The 学时 table: the furthest behind first (the fact's order); those short of the yearly requirement marked. */
const STUDY_COLUMNS: ColumnsType<FactTableRow> = [
  { key: 'name', title: '姓名', render: (_, r) => String(r.cells.name) },
  { key: 'role', title: '身份', render: (_, r) => String(r.cells.role) },
  { key: 'hours', title: '已完成学时', align: 'right', render: (_, r) => String(r.cells.hours) },
  { key: 'required', title: '年度要求', align: 'right', render: (_, r) => String(r.cells.required) },
  {
    key: 'shortfall',
    title: '尚差',
    align: 'right',
    render: (_, r) => (Number(r.cells.shortfall) > 0 ? <Tag color="error">差 {String(r.cells.shortfall)} 学时</Tag> : <Tag color="success">已达标</Tag>),
  },
];

function StudyHoursPanel({ rows, year }: { rows: FactTableRow[]; year: number }) {
  const short = rows.filter((r) => Number(r.cells.shortfall) > 0).length;
  return (
    <section className="cal-panel" aria-labelledby="cal-study-title" data-testid="cal-study">
      <h3 id="cal-study-title">党员学习学时</h3>
      <p className="cal-hint">
        {year} 年出席的党课、主题党日等填有学时的已定稿会议合计；党员每年 32 学时，书记和支部委员 56 学时。{rows.length ? `未达标 ${short} 人。` : ''}
      </p>
      <Table<FactTableRow>
        aria-label="党员学习学时"
        size="small"
        rowKey="key"
        columns={STUDY_COLUMNS}
        dataSource={rows}
        rowClassName={(r) => (Number(r.cells.shortfall) > 0 ? 'cal-short' : '')}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <span className="cal-empty">名册中没有在册党员</span> }}
      />
    </section>
  );
}

function GapList({ missing }: { missing: MissingPeriod[] }) {
  if (missing.length === 0) return <p className="cal-empty">期限已过的会议均已召开并定稿。</p>;
  return (
    <ul className="cal-gaps" aria-label="缺开的会议">
      {missing.map((m) => (
        <li key={`${m.kind}:${m.groupId ?? ''}:${m.period}`}>
          <a href={periodHref(m)}>
            {m.kindLabel}
            {m.groupName ? `（${m.groupName}）` : ''} · {m.periodLabel}
          </a>
          {m.draftIds.length ? (
            <span className="cal-cell cal-draft cal-inline">有未定稿记录</span>
          ) : (
            <a className="cal-record" href={routeHref('/meetings', { kind: m.kind, month: m.period, groupId: m.groupId, new: '1' })} aria-label={`补记${m.kindLabel}${m.groupName ? `（${m.groupName}）` : ''}${m.periodLabel}`}>
              补记
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

function periodName(p: MissingPeriod): string {
  return `${p.kindLabel}${p.groupName ? `（${p.groupName}）` : ''} · ${p.periodLabel}`;
}

/** What 首页's 三会一课 count counts, one line each: this month's due meetings, then the year's gaps. */
function DueList({ calendar, onClose }: { calendar: MeetingsCalendar; onClose: () => void }) {
  const due = periodsDueThisMonth(calendar);
  const items = [...due.map((p) => ({ p, late: false })), ...calendar.missing.map((p) => ({ p, late: true }))];
  return (
    <section className="cal-panel cal-due-list" aria-labelledby="cal-due-title" data-testid="cal-due-list">
      <div className="cal-due-head">
        <h3 id="cal-due-title">
          本月应开、本年缺开的会议（{items.length} 次）
        </h3>
        <Button onClick={onClose}>收起</Button>
      </div>
      {items.length === 0 ? (
        <p className="cal-empty">本月应开的会议均已召开，本年没有缺开的会议。</p>
      ) : (
        <ul className="cal-gaps" aria-label="本月应开、本年缺开的会议">
          {items.map(({ p, late }) => (
            <li key={`${p.kind}:${p.groupId ?? ''}:${p.period}`}>
              <a href={periodHref(p)}>{periodName(p)}</a>
              <span className={`cal-cell cal-inline ${p.draftIds.length ? 'cal-draft' : late ? 'cal-missing' : 'cal-due'}`}>
                {p.draftIds.length ? CELL_STATE_LABELS.draft : late ? CELL_STATE_LABELS.missing : CELL_STATE_LABELS.due}，截止 {p.deadline}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type FrequencyForm = Record<string, { frequency: MeetingFrequency; minPerPeriod: number }>;

/** Frequencies as the form holds them: one frequency and count per kind. */
const toForm = (list: readonly KindFrequency[]): FrequencyForm => Object.fromEntries(list.map((f) => [f.kind, { frequency: f.frequency, minPerPeriod: f.minPerPeriod }]));

function FrequencyDialog({ open, frequencies, onClose }: { open: boolean; frequencies: KindFrequency[]; onClose: () => void }) {
  const [form] = Form.useForm<FrequencyForm>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  useEffect(() => {
    if (open) form.setFieldsValue(toForm(frequencies));
  }, [open, frequencies, form]);
  const save = async () => {
    setSaving(true);
    try {
      const values = form.getFieldsValue(true) as FrequencyForm;
      await useCalendarStore.getState().saveFrequencies(frequencies.map((f) => ({ kind: f.kind, ...values[f.kind]! })));
      void message.success('会议频次已保存');
      onClose();
    } catch (e) {
      void message.error(`会议频次保存失败：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormModal<FrequencyForm> open={open} title="会议频次设置" width={560} saving={saving} onCancel={onClose} form={form} name="calendar-frequencies" onFinish={() => void save()} onValuesChange={() => undefined}>
      <p className="cal-hint">按《中国共产党支部工作条例（试行）》，支委会、党小组会、主题党日每月一次，党员大会每季度一次，组织生活会每年至少一次；党课的频次由支部确定，默认每季度一次。次数为 0 表示不作要求。</p>
      {frequencies.map((f) => (
        <div key={f.kind} className="cal-frequency-row">
          <span className="cal-frequency-label" id={`freq-${f.kind}`}>
            {CALENDAR_KIND_LABELS[f.kind]}
          </span>
          <Form.Item name={[f.kind, 'frequency']} style={{ marginBottom: 10 }}>
            <Select<MeetingFrequency> aria-label={`${CALENDAR_KIND_LABELS[f.kind]}频次`} options={(['month', 'quarter', 'year'] as const).map((v) => ({ value: v, label: FREQUENCY_LABELS[v] }))} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={[f.kind, 'minPerPeriod']} style={{ marginBottom: 10 }}>
            <InputNumber aria-label={`${CALENDAR_KIND_LABELS[f.kind]}每期次数`} min={0} max={31} precision={0} suffix="次" style={{ width: 100 }} />
          </Form.Item>
        </div>
      ))}
    </FormModal>
  );
}

function yearOptions(current: number) {
  return Array.from({ length: 8 }, (_, i) => current + 1 - i).map((y) => ({ value: y, label: `${y}年` }));
}

export default function CalendarPage() {
  const { calendar, studyHours, loading, error, year, branchId, busy, exportError, preview } = useCalendarStore();
  const branches = useCommitteeStore((s) => s.branches);
  const route = useRoute();
  const { message } = App.useApp();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const thisYear = new Date().getFullYear();
  const routeYear = Number(route.query.year) || thisYear;
  const routeBranch = route.query.branch ?? null;
  const showDue = route.query.due === 'month' && routeYear === thisYear;

  useEffect(() => void useCommitteeStore.getState().loadBranches(), []);
  useEffect(() => void useCalendarStore.getState().show(routeYear, routeBranch), [routeYear, routeBranch]);

  const columns = useMemo(() => gridColumns(year), [year]);
  const choose = (patch: { year?: number; branch?: string | null }) =>
    navigate(PATH, { year: String(patch.year ?? year), branch: patch.branch === undefined ? branchId : patch.branch, due: route.query.due ?? null }, { replace: true });
  const closeDue = () => navigate(PATH, { ...route.query, due: null }, { replace: true });

  const save = async (kind: 'word' | 'excel') => {
    const file = await useCalendarStore.getState().exportFile(kind);
    if (!file) return;
    downloadBase64(file.data, file.fileName, kind === 'word' ? DOCX_TYPE : XLSX_TYPE);
    void message.success({ content: `台账“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
  };

  const totals = calendar?.rows.reduce((t, r) => ({ held: t.held + r.held, required: t.required + r.required }), { held: 0, required: 0 });
  const talks = calendar?.talks;
  return (
    <>
      <PageTitle
        title="三会一课台账"
        extra={
          <>
            {branchId === null ? (
              <Button size="large" icon={<SettingOutlined aria-hidden="true" />} disabled={!calendar} onClick={() => setSettingsOpen(true)}>
                会议频次
              </Button>
            ) : null}
            <Button size="large" icon={<PrinterOutlined aria-hidden="true" />} loading={busy === 'preview'} disabled={!calendar} onClick={() => void useCalendarStore.getState().openPreview()}>
              打印预览
            </Button>
            <Button size="large" icon={<FileWordOutlined aria-hidden="true" />} loading={busy === 'word'} disabled={!calendar} onClick={() => void save('word')}>
              导出 Word
            </Button>
            <Button size="large" icon={<FileExcelOutlined aria-hidden="true" />} loading={busy === 'excel'} disabled={!calendar} onClick={() => void save('excel')}>
              导出 Excel
            </Button>
          </>
        }
      />
      <div className="cal-toolbar">
        <label className="filter-label" htmlFor="cal-year">
          年度
        </label>
        <Select<number> id="cal-year" value={year} options={yearOptions(thisYear)} onChange={(y) => choose({ year: y })} style={{ width: 120 }} />
        {branches.length > 1 ? (
          <>
            <label className="filter-label" htmlFor="cal-branch">
              支部
            </label>
            <Select<string>
              id="cal-branch"
              value={branchId ?? branches.find((b) => b.isLocal)?.id}
              options={branches.map((b) => ({ value: b.id, label: b.isLocal ? `本支部（${b.name}）` : b.name }))}
              onChange={(id) => choose({ branch: branches.find((b) => b.id === id)?.isLocal ? null : id })}
              style={{ width: 320 }}
              popupMatchSelectWidth={false}
            />
          </>
        ) : null}
        <span className="cal-legend" aria-label="图例">
          {(['held', 'missing', 'draft', 'due', 'notDue'] as const).map((s) => (
            <span key={s} className={`cal-cell cal-${s}`}>
              {CELL_STATE_LABELS[s]}
            </span>
          ))}
        </span>
      </div>
      {error ? <Alert type="error" showIcon role="alert" title={`台账读取失败：${error}`} style={{ marginBottom: 12 }} /> : null}
      {exportError ? <Alert type="error" showIcon role="alert" title={`台账导出失败：${exportError}`} style={{ marginBottom: 12 }} /> : null}
      {!calendar ? (
        <Spin spinning={loading}>
          <div style={{ height: 200 }} />
        </Spin>
      ) : (
        <Spin spinning={loading}>
          {showDue ? <DueList calendar={calendar} onClose={closeDue} /> : null}
          <div className="cal-summary" aria-label="本年汇总">
            <div>
              <span className="cal-figure">
                {totals!.held}/{totals!.required}
              </span>
              已开/应开（期）
            </div>
            <div>
              <span className={`cal-figure${calendar.missing.length ? ' cal-figure-alert' : ''}`}>{calendar.missing.length}</span>缺开（期）
            </div>
            <div>
              <span className="cal-figure">{calendar.due.length}</span>本期待开
            </div>
            <div>
              <span className="cal-figure">{talks ? `${(talks.rate * 100).toFixed(1)}%` : '—'}</span>谈心谈话覆盖率
            </div>
          </div>
          <Table<CalendarRow>
            className="cal-grid"
            aria-label={`${year}年三会一课召开情况`}
            size="small"
            bordered
            rowKey="key"
            columns={columns}
            dataSource={calendar.rows}
            pagination={false}
            scroll={{ x: 1100 }}
          />
          <div className="cal-panels">
            <section className="cal-panel" aria-labelledby="cal-gaps-title">
              <h3 id="cal-gaps-title">缺开的会议（{calendar.missing.length}）</h3>
              <GapList missing={calendar.missing} />
            </section>
            <section className="cal-panel" aria-labelledby="cal-talks-title">
              <h3 id="cal-talks-title">谈心谈话</h3>
              <Progress percent={Math.round(talks!.rate * 1000) / 10} aria-label="谈心谈话覆盖率" />
              <p>
                在册党员 {talks!.total} 人，已谈 {talks!.covered} 人{talks!.notTalked.length ? `，尚未谈话 ${talks!.notTalked.length} 人：` : '，已全部谈到。'}
              </p>
              {/* A region that scrolls (many names) must take the keyboard's focus to be read. */}
              <div className="cal-names" role="region" aria-label="尚未谈话的党员" tabIndex={0}>
                {talks!.notTalked.slice(0, 60).map((m) => (
                  <Tag key={m.memberId}>{m.name}</Tag>
                ))}
                {talks!.notTalked.length > 60 ? <span>等 {talks!.notTalked.length} 人</span> : null}
              </div>
            </section>
            <section className="cal-panel" aria-labelledby="cal-attendance-title">
              <h3 id="cal-attendance-title">党员参会率</h3>
              <Table<AttendanceRate>
                aria-label="党员参会率"
                size="small"
                rowKey="memberId"
                columns={ATTENDANCE_COLUMNS}
                dataSource={calendar.attendance}
                pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
                locale={{ emptyText: <span className="cal-empty">本年度尚无定稿的会议记录</span> }}
              />
            </section>
            <StudyHoursPanel rows={studyHours} year={year} />
          </div>
          <FrequencyDialog open={settingsOpen} frequencies={calendar.frequencies} onClose={() => setSettingsOpen(false)} />
        </Spin>
      )}
      {preview ? <PrintPreview document={preview} onClose={() => useCalendarStore.getState().closePreview()} onExportWord={() => save('word')} exportingWord={busy === 'word'} /> : null}
    </>
  );
}
