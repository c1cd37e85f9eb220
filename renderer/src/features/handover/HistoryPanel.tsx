/** 交接记录: every package exported from or imported into this database. */
import { Alert, Table, Tag } from 'antd';
import { useEffect } from 'react';
import type { HandoverLogEntry } from '../../../../shared/contract/handover';
import { formatTime } from '../../components/dates';
import { useHandoverStore } from './handoverStore';

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
        style={{ maxWidth: 1000 }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 190, render: (v: string) => formatTime(v) },
          {
            title: '方式',
            dataIndex: 'direction',
            width: 100,
            render: (v: HandoverLogEntry['direction']) =>
              v === 'export' ? <Tag color="blue" style={{ fontSize: 14 }}>导出</Tag> : <Tag color="success" style={{ fontSize: 14 }}>导入</Tag>,
          },
          { title: '支部', dataIndex: 'branchName' },
          { title: '交接包生成时间', dataIndex: 'packageCreatedAt', width: 190, render: (v: string) => formatTime(v) },
        ]}
      />
    </>
  );
}
