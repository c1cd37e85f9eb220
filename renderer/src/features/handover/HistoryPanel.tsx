/** 交接记录: every package exported from or imported into this database, with what it was. */
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Table, Tag, Tooltip } from 'antd';
import { useEffect } from 'react';
import type { HandoverLogEntry } from '../../../../shared/contract/handover';
import { formatTime } from '../../components/dates';
import { useHandoverStore } from './handoverStore';

/** 全部时间, or the period as the export chose it. */
export function periodText(from: string | null, to: string | null): string {
  if (!from && !to) return '全部';
  return `${from ?? '最早'} 至 ${to ?? '今'}`;
}

function countsText(entry: HandoverLogEntry): string {
  return entry.tables
    .filter((t) => t.rows > 0)
    .map((t) => (entry.direction === 'import' ? `${t.label} ${t.rows}（新增 ${t.new ?? 0}，更新 ${t.updated ?? 0}）` : `${t.label} ${t.rows}`))
    .join('；');
}

function EncryptedTag({ value }: { value: boolean | null }) {
  if (value === null) return <span className="muted">未记录</span>;
  return value ? (
    <Tag color="success" icon={<LockOutlined aria-hidden="true" />} style={{ fontSize: 14 }}>已加密</Tag>
  ) : (
    <Tag color="warning" icon={<UnlockOutlined aria-hidden="true" />} style={{ fontSize: 14 }}>未加密</Tag>
  );
}

export function HistoryPanel() {
  const { history, loading: historyLoading, error: historyError } = useHandoverStore();
  useEffect(() => {
    void useHandoverStore.getState().loadHistory();
  }, []);
  return (
    <>
      {historyError ? <Alert type="error" showIcon role="alert" title={historyError} style={{ marginBottom: 12 }} /> : null}
      <Table<HandoverLogEntry>
        aria-label="交接记录"
        rowKey={(r) => `${r.direction}:${r.packageId}:${r.at}`}
        loading={historyLoading && history.length === 0}
        dataSource={history}
        pagination={history.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: '还没有导出或导入过交接包' }}
        size="middle"
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatTime(v) },
          {
            title: '方式',
            dataIndex: 'direction',
            width: 76,
            render: (v: HandoverLogEntry['direction']) =>
              v === 'export' ? <Tag color="blue" style={{ fontSize: 14 }}>导出</Tag> : <Tag color="purple" style={{ fontSize: 14 }}>导入</Tag>,
          },
          {
            title: '文件名',
            dataIndex: 'fileName',
            // Shown whole: names start with the branch and differ only at the end (date, number).
            render: (v: string) => (v ? <span style={{ wordBreak: 'break-all' }}>{v}</span> : <span className="muted">未记录</span>),
          },
          { title: '密码', dataIndex: 'encrypted', width: 104, render: (v: boolean | null) => <EncryptedTag value={v} /> },
          {
            title: '交接人',
            key: 'by',
            render: (_: unknown, r) => (
              <>
                <div>{r.createdBy || <span className="muted">未填写姓名</span>}</div>
                <div className="muted" style={{ fontSize: 13 }}>{r.branchName}</div>
              </>
            ),
          },
          { title: '时间范围', key: 'period', width: 150, render: (_: unknown, r) => periodText(r.periodFrom, r.periodTo) },
          {
            title: '记录数',
            dataIndex: 'totalRows',
            width: 96,
            align: 'right',
            render: (v: number, r) =>
              r.tables.length ? (
                <Tooltip title={countsText(r)}>
                  <span tabIndex={0} aria-label={`共 ${v} 条：${countsText(r)}`}>{v} 条</span>
                </Tooltip>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
