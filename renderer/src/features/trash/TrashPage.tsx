/** 回收站: deleted records, restorable. */
import { UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { TrashItem } from '../../../../shared/contract/operations';
import { errorText } from '../../api';
import { formatTime } from '../../components/dates';
import { PageTitle } from '../../components/PageTitle';
import { useTrashStore } from './trashStore';

export function TrashPage() {
  const { items, loading, error } = useTrashStore();
  const restore = useTrashStore((s) => s.restore);
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    void useTrashStore.getState().load();
  }, []);

  const onRestore = async (item: TrashItem) => {
    setBusy(item.id);
    try {
      await restore(item);
      message.success(`已恢复${item.tableLabel}“${item.label}”`);
    } catch (e) {
      modal.error({ title: '无法恢复', content: errorText(e), okText: '知道了' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle title="回收站" />
      <p className="muted" style={{ marginTop: -8 }}>
        删除的党员和党小组会先放在这里，点“恢复”即可放回原处。
      </p>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Table<TrashItem>
        aria-label="回收站"
        rowKey={(r) => `${r.table}:${r.id}`}
        loading={loading && items.length === 0}
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: '回收站是空的' }}
        columns={[
          { title: '类型', dataIndex: 'tableLabel', width: 120 },
          { title: '名称', dataIndex: 'label' },
          { title: '删除时间', dataIndex: 'deletedAt', width: 200, render: (v: string) => formatTime(v) },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_, r) => (
              <Button icon={<UndoOutlined aria-hidden="true" />} loading={busy === r.id} onClick={() => void onRestore(r)} aria-label={`恢复${r.label}`}>
                恢复
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default TrashPage;
