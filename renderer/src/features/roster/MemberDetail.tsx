/** The member detail: every field, 修改, 删除 (to the recycle bin), 党籍变动, 民主评议 and 变更记录. */
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { ChangeEntry } from '../../../../shared/contract/operations';
import { educationLabel, jobCategoryLabel } from '../../../../shared/domain/codes';
import { maskIdNumber } from '../../../../shared/domain/idNumber';
import { probationEnd } from '../../../../shared/domain/member';
import { errorText } from '../../api';
import { DetailDrawer, useConfirmDelete } from '../../components/DetailDrawer';
import { useReturnFocus } from '../../components/useReturnFocus';
import { formatDate, formatTime } from '../../components/dates';
import { useMemberStore } from './memberStore';
import { MemberStatusSection } from '../status/MemberStatusSection';
import { MemberAppraisalSection } from '../appraisal/MemberAppraisalSection';

const ACTIONS: Record<string, string> = { insert: '新建', update: '修改', delete: '删除', restore: '恢复', import: '导入', conflict: '冲突' };

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

export function MemberDetail() {
  const detailId = useMemberStore((s) => s.detailId);
  const member = useMemberStore((s) => s.detail);
  const history = useMemberStore((s) => s.history);
  const close = useMemberStore((s) => s.closeDetail);
  const openEdit = useMemberStore((s) => s.openEdit);
  const remove = useMemberStore((s) => s.remove);
  const askDelete = useConfirmDelete();
  const returnFocus = useReturnFocus(!!detailId);
  const [showId, setShowId] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setShowId(false);
    setError(null);
    if (detailId) useMemberStore.getState().reloadDetail().catch((e: unknown) => setError(errorText(e)));
  }, [detailId]);

  const confirmDelete = () => {
    if (!member) return;
    askDelete({
      title: `删除党员“${member.name}”？`,
      content: '删除后这名党员会移到回收站，不再出现在名册中；需要时可以在“回收站”中恢复。',
      remove: () => remove(member.id),
      done: `已把“${member.name}”移到回收站`,
    });
  };

  const end = member ? probationEnd(member) : null;

  return (
    <DetailDrawer
      open={!!detailId}
      title={member ? `党员详情：${member.name}` : '党员详情'}
      size={820}
      onClose={close}
      afterOpenChange={returnFocus}
      error={error}
      loaded={!!member}
      onEdit={() => member && openEdit(member)}
      editPrimary
      onDelete={confirmDelete}
    >
      {member ? (
        <>
          <Descriptions bordered size="small" column={2} title={<h3 className="form-section-title">基本信息</h3>} styles={{ label: { width: 130 } }}>
            <Descriptions.Item label="姓名">{member.name}</Descriptions.Item>
            <Descriptions.Item label="性别">{member.gender}</Descriptions.Item>
            <Descriptions.Item label="身份证号" span={2}>
              <Space>
                <span style={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="detail-id">
                  {showId ? member.idNumber : maskIdNumber(member.idNumber)}
                </span>
                <Button
                  size="small"
                  icon={showId ? <EyeInvisibleOutlined aria-hidden="true" /> : <EyeOutlined aria-hidden="true" />}
                  onClick={() => setShowId((v) => !v)}
                  aria-pressed={showId}
                >
                  {showId ? '隐藏' : '显示'}
                </Button>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="出生日期">{member.birthDate}</Descriptions.Item>
            <Descriptions.Item label="民族">{member.ethnicity}</Descriptions.Item>
            <Descriptions.Item label="学历">{educationLabel(member.education)}</Descriptions.Item>
            <Descriptions.Item label="籍贯">{member.nativePlace || '—'}</Descriptions.Item>
          </Descriptions>
          <Descriptions bordered size="small" column={2} title={<h3 className="form-section-title">党员信息</h3>} style={{ marginTop: 16 }} styles={{ label: { width: 130 } }}>
            <Descriptions.Item label="人员类别">
              {member.category}
              {end ? <Tag style={{ marginLeft: 8, fontSize: 14 }}>预备期满 {end}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label="党籍状态">{member.status}</Descriptions.Item>
            <Descriptions.Item label="申请入党日期">{formatDate(member.applicationDate)}</Descriptions.Item>
            <Descriptions.Item label="入党日期">{member.joinDate}</Descriptions.Item>
            <Descriptions.Item label="转正日期">{formatDate(member.fullDate)}</Descriptions.Item>
            <Descriptions.Item label="党小组">{member.partyGroup ?? '未分组'}</Descriptions.Item>
            <Descriptions.Item label="党内职务">{member.partyPost || '—'}</Descriptions.Item>
            <Descriptions.Item label="是否失联党员">{member.lostContact ? `是（${member.lostContactDate ?? ''} 起）` : '否'}</Descriptions.Item>
            <Descriptions.Item label="是否流动党员" span={2}>{member.mobileMember ? `是，外出流向：${member.mobileDestination}` : '否'}</Descriptions.Item>
          </Descriptions>
          <Descriptions bordered size="small" column={2} title={<h3 className="form-section-title">工作与联系</h3>} style={{ marginTop: 16 }} styles={{ label: { width: 130 } }}>
            <Descriptions.Item label="工作岗位">{member.jobCategory ? jobCategoryLabel(member.jobCategory) : '—'}</Descriptions.Item>
            <Descriptions.Item label="工作单位">{member.workUnit || '—'}</Descriptions.Item>
            <Descriptions.Item label="岗位/职务">{member.post || '—'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{member.phone || '—'}</Descriptions.Item>
            <Descriptions.Item label="固定电话">{member.landline || '—'}</Descriptions.Item>
            <Descriptions.Item label="家庭住址">{member.address || '—'}</Descriptions.Item>
            <Descriptions.Item label="备注" span={2}>{member.remark || '—'}</Descriptions.Item>
          </Descriptions>
          <MemberStatusSection member={member} />
          <MemberAppraisalSection memberId={member.id} updatedAt={member.updatedAt} />
          <h3 className="form-section-title" style={{ marginTop: 24 }}>变更记录</h3>
          <Table<ChangeEntry>
            aria-label="变更记录"
            size="small"
            rowKey="seq"
            pagination={history.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={history}
            locale={{ emptyText: '暂无变更记录' }}
            columns={[
              { title: '时间', dataIndex: 'changedAt', width: 160, render: (v: string) => formatTime(v) },
              { title: '操作', dataIndex: 'action', width: 70, render: (v: ChangeEntry['action']) => ACTIONS[v] ?? v },
              {
                title: '内容',
                dataIndex: 'changes',
                render: (changes: ChangeEntry['changes'], r) =>
                  r.action === 'insert' ? (
                    <span>新建党员记录（{changes.length} 项）</span>
                  ) : changes.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="history-change">
                      {changes.map((c) => (
                        <li key={c.field}>
                          <strong>{c.label}</strong>：{show(c.before)} → {show(c.after)}
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </DetailDrawer>
  );
}
