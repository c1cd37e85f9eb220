/** In the member detail: the member's 民主评议 grades across the years, and the handling of a 不合格. */
import { Alert, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/contract/appraisal';
import { api, errorText } from '../../api';

const GRADE_COLORS: Record<string, string> = { 优秀: 'green', 合格: 'blue', 基本合格: 'orange', 不合格: 'red' };

function gradeCell(h: HistoryEntry) {
  if (h.excluded) return `未参加（${h.exclusionReason}）`;
  if (!h.graded) return '预备党员，参加评议不评定等次';
  return h.grade ? <Tag color={GRADE_COLORS[h.grade]}>{h.grade}</Tag> : '尚未评定';
}

function followUpCell(h: HistoryEntry): string {
  const f = h.followUp;
  if (!f) return '—';
  return `${f.kind}${f.deadline ? `，期限至 ${f.deadline}` : ''}（${f.state}）`;
}

export function MemberAppraisalSection({ memberId, updatedAt }: { memberId: string; updatedAt: string }) {
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api()
      .call('appraisal.history', { memberId })
      .then((rows) => current && setHistory(rows))
      .catch((e: unknown) => current && setError(errorText(e)));
    return () => {
      current = false;
    };
  }, [memberId, updatedAt]);

  return (
    <section aria-labelledby="appraisal-section-title" style={{ marginTop: 24 }}>
      <h3 className="form-section-title" id="appraisal-section-title">
        民主评议
      </h3>
      {error ? <Alert type="error" showIcon title={`民主评议记录读取失败：${error}`} role="alert" style={{ marginBottom: 8 }} /> : null}
      <Table<HistoryEntry>
        aria-label="历年民主评议等次"
        size="small"
        rowKey="campaignId"
        pagination={false}
        dataSource={history}
        locale={{ emptyText: <span className="muted">暂无民主评议记录</span> }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => `${y}年度` },
          { title: '评定等次', key: 'grade', width: 260, render: (_: unknown, h) => gradeCell(h) },
          { title: '不合格处置', key: 'followUp', render: (_: unknown, h) => followUpCell(h) },
        ]}
      />
    </section>
  );
}
