/** 首页: the branch at a glance — counts with charts and tables, probation reminders, the development pipeline. */
import { FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import type { RosterOverview } from '../../../../shared/contract/rosterFiles';
import type { ProbationEntry } from '../../../../shared/domain/pipeline';
import { AGE_BAND_LABELS, EDUCATION_BANDS, STANDING_BANDS, type BranchStatistics } from '../../../../shared/domain/statistics';
import { barOption, Chart, CHART_COLORS, pieOption, type ChartDatum } from '../../components/Chart';
import { PageTitle } from '../../components/PageTitle';
import { openScreen, screenHref } from '../../app/screens';
import { DEFAULT_FILTERS, queryOfFilters, type RosterFilters } from '../roster/rosterStore';
import { NO_GROUP } from '../../../../shared/domain/statistics';
import { useAppStore } from '../../stores/appStore';
import { useOverviewStore } from './overviewStore';
import { DOCX_TYPE, downloadBase64 } from '../../components/files';
import './overview.css';

/** A share in one format everywhere: one decimal (3.0%, 3.7%, 0.0%). */
function share(n: number, total: number): string {
  return total ? `${((n / total) * 100).toFixed(1)}%` : '—';
}

/** The roster filtered to these conditions (on the members counted: the roll, the local branch). */
function rosterHref(filters: Partial<RosterFilters>): string {
  return screenHref('roster', queryOfFilters({ ...DEFAULT_FILTERS, ...filters }));
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

/** The roster's age bands by the statistics' keys (same bounds). */
const AGE_FILTER: Record<string, string> = { under30: 'under30', from30to39: '30to39', from40to49: '40to49', from50to59: '50to59', from60: '60plus' };
/** The roster's education groups by the statistics' bands; 高中及以下 spans several groups and has no single filter. */
const EDUCATION_FILTER: Record<string, string> = { postgraduate: '10', undergraduate: '20', juniorCollege: '30', secondary: '40' };

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

function chartsOf(s: BranchStatistics, groupIds: Record<string, string>) {
  const groupFilter = (label: string) => (label === NO_GROUP ? 'none' : groupIds[label]);
  const charts: Record<'category' | 'gender' | 'ethnicity' | 'education' | 'age' | 'standing' | 'groups', LinkedDatum[]> = {
    category: [
      { label: '正式党员', value: s.category.full, href: rosterHref({ category: '正式党员' }) },
      { label: '预备党员', value: s.category.probationary, href: rosterHref({ category: '预备党员' }) },
    ],
    gender: [
      { label: '男', value: s.gender.male, href: rosterHref({ gender: '男' }) },
      { label: '女', value: s.gender.female, href: rosterHref({ gender: '女' }) },
    ],
    ethnicity: [
      { label: '汉族', value: s.ethnicity.han },
      { label: '少数民族', value: s.ethnicity.minority },
    ],
    education: EDUCATION_BANDS.map((b) => {
      const code = EDUCATION_FILTER[b.key];
      return { label: b.label, value: s.education[b.key], ...(code ? { href: rosterHref({ educationGroup: code }) } : {}) };
    }),
    age: AGE_BAND_LABELS.map((b) => ({ label: b.label, value: s.age[b.key], href: rosterHref({ ageBand: AGE_FILTER[b.key]! }) })),
    standing: STANDING_BANDS.map((b) => ({ label: b.key === 'probationary' ? '预备党员' : b.label, value: s.partyStanding[b.key] })),
    groups: s.partyGroups.map((g) => {
      const id = groupFilter(g.label);
      return { label: g.label, value: g.count, ...(id ? { href: rosterHref({ partyGroupId: id }) } : {}) };
    }),
  };
  return charts;
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

function Pipeline({ pipeline }: { pipeline: RosterOverview['pipeline'] }) {
  const stages = pipeline.filter((p) => p.stage !== '已终止');
  const ended = pipeline.find((p) => p.stage === '已终止');
  return (
    <section className="overview-card" aria-labelledby="pipeline-title">
      <div className="card-head">
        <h3 id="pipeline-title">发展党员</h3>
        <Button href={screenHref('pipeline')}>查看发展党员</Button>
      </div>
      <ol className="pipeline-stages" data-testid="pipeline-stages">
        {stages.map((p, i) => (
          <li key={p.stage}>
            <span className="stage-name">{p.stage}</span>
            <a className="stage-count" href={screenHref('pipeline', { stage: p.stage })} aria-label={`${p.stage} ${p.total} 人，查看`}>
              {p.total}
              <span className="stage-unit"> 人</span>
            </a>
            {i < stages.length - 1 ? (
              <span className="stage-arrow" aria-hidden="true">
                →
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {ended && ended.total ? <p className="muted">另有 {ended.total} 人的发展已终止。</p> : null}
    </section>
  );
}

export function OverviewPage() {
  const { overview, groupIds, loading, error, exporting, exportError } = useOverviewStore();
  const branchName = useAppStore((s) => s.branch?.name ?? '');
  const { message } = App.useApp();

  useEffect(() => void useOverviewStore.getState().load(), []);

  const charts = useMemo(() => (overview ? chartsOf(overview.statistics, groupIds) : null), [overview, groupIds]);

  const exportStatistics = async () => {
    const file = await useOverviewStore.getState().exportStatistics();
    if (!file) return;
    downloadBase64(file.data, file.fileName, DOCX_TYPE);
    void message.success({ content: `统计表“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
  };

  const s = overview?.statistics;
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
              disabled={!s || s.total === 0}
              onClick={() => void exportStatistics()}
            >
              导出统计表（Word）
            </Button>
          </>
        }
      />
      {error ? <Alert type="error" showIcon role="alert" title={`统计读取失败：${error}`} style={{ marginBottom: 12 }} /> : null}
      {exportError ? <Alert type="error" showIcon role="alert" title={`统计表导出失败：${exportError}`} style={{ marginBottom: 12 }} /> : null}
      {!overview || !s || !charts ? (
        <Spin spinning={loading} tip="正在统计…" size="large">
          <div style={{ height: 240 }} />
        </Spin>
      ) : (
        <div className="overview" aria-busy={loading}>
          <p className="overview-date">
            {branchName ? `${branchName}，` : ''}统计到 {overview.date}（在册党员，含停止党籍）
          </p>
          <ul className="overview-totals" aria-label="党员人数">
            <li data-testid="total-members">
              <span className="total-label">党员总数</span>
              <span className="total-value">
                <CountLink href={rosterHref({})} value={s.total} what="党员总数" />
              </span>{' '}
              人
            </li>
            <li data-testid="total-full">
              <span className="total-label">正式党员</span>
              <span className="total-value">
                <CountLink href={rosterHref({ category: '正式党员' })} value={s.category.full} what="正式党员" />
              </span>{' '}
              人
            </li>
            <li data-testid="total-probationary">
              <span className="total-label">预备党员</span>
              <span className="total-value">
                <CountLink href={rosterHref({ category: '预备党员' })} value={s.category.probationary} what="预备党员" />
              </span>{' '}
              人
            </li>
            <li data-testid="total-due">
              <span className="total-label">待转正提醒</span>
              <span className={overview.probation.overdue.length ? 'total-value overdue' : 'total-value'}>
                <CountLink
                  href={screenHref('pipeline')}
                  value={overview.probation.dueSoon.length + overview.probation.overdue.length}
                  what="待转正提醒"
                />
              </span>{' '}
              人
            </li>
          </ul>

          {s.total === 0 ? (
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
              <ProbationList title="预备期已满、尚未转正" entries={overview.probation.overdue} overdue empty="没有预备期已满而未转正的党员。" />
              <ProbationList title="30 天内预备期满" entries={overview.probation.dueSoon} overdue={false} empty="30 天内没有预备期满的党员。" />
            </div>
          </section>

          <Pipeline pipeline={overview.pipeline} />

          {s.total > 0 ? (
            <>
              <h3 className="overview-section-title">党员队伍基本情况</h3>
              <div className="chart-grid pies">
                <ChartCard id="category" title="人员类别" kind="pie" data={charts.category} total={s.total} />
                <ChartCard id="gender" title="性别" kind="pie" data={charts.gender} total={s.total} />
                <ChartCard id="ethnicity" title="民族" kind="pie" data={charts.ethnicity} total={s.total} />
              </div>
              <div className="chart-grid">
                <ChartCard id="education" title="学历" kind="bar" data={charts.education} total={s.total} color={CHART_COLORS[1]} />
                <ChartCard id="age" title="年龄" kind="bar" data={charts.age} total={s.total} color={CHART_COLORS[0]} />
                <ChartCard id="standing" title="党龄" kind="bar" data={charts.standing} total={s.total} color={CHART_COLORS[3]} />
                <ChartCard id="groups" title="党小组" kind="bar" data={charts.groups} total={s.total} color={CHART_COLORS[2]} />
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
