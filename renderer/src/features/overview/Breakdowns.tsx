/**
 * 党员队伍基本情况 on 首页: each breakdown a small table with an inline bar per band, and the party groups a
 * sortable table, so many groups take rows rather than a tall chart. Every count links to the roster rows it counts.
 */
import { ConfigProvider, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatShare } from './share';

/** One band of a breakdown: its count and the list it opens (none when no roster filter shows exactly its rows). */
export interface Band {
  key: string;
  label: string;
  value: number;
  href?: string;
}

/** A count that opens the list it counts. */
export function CountLink({ href, value, what, unit = '人' }: { href: string | undefined; value: number; what: string; unit?: string }) {
  if (!href) return <>{value}</>;
  return (
    <a href={href} className="count-link" aria-label={`${what} ${value} ${unit}，查看名单`}>
      {value}
    </a>
  );
}

/** The band's count as a bar, as long as its part of the largest band: for the eye only (the number is beside it). */
function InlineBar({ value, max }: { value: number; max: number }) {
  return (
    <span className="inline-bar" aria-hidden="true">
      <span style={{ width: `${max ? (value / max) * 100 : 0}%` }} />
    </span>
  );
}

function CountCell({ band, max, what }: { band: Band; max: number; what: string }) {
  return (
    <span className="count-cell">
      <InlineBar value={band.value} max={max} />
      <span className="count-number">
        <CountLink href={band.href} value={band.value} what={what} />
      </span>
    </span>
  );
}

const largest = (bands: readonly Band[]) => Math.max(0, ...bands.map((b) => b.value));

export function BreakdownCard({ id, title, bands, total }: { id: string; title: string; bands: readonly Band[]; total: number }) {
  const max = largest(bands);
  return (
    <section className="overview-card breakdown" aria-labelledby={`${id}-title`} data-testid={`breakdown-${id}`}>
      <h3 id={`${id}-title`}>按{title}</h3>
      <table className="breakdown-table">
        <caption className="sr-only">按{title}的党员人数和占比</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">人数</th>
            <th scope="col">占比</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              <td>
                <CountCell band={b} max={max} what={`${title}${b.label}`} />
              </td>
              <td className="share">{formatShare(b.value, total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const byName = (a: Band, b: Band) => a.label.localeCompare(b.label, 'zh-CN');
const byCount = (a: Band, b: Band) => a.value - b.value;

const COMPACT_ROWS = { components: { Table: { cellPaddingBlockSM: 3 } } };
/** Many groups scroll inside the table (header fixed) rather than make the page long. */
const SCROLL_AFTER = 16;
const SCROLL_HEIGHT = 480;

/** The party groups: sortable by name or size, each count opening the group's members. */
export function GroupTable({ bands, total }: { bands: readonly Band[]; total: number }) {
  const max = largest(bands);
  const columns: ColumnsType<Band> = [
    { title: '党小组', dataIndex: 'label', key: 'label', sorter: byName, ellipsis: { showTitle: true } },
    {
      title: '人数',
      key: 'value',
      sorter: byCount,
      sortDirections: ['descend', 'ascend'],
      width: 180,
      render: (_, b) => <CountCell band={b} max={max} what={`党小组${b.label}`} />,
    },
    { title: '占比', key: 'share', sorter: byCount, sortDirections: ['descend', 'ascend'], width: 96, align: 'right', render: (_, b) => formatShare(b.value, total) },
  ];
  return (
    <section className="overview-card breakdown breakdown-groups" aria-labelledby="groups-title" data-testid="breakdown-groups">
      <h3 id="groups-title">
        按党小组<span className="muted breakdown-note">（{bands.length} 个，点表头排序）</span>
      </h3>
      <ConfigProvider theme={COMPACT_ROWS}>
        <Table<Band>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={bands as Band[]}
          pagination={false}
          showSorterTooltip={false}
          scroll={bands.length > SCROLL_AFTER ? { y: SCROLL_HEIGHT } : undefined}
          aria-label="按党小组的党员人数和占比"
        />
      </ConfigProvider>
    </section>
  );
}
