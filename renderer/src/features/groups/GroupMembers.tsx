/** One party group's members in a drawer: the 组长 marked; members picked and 调整到 another group in one action. */
import { SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Select, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberRow } from '../../../../shared/domain/member';
import { errorText } from '../../api';
import { closeButton } from '../../components/overlay';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useGroupsStore } from './groupsStore';

export function GroupMembersDrawer() {
  const { openId, members, membersError, groups } = useGroupsStore();
  const closeMembers = useGroupsStore((s) => s.closeMembers);
  const moveMembers = useGroupsStore((s) => s.moveMembers);
  const { message, modal } = App.useApp();
  const [picked, setPicked] = useState<string[]>([]);
  const [target, setTarget] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const group = groups.find((g) => g.id === openId) ?? null;
  const returnFocus = useReturnFocus(!!openId, '#groups-new');

  useEffect(() => {
    setPicked([]);
    setTarget(null);
  }, [openId]);

  // The 组长 first, then by name (as main sorts them).
  const rows = members ? [...members].sort((a, b) => Number(b.id === group?.leaderMemberId) - Number(a.id === group?.leaderMemberId)) : [];
  const others = groups.filter((g) => g.id !== openId);
  const move = async () => {
    if (!target || !picked.length) return;
    const to = groups.find((g) => g.id === target)!;
    setMoving(true);
    try {
      const r = await moveMembers(picked, target);
      setPicked([]);
      message.success(`已将 ${r.moved} 名党员调整到“${to.name}”`);
      for (const c of r.leaderCleared) {
        modal.info({ title: `“${c.groupName}”的组长需要重新指定`, content: `${c.leaderName}原为该组组长，已调整到“${to.name}”，该组组长现为未指定。`, okText: '知道了' });
      }
    } catch (e) {
      modal.error({ title: '调整失败', content: errorText(e), okText: '知道了' });
    } finally {
      setMoving(false);
    }
  };

  return (
    <Drawer
      open={!!openId}
      title={group ? `党小组：${group.name}` : '党小组'}
      size={760}
      onClose={closeMembers}
      afterOpenChange={returnFocus}
      closable={closeButton}
      destroyOnHidden
    >
      {membersError ? <Alert type="error" showIcon role="alert" title={`读取失败：${membersError}`} /> : null}
      {group ? (
        <p className="group-summary">
          组长：{group.leaderName ?? <span className="muted">未指定</span>}　·　共 {group.memberCount} 人
        </p>
      ) : null}
      {!members && !membersError ? <Spin /> : null}
      {members ? (
        <>
          <div className="group-move-bar" role="group" aria-label="调整党小组">
            <span className="group-picked" aria-live="polite">
              已选 {picked.length} 人
            </span>
            <label htmlFor="group-move-target">调整到</label>
            <Select
              id="group-move-target"
              style={{ width: 240 }}
              value={target}
              onChange={setTarget}
              placeholder="选择党小组"
              options={others.map((g) => ({ value: g.id, label: g.name }))}
              notFoundContent="没有其他党小组"
            />
            <Button type="primary" icon={<SwapOutlined aria-hidden="true" />} disabled={!picked.length || !target} loading={moving} onClick={() => void move()}>
              调整
            </Button>
          </div>
          <Table<MemberRow>
            aria-label={`${group?.name ?? ''}的党员`}
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: '这个党小组还没有党员' }}
            rowSelection={{
              selectedRowKeys: picked,
              onChange: (keys) => setPicked(keys as string[]),
              columnTitle: (all) => <span title="全选">{all}</span>,
              getCheckboxProps: (r) => ({ 'aria-label': `选择${r.name}` }) as object,
            }}
            columns={[
              {
                title: '姓名',
                dataIndex: 'name',
                render: (name: string, r) => (
                  <>
                    {name}
                    {r.id === group?.leaderMemberId ? (
                      <Tag color="red" className="group-leader-tag">
                        组长
                      </Tag>
                    ) : null}
                  </>
                ),
              },
              { title: '性别', dataIndex: 'gender', width: 70 },
              { title: '党员类别', dataIndex: 'category', width: 110 },
              { title: '岗位/职务', dataIndex: 'post', render: (v: string) => v || <span className="muted">—</span> },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
