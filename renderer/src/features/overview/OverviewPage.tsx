/**
 * 首页: the branch at a glance. The first screen holds the counts, the reminders (转正) and what is due this
 * month; then the development stages and this year's changes; below, the breakdowns of 党员队伍基本情况 as compact
 * tables. Every figure is a fact (overviewStore), and every count, name and stage opens the records it counts.
 */
import { FileWordOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import type { FactData, FactValue } from '../../../../shared/domain/facts';
import { PageTitle } from '../../components/PageTitle';
import { openScreen, screenHref } from '../../app/screens';
import { useAppStore } from '../../stores/appStore';
import { TODAY_FACTS, useOverviewStore, YEAR_FACTS } from './overviewStore';
import { sourceHref } from './sourceLinks';
import { DOCX_TYPE, downloadBase64 } from '../../components/files';
import { PrintPreview } from '../../components/print/PrintPreview';
import { BreakdownCard, CountLink, GroupTable, type Band } from './Breakdowns';
import { DUE_THIS_MONTH_SECTIONS, PROBATION_LIST, PROBATION_SECTIONS, sectionItems, type ReminderItem, type ReminderSection } from './reminders';
import './overview.css';

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

/** A series fact's points as bands, each linked to its source; `relabel` shortens a label by the point's key. */
function bandsOf(facts: Facts, key: string, relabel: Record<string, string> = {}): Band[] {
  return (dataOf(facts, key, 'series')?.points ?? []).map((p) => {
    const href = sourceHref(p.source);
    return { key: p.key, label: relabel[p.key] ?? p.label, value: p.value, ...(href ? { href } : {}) };
  });
}

function pointOf(bands: readonly Band[], key: string): { value: number; href?: string } {
  const band = bands.find((b) => b.key === key);
  return band ? { value: band.value, ...(band.href ? { href: band.href } : {}) } : { value: 0 };
}

/** What the page shows, from the facts read. */
function viewOf(facts: Facts) {
  const total = facts[TODAY_FACTS.total];
  const category = bandsOf(facts, TODAY_FACTS.category);
  const groups = bandsOf(facts, TODAY_FACTS.groups);
  const reminders = (sections: readonly ReminderSection[]) => sections.map((section) => ({ section, items: sectionItems(section, facts) }));
  return {
    date: total?.period.kind === 'at' ? total.period.at : '',
    total: figureOf(facts, TODAY_FACTS.total),
    full: pointOf(category, 'full'),
    probationary: pointOf(category, 'probationary'),
    ungrouped: pointOf(groups, 'none'),
    probation: reminders(PROBATION_SECTIONS),
    dueThisMonth: reminders(DUE_THIS_MONTH_SECTIONS),
    stages: bandsOf(facts, TODAY_FACTS.stages),
    breakdowns: {
      category,
      gender: bandsOf(facts, TODAY_FACTS.gender),
      ethnicity: bandsOf(facts, TODAY_FACTS.ethnicity),
      education: bandsOf(facts, TODAY_FACTS.education),
      age: bandsOf(facts, TODAY_FACTS.age),
      // 预备党员（未计党龄） is longer than the other bands.
      standing: bandsOf(facts, TODAY_FACTS.standing, { probationary: '预备党员' }),
      groups,
    },
  };
}
type View = ReturnType<typeof viewOf>;

function Tile({ id, label, value, href, alert = false }: { id: string; label: string; value: number; href?: string; alert?: boolean }) {
  return (
    <li data-testid={id}>
      <span className="total-label">{label}</span>
      <span className={alert ? 'total-value alert' : 'total-value'}>
        <CountLink href={href} value={value} what={label} />
      </span>{' '}
      人
    </li>
  );
}

function Totals({ view }: { view: View }) {
  const [overdue, dueSoon] = view.probation.map((p) => p.items.length) as [number, number];
  return (
    <ul className="overview-totals" aria-label="党员人数" data-testid="overview-totals">
      <Tile id="total-members" label="党员总数" {...view.total} />
      <Tile id="total-full" label="正式党员" {...view.full} />
      <Tile id="total-probationary" label="预备党员" {...view.probationary} />
      <Tile id="total-ungrouped" label="未编入党小组" {...view.ungrouped} alert={view.ungrouped.value > 0} />
      <Tile id="total-due" label="待转正" value={overdue + dueSoon} href={PROBATION_LIST.href} alert={overdue > 0} />
    </ul>
  );
}

/** How many names a section lists before 另有 N 人: the reminders stay on the first screen. */
const SHOWN = 3;

function ReminderList({ section, items }: { section: ReminderSection; items: ReminderItem[] }) {
  const late = items.some((i) => i.late);
  return (
    <div className="reminder-section" data-testid={`reminders-${section.key}`}>
      <h4>
        {section.title}
        <span className={late ? 'reminder-count late' : 'reminder-count'}>
          <CountLink href={section.list} value={items.length} what={section.title} unit={section.unit} /> {section.unit}
        </span>
      </h4>
      {section.countOnly ? null : items.length === 0 ? (
        <p className="muted">{section.empty}</p>
      ) : (
        <ul>
          {items.slice(0, SHOWN).map((i) => (
            <li key={i.key}>
              <a className="reminder-name" href={i.href} aria-label={`${i.name}，${i.what}，查看`}>
                {i.name}
              </a>
              <span className="reminder-what">{i.what}</span>
              <span className={i.late ? 'reminder-when late' : 'reminder-when'}>{i.when}</span>
            </li>
          ))}
          {items.length > SHOWN ? (
            <li className="reminder-more">
              <a href={section.more.href}>
                另有 {items.length - SHOWN} {section.unit}，{section.more.label}
              </a>
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}

function ReminderCard({ id, title, sections }: { id: string; title: string; sections: View['probation'] }) {
  return (
    <section className="overview-card reminder-card" aria-labelledby={`${id}-title`} data-testid={id}>
      {/* A count-only section sits on the title's line: the card stays within the first screen. */}
      <div className="card-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {sections.filter((s) => s.section.countOnly).map((s) => (
          <ReminderList key={s.section.key} section={s.section} items={s.items} />
        ))}
      </div>
      {sections.filter((s) => !s.section.countOnly).map((s) => (
        <ReminderList key={s.section.key} section={s.section} items={s.items} />
      ))}
    </section>
  );
}

function Pipeline({ stages: all }: { stages: Band[] }) {
  const stages = all.filter((p) => p.key !== '已终止');
  const ended = all.find((p) => p.key === '已终止');
  return (
    <section className="overview-card" aria-labelledby="pipeline-title">
      <div className="card-head">
        <h3 id="pipeline-title">发展党员</h3>
        <a href={screenHref('pipeline')}>查看全部</a>
      </div>
      <ol className="pipeline-stages" data-testid="pipeline-stages">
        {stages.map((p) => (
          <li key={p.key}>
            <a className="stage" href={p.href ?? screenHref('pipeline')} aria-label={`${p.label} ${p.value} 人，查看`}>
              <span className="stage-count">{p.value}</span>
              <span className="stage-name">{p.label}</span>
            </a>
          </li>
        ))}
      </ol>
      {ended && ended.value ? <p className="muted stage-ended">另有 {ended.value} 人的发展已终止。</p> : null}
    </section>
  );
}

/** This year's changes: one compact row of figures, each linked where its source has a filter. */
function YearFigures({ facts }: { facts: Facts }) {
  const period = facts[YEAR_FACTS[0].key]?.period;
  const span = period?.kind === 'range' ? `${period.from} 至 ${period.to}` : '';
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
              <span className="year-value">
                <CountLink href={href} value={value} what={`本年度${f.label}`} />
              </span>
              <span className="year-label">{f.label}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Breakdowns({ view, total }: { view: View; total: number }) {
  const b = view.breakdowns;
  return (
    <>
      <h3 className="overview-section-title">党员队伍基本情况</h3>
      <div className="breakdowns">
        <div className="breakdown-grid">
          <BreakdownCard id="category" title="人员类别" bands={b.category} total={total} />
          <BreakdownCard id="gender" title="性别" bands={b.gender} total={total} />
          <BreakdownCard id="ethnicity" title="民族" bands={b.ethnicity} total={total} />
          <BreakdownCard id="education" title="学历" bands={b.education} total={total} />
          <BreakdownCard id="age" title="年龄" bands={b.age} total={total} />
          <BreakdownCard id="standing" title="党龄" bands={b.standing} total={total} />
        </div>
        <GroupTable bands={b.groups} total={total} />
      </div>
    </>
  );
}

function EmptyRoster() {
  return (
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
  );
}

function Actions({ disabled }: { disabled: boolean }) {
  const { message } = App.useApp();
  const exporting = useOverviewStore((s) => s.exporting);
  const statisticsPreview = useOverviewStore((s) => s.statisticsPreview);
  const previewing = useOverviewStore((s) => s.previewing);
  const exportStatistics = async () => {
    const file = await useOverviewStore.getState().exportStatistics();
    if (!file) return;
    downloadBase64(file.data, file.fileName, DOCX_TYPE);
    void message.success({ content: `统计表“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
  };
  return (
    <>
      <Button size="large" icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void useOverviewStore.getState().load()}>
        刷新
      </Button>
      <Button type="primary" size="large" icon={<FileWordOutlined aria-hidden="true" />} loading={exporting} disabled={disabled} onClick={() => void exportStatistics()}>
        导出统计表（Word）
      </Button>
      <Button
        size="large"
        icon={<PrinterOutlined aria-hidden="true" />}
        loading={previewing}
        disabled={disabled}
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
  );
}

export function OverviewPage() {
  const { facts, loading, error, exportError } = useOverviewStore();
  const branchName = useAppStore((s) => s.branch?.name ?? '');

  useEffect(() => void useOverviewStore.getState().load(), []);

  const view = useMemo(() => (facts ? viewOf(facts) : null), [facts]);
  const total = view?.total.value ?? 0;
  return (
    <>
      <PageTitle title="首页" extra={<Actions disabled={!view || total === 0} />} />
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
          <Totals view={view} />
          {total === 0 ? <EmptyRoster /> : null}
          <div className="overview-top">
            <ReminderCard id="probation-reminders" title="转正提醒" sections={view.probation} />
            <ReminderCard id="due-this-month" title="本月到期" sections={view.dueThisMonth} />
          </div>
          <div className="overview-top">
            <Pipeline stages={view.stages} />
            <YearFigures facts={facts} />
          </div>
          {total > 0 ? <Breakdowns view={view} total={total} /> : null}
        </div>
      )}
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default OverviewPage;
