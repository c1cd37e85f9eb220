/** The database failed its check at start-up and was not opened: pick a good backup to restore from. */
import { Alert, App, Button, Result, Table, Tag } from 'antd';
import { useState } from 'react';
import type { RecoveryInfo } from '../../../../shared/contract/operations';
import { api, errorText } from '../../api';
import { formatSize } from '../../components/files';
import { useAppStore } from '../../stores/appStore';

type BackupRow = RecoveryInfo['backups'][number];

const time = (iso: string) => iso.replace('T', ' ').slice(0, 19);

export function RecoveryScreen({ recovery }: { recovery: RecoveryInfo }) {
  const { modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const newestGood = recovery.backups.find((b) => b.ok);

  const restore = (b: BackupRow) =>
    modal.confirm({
      title: `用 ${time(b.createdAt)} 的备份恢复？`,
      content: '损坏的数据文件会改名保留在原来的文件夹中，不会删除。恢复后，这个备份之后录入的内容需要重新录入。',
      okText: '恢复',
      cancelText: '取消',
      onOk: async () => {
        setBusy(b.name);
        setError(null);
        try {
          await api().call('recovery.restore', { name: b.name });
          await useAppStore.getState().start(true);
        } catch (e) {
          setError(errorText(e));
        } finally {
          setBusy(null);
        }
      },
    });

  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>数据文件已损坏，为保护数据没有打开</h1>}
        subTitle={
          <div style={{ fontSize: 16, color: 'rgba(0,0,0,0.8)' }}>
            <p>程序启动时检查了数据文件，发现它已经损坏。为了不让损坏扩大，程序没有打开它，也没有删除它。</p>
            <p>
              {newestGood
                ? `建议用最新的完好备份（${time(newestGood.createdAt)}，${newestGood.reasonLabel}）恢复。`
                : '没有找到完好的备份。请不要删除数据文件，联系技术支持。'}
            </p>
          </div>
        }
        extra={
          newestGood ? (
            <Button type="primary" size="large" loading={busy === newestGood.name} onClick={() => restore(newestGood)}>
              用最新的完好备份恢复
            </Button>
          ) : null
        }
      />
      <details style={{ marginBottom: 16, fontSize: 14 }}>
        <summary>技术详情（可告诉技术支持人员）</summary>
        <p style={{ wordBreak: 'break-all' }}>{recovery.message}</p>
      </details>
      {error ? <Alert type="error" showIcon message="未能恢复" description={error} style={{ marginBottom: 16 }} /> : null}
      <h2 style={{ fontSize: 18 }}>全部备份</h2>
      <Table<BackupRow>
        rowKey="name"
        pagination={false}
        dataSource={recovery.backups}
        columns={[
          { title: '备份时间', dataIndex: 'createdAt', render: (v: string) => time(v) },
          { title: '类型', dataIndex: 'reasonLabel' },
          { title: '大小', dataIndex: 'size', render: (v: number) => formatSize(v) },
          { title: '检查结果', dataIndex: 'ok', render: (ok: boolean) =>
              ok ? (
                <Tag color="success" style={{ fontSize: 15 }}>
                  完好
                </Tag>
              ) : (
                <Tag color="error" style={{ fontSize: 15 }}>
                  有问题
                </Tag>
              ),
          },
          {
            title: '操作',
            key: 'restore',
            render: (_: unknown, b: BackupRow) => (
              <Button disabled={!b.ok} loading={busy === b.name} onClick={() => restore(b)} aria-label={`用 ${time(b.createdAt)} 的备份恢复`}>
                恢复
              </Button>
            ),
          },
        ]}
      />
    </main>
  );
}
