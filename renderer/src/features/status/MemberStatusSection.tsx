/** In the member detail: the 党籍变动 buttons (only the changes the member's state allows) and the 党籍变动记录. */
import { Alert, Button, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { Member } from '../../../../shared/domain/member';
import type { MemberEventRecord } from '../../../../shared/domain/memberEvents';
import { errorText } from '../../api';
import { useStatusStore } from './statusStore';
import { allowedKinds, KIND_INFO } from './statusModel';
import { StatusChangeDialog } from './StatusChangeDialog';
import './status.css';

const KIND_NAMES: Record<string, string> = { 转入: '组织关系转入', 转出: '组织关系转出' };

/** What else the record says: the other organisation, the months, the meeting. */
function details(e: MemberEventRecord): string {
  const parts: string[] = [];
  if (e.kind === '转出' && e.counterpart) parts.push(`转往：${e.counterpart}`);
  if (e.kind === '转入' && e.counterpart) parts.push(`转自：${e.counterpart}`);
  if (e.months) parts.push(`延长 ${e.months} 个月`);
  if (e.meetingDate) parts.push(`支部大会 ${e.meetingDate}`);
  if (e.reason) parts.push(e.reason);
  return parts.join('；') || '—';
}

export function MemberStatusSection({ member }: { member: Member }) {
  const events = useStatusStore((s) => (s.memberId === member.id ? s.events : []));
  const openDialog = useStatusStore((s) => s.openDialog);
  const [error, setError] = useState<string | null>(null);
  const kinds = allowedKinds(member);

  useEffect(() => {
    setError(null);
    useStatusStore.getState().loadEvents(member.id).catch((e: unknown) => setError(errorText(e)));
  }, [member.id, member.updatedAt]);

  return (
    <section aria-labelledby="status-section-title" style={{ marginTop: 24 }}>
      <h3 className="form-section-title" id="status-section-title">
        党籍变动
      </h3>
      {kinds.length ? (
        <Space wrap size={[8, 8]} style={{ marginBottom: 12 }} role="group" aria-label="办理党籍变动">
          {kinds.map((k) => (
            <Button key={k} onClick={() => openDialog(k, member)} danger={k === '出党'}>
              {KIND_INFO[k].action}
            </Button>
          ))}
        </Space>
      ) : (
        <p className="muted" style={{ fontSize: 16 }}>
          该党员党籍状态为“{member.status}”，已不在册，不能再办理党籍变动。
        </p>
      )}
      {error ? <Alert type="error" showIcon title={`变动记录读取失败：${error}`} role="alert" style={{ marginBottom: 8 }} /> : null}
      <h4 className="status-list-title">党籍变动记录</h4>
      <Table<MemberEventRecord>
        aria-label="党籍变动记录"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={events}
        locale={{ emptyText: <span className="muted">暂无党籍变动记录</span> }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 116 },
          {
            title: '变动类型',
            dataIndex: 'kind',
            width: 140,
            render: (k: string, e) => (
              <strong>
                {KIND_NAMES[k] ?? k}
                {e.subtype ? `（${e.subtype}）` : ''}
              </strong>
            ),
          },
          { title: '文号', dataIndex: 'docNumber', width: 150, render: (v: string) => v || '—' },
          { title: '原因及说明', key: 'details', render: (_, e) => details(e) },
        ]}
      />
      <StatusChangeDialog />
    </section>
  );
}
