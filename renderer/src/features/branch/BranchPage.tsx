/** 支部信息: view and edit the branch profile. */
import { Button, Card, Descriptions, Empty, Table } from 'antd';
import { useState } from 'react';
import { useAppStore } from '../../stores/appStore';
import { PageTitle } from '../../components/PageTitle';
import { BranchForm } from './BranchForm';

export function BranchPage() {
  const branch = useAppStore((s) => s.branch);
  const [editing, setEditing] = useState(false);

  if (editing)
    return (
      <>
        <PageTitle title="修改支部信息" />
        <Card>
          <BranchForm branch={branch} submitText="保存" onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </Card>
      </>
    );

  return (
    <>
      <PageTitle
        title="支部信息"
        extra={
          <Button type="primary" onClick={() => setEditing(true)}>
            修改支部信息
          </Button>
        }
      />
      {branch ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions bordered column={{ xs: 1, md: 2 }} styles={{ label: { width: 140 } }}>
              <Descriptions.Item label="支部名称" span={2}>{branch.name}</Descriptions.Item>
              <Descriptions.Item label="所属党委">{branch.parentCommittee || '—'}</Descriptions.Item>
              <Descriptions.Item label="成立时间">{branch.foundedDate || '—'}</Descriptions.Item>
              <Descriptions.Item label="地址" span={2}>{branch.address || '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={<h3 style={{ margin: 0, fontSize: 18 }}>支部委员</h3>}>
            <Table
              rowKey={(_, i) => String(i)}
              pagination={false}
              dataSource={branch.officers}
              locale={{ emptyText: '尚未填写支部委员' }}
              columns={[
                { title: '姓名', dataIndex: 'name', width: 160 },
                { title: '职务', dataIndex: 'role', width: 140 },
                { title: '分工', dataIndex: 'duties', render: (v: string) => v || '—' },
              ]}
            />
          </Card>
        </>
      ) : (
        <Empty description="尚未建立支部信息" />
      )}
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default BranchPage;
