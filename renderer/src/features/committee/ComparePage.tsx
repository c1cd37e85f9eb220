/**
 * 支部对比: the branches this database holds, side by side. One table per figure group from the server
 * (党员人数, 年龄, 学历, and whatever later capabilities register), rows = branches, the local one marked,
 * so each fits the screen with a clear heading instead of one table scrolled sideways.
 */
import { Alert, Spin, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import type { BranchFigures } from '../../../../shared/contract/operations';
import { PageTitle } from '../../components/PageTitle';
import { useCommitteeStore } from './committeeStore';
import './committee.css';

type Row = BranchFigures['branches'][number];
type Group = BranchFigures['groups'][number];

const colWidth = (label: string) => Math.max(90, label.length * 17 + 36);

function GroupTable({ group, rows }: { group: Group; rows: Row[] }) {
  const headingId = `compare-${group.key}`;
  const columns: ColumnsType<Row> = [
    {
      title: '支部',
      dataIndex: 'name',
      key: 'name',
      width: 320,
      render: (v: string, r) => (
        <span>
          <strong>{v}</strong>
          {r.isLocal ? (
            <Tag color="red" style={{ marginInlineStart: 8, fontSize: 14 }}>
              本支部
            </Tag>
          ) : null}
        </span>
      ),
    },
    ...group.columns.map((c) => ({
      title: c.label,
      key: c.key,
      width: colWidth(c.label),
      align: 'right' as const,
      render: (_: unknown, r: Row) => r.figures[group.key]?.[c.key] ?? 0,
    })),
  ];
  const width = 320 + group.columns.reduce((s, c) => s + colWidth(c.label), 0);
  return (
    <section aria-labelledby={headingId} style={{ marginBottom: 24 }}>
      <h3 id={headingId} className="form-section-title">
        {group.label}
      </h3>
      <div className="compare-scroll" style={{ maxWidth: width + 2 }}>
        <Table<Row>
          aria-labelledby={headingId}
          className="compare-table"
          rowKey="id"
          bordered
          size="middle"
          dataSource={rows}
          columns={columns}
          pagination={false}
          tableLayout="fixed"
          summary={(data) =>
            data.length > 1 ? (
              <Table.Summary.Row className="compare-total">
                <Table.Summary.Cell index={0}>
                  <strong>各支部合计</strong>
                </Table.Summary.Cell>
                {group.columns.map((c, i) => (
                  <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                    <strong>{data.reduce((s, r) => s + (r.figures[group.key]?.[c.key] ?? 0), 0)}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </div>
    </section>
  );
}

export function ComparePage() {
  const { figures, branches, loading, error } = useCommitteeStore();

  useEffect(() => {
    void useCommitteeStore.getState().loadFigures();
  }, []);

  // Local branch first, then the imported ones in the order the server lists them.
  const order = new Map(branches.map((b, i) => [b.id, i]));
  const rows: Row[] = [...(figures?.branches ?? [])].sort(
    (a, b) => Number(b.isLocal) - Number(a.isLocal) || (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999),
  );

  return (
    <>
      <PageTitle title="支部对比" />
      <p className="muted" style={{ marginTop: -8, maxWidth: 960 }}>
        本机保存了 {rows.length} 个支部的数据：本支部和从交接包导入的其他支部，各支部的数据分别保存，互不覆盖。下面按在册党员逐个支部列出人数、年龄和学历。
      </p>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      {loading && !figures ? <Spin /> : null}
      {figures?.groups.map((g) => <GroupTable key={g.key} group={g} rows={rows} />)}
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default ComparePage;
