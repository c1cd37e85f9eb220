/**
 * 首页: the branch at a glance — counts with charts and tables, this year's changes, probation reminders, the
 * development pipeline. Every figure is a fact (overviewStore), and a count links to the records its source names.
 */
import { FileWordOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import type { FactData, FactTableRow, FactValue } from '../../../../shared/domain/facts';
import { barOption, Chart, CHART_COLORS, pieOption, type ChartDatum } from '../../components/Chart';
import { PageTitle } from '../../components/PageTitle';
import { openScreen, screenHref } from '../../app/screens';
import { useAppStore } from '../../stores/appStore';
import { TODAY_FACTS, useOverviewStore, YEAR_FACTS } from './overviewStore';
import { sourceHref } from './sourceLinks';
import { DOCX_TYPE, downloadBase64 } from '../../components/files';
import { PrintPreview } from '../../components/print/PrintPreview';
import './overview.css';

/** A share in one format everywhere: one decimal (3.0%, 3.7%, 0.0%). */
function share(n: number, total: number): string {
  return total ? `${((n / total) * 100).toFixed(1)}%` : '—';
}

/** A count that opens the list it counts. */
function CountLink({ href, value, what }: { href: string | undefined; value: number; what: string }) {
  if (!href) return <>{value}</>;
  return (
    <a href={href} className="count-link" aria-label={`${what} ${value} 人，查看名单`}>
      {value}
    </a>
  );
}

/** The figures of one chart as a table: what a screen reader reads, and what a careful reader checks. */
function FiguresTable({ title, data, total }: { title: string; data: readonly LinkedDatum[]; total: number }) {
  return (
    <table className="figures-table">
      <caption className="sr-only">{title}人数</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col">人数</th>
          <th scope="col">占比</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.label}>
            <th scope="row">{d.label}</th>
            <td>
              <CountLink href={d.href} value={d.value} what={`${title}${d.label}`} />
            </td>
            <td>{share(d.value, total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChartCard({
  id,
  title,
  data,
  total,
  kind,
  color,
}: {
  id: string;
  title: string;
  data: readonly LinkedDatum[];
  total: number;
  kind: 'pie' | 'bar';
  color?: string;
}) {
  const option = useMemo(() => (kind === 'pie' ? pieOption(data) : barOption(data, color)), [kind, data, color]);
  const height = kind === 'pie' ? 230 : Math.max(200, data.length * 44 + 24);
  const words = data.map((d) => `${d.label} ${d.value} 人`).join('，');
  return (
    <section className={`overview-card chart-card chart-${kind}`} aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h3 id={`${id}-title`}>按{title}</h3>
      <div className="chart-card-body">
        <Chart option={option} label={`${title}图：${words}`} height={height} />
        <FiguresTable title={title} data={data} total={total} />
      </div>
    </section>
  );
}

type LinkedDatum = ChartDatum & { href?: string };
type Facts = Record<string, FactValue>;
type Data<K extends FactData['kind']> = Extract<FactData, { kind: K }>;

/** The data of a fact read, if it is of the kind the page expects. */
function dataOf<K extends FactData['kind']>(facts: Facts, key: string, kind: K): Data<K> | null {
  const data = facts[key]?.data;
  return data && data.kind === kind ? (data as Data<K>) : null;
}

function figureOf(facts: Facts, key: string): { value: number; href?: string } {
  const data = dataOf(facts, key, 'figure');
  if (!data) return { value: 0 };
  const href = sourceHref(data.source);
  return { value: data.value, ...(href ? { href } : {}) };
}

/** A series fact's points as chart data, each linked to its source; `relabel` shortens a label by the point's key. */
function seriesOf(facts: Facts, key: string, relabel: Record<string, string> = {}): LinkedDatum[] {
  return (dataOf(facts, key, 'series')?.points ?? []).map((p) => {
    const href = sourceHref(p.source);
    return { label: relabel[p.key] ?? p.label, value: p.value, ...(href ? { href } : {}) };
  });
}

function pointOf(facts: Facts, key: string, pointKey: string): { value: number; href?: string } {
  const point = dataOf(facts, key, 'series')?.points.find((p) => p.key === pointKey);
  if (!point) return { value: 0 };
  const href = sourceHref(point.source);
  return { value: point.value, ...(href ? { href } : {}) };
}

function chartsOf(facts: Facts) {
  const charts: Record<'category' | 'gender' | 'ethnicity' | 'education' | 'age' | 'standing' | 'groups', LinkedDatum[]> = {
    category: seriesOf(facts, TODAY_FACTS.category),
    gender: seriesOf(facts, TODAY_FACTS.gender),
    ethnicity: seriesOf(facts, TODAY_FACTS.ethnicity),
    education: seriesOf(facts, TODAY_FACTS.education),
    age: seriesOf(facts, TODAY_FACTS.age),
    // 预备党员（未计党龄） is too long for the bar chart's axis.
    standing: seriesOf(facts, TODAY_FACTS.standing, { probationary: '预备党员' }),
    groups: seriesOf(facts, TODAY_FACTS.groups),
  };
  return charts;
}

/** A probationer due for 转正, as the reminder facts' rows give them. */
interface ProbationEntry {
  memberId: string;
  name: string;
  partyGroup: string | null;
  joinDate: string;
  probationEnd: string;
  daysLeft: number;
}

function probationOf(facts: Facts, key: string): ProbationEntry[] {
  return (dataOf(facts, key, 'table')?.rows ?? []).map((r: FactTableRow) => ({
    memberId: r.source.ids?.[0] ?? r.key,
    name: String(r.cells.name ?? ''),
    partyGroup: r.cells.partyGroup === null || r.cells.partyGroup === undefined ? null : String(r.cells.partyGroup),
    joinDate: String(r.cells.joinDate ?? ''),
    probationEnd: String(r.cells.probationEnd ?? ''),
    daysLeft: Number(r.cells.daysLeft ?? 0),
  }));
}

/** This year's changes: one compact row of figures, each linked where its source has a filter. */
function YearFigures({ facts }: { facts: Facts }) {
  const period = facts[YEAR_FACTS[0].key]?.period;
  const span = period?.kind === 'range' ? `（${period.from}至${period.to}）` : '';
  return (
    <section className="overview-card overview-year" aria-labelledby="year-title" data-testid="year-figures">
      <h3 id="year-title">
        本年度<span className="year-span">{span}</span>
      </h3>
      <ul>
        {YEAR_FACTS.map((f) => {
          const { value, href } = figureOf(facts, f.key);
          return (
            <li key={f.key} title={facts[f.key]?.title} data-testid={`year-${f.key}`}>
              <span className="year-label">{f.label}</span>
              <span className="year-value">
                <CountLink href={href} value={value} what={`本年度${f.label}`} />
              </span>{' '}
              人
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ProbationList({ title, entries, overdue, empty }: { title: string; entries: ProbationEntry[]; overdue: boolean; empty: string }) {
  return (
    <div className="probation-block">
      <h4>
        {title}
        <span className={overdue && entries.length ? 'probation-count overdue' : 'probation-count'}>{entries.length} 人</span>
      </h4>
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="probation-table">
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">党小组</th>
              <th scope="col">入党日期</th>
              <th scope="col">预备期满</th>
              <th scope="col">{overdue ? '已超过' : '还有'}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.memberId}>
                <th scope="row">
                  <a href={screenHref('roster', { member: e.memberId })} aria-label={`${e.name}，查看详情`}>
                    {e.name}
                  </a>
                </th>
                <td>{e.partyGroup ?? '未分组'}</td>
                <td>{e.joinDate}</td>
                <td>{e.probationEnd}</td>
                <td className={overdue ? 'days overdue' : 'days'}>
                  {overdue ? `${Math.abs(e.daysLeft)} 天` : e.daysLeft === 0 ? '今天期满' : `${e.daysLeft} 天`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Pipeline({ stages: all }: { stages: LinkedDatum[] }) {
  const stages = all.filter((p) => p.label !== '已终止');
  const ended = all.find((p) => p.label === '已终止');
  return (
    <section className="overview-card" aria-labelledby="pipeline-title">
      <div className="card-head">
        <h3 id="pipeline-title">发展党员</h3>
        <Button href={screenHref('pipeline')}>查看发展党员</Button>
      </div>
      <ol className="pipeline-stages" data-testid="pipeline-stages">
        {stages.map((p, i) => (
          <li key={p.label}>
            <span className="stage-name">{p.label}</span>
            {p.href ? (
              <a className="stage-count" href={p.href} aria-label={`${p.label} ${p.value} 人，查看`}>
                {p.value}
                <span className="stage-unit"> 人</span>
              </a>
            ) : (
              <span className="stage-count">
                {p.value}
                <span className="stage-unit"> 人</span>
              </span>
            )}
            {i < stages.length - 1 ? (
              <span className="stage-arrow" aria-hidden="true">
                →
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {ended && ended.value ? <p className="muted">另有 {ended.value} 人的发展已终止。</p> : null}
    </section>
  );
}

/** What the page shows, from the facts read. */
function viewOf(facts: Facts) {
  const total = facts[TODAY_FACTS.total];
  return {
    date: total?.period.kind === 'at' ? total.period.at : '',
    total: figureOf(facts, TODAY_FACTS.total),
    full: pointOf(facts, TODAY_FACTS.category, 'full'),
    probationary: pointOf(facts, TODAY_FACTS.category, 'probationary'),
    dueSoon: probationOf(facts, TODAY_FACTS.dueSoon),
    overdue: probationOf(facts, TODAY_FACTS.overdue),
    stages: seriesOf(facts, TODAY_FACTS.stages),
    charts: chartsOf(facts),
  };
}

export function OverviewPage() {
  const { facts, loading, error, exporting, exportError } = useOverviewStore();
  const branchName = useAppStore((s) => s.branch?.name ?? '');
  const { message } = App.useApp();
  const statisticsPreview = useOverviewStore((s) => s.statisticsPreview);
  const previewing = useOverviewStore((s) => s.previewing);

  useEffect(() => void useOverviewStore.getState().load(), []);

  const view = useMemo(() => (facts ? viewOf(facts) : null), [facts]);

  const exportStatistics = async () => {
    const file = await useOverviewStore.getState().exportStatistics();
    if (!file) return;
    downloadBase64(file.data, file.fileName, DOCX_TYPE);
    void message.success({ content: `统计表“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
  };

  const total = view?.total.value ?? 0;
  return (
    <>
      <PageTitle
        title="首页"
        extra={
          <>
            <Button size="large" icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void useOverviewStore.getState().load()}>
              刷新
            </Button>
            <Button
              type="primary"
              size="large"
              icon={<FileWordOutlined aria-hidden="true" />}
              loading={exporting}
              disabled={!view || total === 0}
              onClick={() => void exportStatistics()}
            >
              导出统计表（Word）
            </Button>
            <Button
              size="large"
              icon={<PrinterOutlined aria-hidden="true" />}
              loading={previewing}
              disabled={!view || total === 0}
              onClick={() => void useOverviewStore.getState().previewStatistics()}
            >
              统计表打印预览
            </Button>
            {statisticsPreview ? (
              <PrintPreview
                document={statisticsPreview}
                onClose={() => useOverviewStore.getState().closeStatisticsPreview()}
                onExportWord={exportStatistics}
                exportingWord={exporting}
              />
            ) : null}
          </>
        }
      />
      {error ? <Alert type="error" showIcon role="alert" title={`统计读取失败：${error}`} style={{ marginBottom: 12 }} /> : null}
      {exportError ? <Alert type="error" showIcon role="alert" title={`统计表导出失败：${exportError}`} style={{ marginBottom: 12 }} /> : null}
      {!facts || !view ? (
        <Spin spinning={loading} tip="正在统计…" size="large">
          <div style={{ height: 240 }} />
        </Spin>
      ) : (
        <div className="overview" aria-busy={loading}>
          <p className="overview-date">
            {branchName ? `${branchName}，` : ''}统计到 {view.date}（在册党员，含停止党籍）
          </p>
          <ul className="overview-totals" aria-label="党员人数">
            <li data-testid="total-members">
              <span className="total-label">党员总数</span>
              <span className="total-value">
                <CountLink href={view.total.href} value={total} what="党员总数" />
              </span>{' '}
              人
            </li>
            <li data-testid="total-full">
              <span className="total-label">正式党员</span>
              <span className="total-value">
                <CountLink href={view.full.href} value={view.full.value} what="正式党员" />
              </span>{' '}
              人
            </li>
            <li data-testid="total-probationary">
              <span className="total-label">预备党员</span>
              <span className="total-value">
                <CountLink href={view.probationary.href} value={view.probationary.value} what="预备党员" />
              </span>{' '}
              人
            </li>
            <li data-testid="total-due">
              <span className="total-label">待转正提醒</span>
              <span className={view.overdue.length ? 'total-value overdue' : 'total-value'}>
                <CountLink
                  href={screenHref('pipeline')}
                  value={view.dueSoon.length + view.overdue.length}
                  what="待转正提醒"
                />
              </span>{' '}
              人
            </li>
          </ul>

          {total === 0 ? (
            <section className="overview-card overview-empty">
              <p>名册中还没有党员。可以导入已有的 Excel 花名册，或在“党员名册”中逐个添加。</p>
              <div style={{ display: 'flex', gap: 12, justifyContent: 'center' }}>
                <Button type="primary" size="large" onClick={() => openScreen('rosterImport')}>
                  导入名册
                </Button>
                <Button size="large" onClick={() => openScreen('roster')}>
                  去党员名册
                </Button>
              </div>
            </section>
          ) : null}

          <section className="overview-card" aria-labelledby="probation-title">
            <h3 id="probation-title">预备党员转正提醒</h3>
            <div className="probation-grid">
              <ProbationList title="预备期已满、尚未转正" entries={view.overdue} overdue empty="没有预备期已满而未转正的党员。" />
              <ProbationList title="30 天内预备期满" entries={view.dueSoon} overdue={false} empty="30 天内没有预备期满的党员。" />
            </div>
          </section>

          <YearFigures facts={facts} />

          <Pipeline stages={view.stages} />

          {total > 0 ? (
            <>
              <h3 className="overview-section-title">党员队伍基本情况</h3>
              <div className="chart-grid pies">
                <ChartCard id="category" title="人员类别" kind="pie" data={view.charts.category} total={total} />
                <ChartCard id="gender" title="性别" kind="pie" data={view.charts.gender} total={total} />
                <ChartCard id="ethnicity" title="民族" kind="pie" data={view.charts.ethnicity} total={total} />
              </div>
              <div className="chart-grid">
                <ChartCard id="education" title="学历" kind="bar" data={view.charts.education} total={total} color={CHART_COLORS[1]} />
                <ChartCard id="age" title="年龄" kind="bar" data={view.charts.age} total={total} color={CHART_COLORS[0]} />
                <ChartCard id="standing" title="党龄" kind="bar" data={view.charts.standing} total={total} color={CHART_COLORS[3]} />
                <ChartCard id="groups" title="党小组" kind="bar" data={view.charts.groups} total={total} color={CHART_COLORS[2]} />
              </div>
            </>
          ) : null}
        </div>
      )}
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default OverviewPage;
