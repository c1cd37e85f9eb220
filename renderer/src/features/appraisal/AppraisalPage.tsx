/**
 * 民主评议党员: the year's campaign in three tabs — 评议活动 (who, when, how many ballots, the rules), 录入测评表
 * (keyboard entry of the sheets, with the differences of a double entry) and 统计与评定 (the tally and the grades).
 * The year and the tab are in the address (`#/appraisal?year=2025&tab=entry`).
 */
import { Alert, Select, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Campaign, CampaignSummary } from '../../../../shared/contract/appraisal';
import { api, errorText } from '../../api';
import { navigate, useRoute } from '../../app/router';
import { PageTitle } from '../../components/PageTitle';
import { CampaignPanel } from './CampaignPanel';
import { EntryPanel } from './EntryPanel';
import { TallyPanel } from './TallyPanel';
import './appraisal.css';

const TABS = [
  { key: 'campaign', label: '评议活动' },
  { key: 'entry', label: '录入测评表' },
  { key: 'tally', label: '统计与评定' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

const thisYear = () => new Date().getFullYear();

function yearOptions(chosen: number, campaigns: CampaignSummary[]) {
  const years = new Set<number>([chosen, thisYear(), thisYear() - 1, ...campaigns.map((c) => c.year)]);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年${campaigns.some((c) => c.year === y) ? '' : '（未建立）'}` }));
}

export function AppraisalPage() {
  const route = useRoute();
  const year = Number(route.query.year) || thisYear();
  const tab: TabKey = TABS.some((t) => t.key === route.query.tab) ? (route.query.tab as TabKey) : 'campaign';
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>([]);
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await api().call('appraisal.list', {});
      const summary = list.find((c) => c.year === year);
      const full = summary ? await api().call('appraisal.get', { campaignId: summary.id }) : null;
      setCampaigns(list);
      setCampaign(full);
      setError(null);
    } catch (e) {
      setError(`未能读取民主评议：${errorText(e)}`);
    } finally {
      setLoaded(true);
    }
  }, [year]);

  useEffect(() => {
    setLoaded(false);
    void load();
  }, [load]);

  const go = (query: { year?: number; tab?: TabKey }) =>
    navigate(route.path, { ...route.query, year: String(query.year ?? year), tab: query.tab ?? tab }, { replace: true });

  const body = (key: TabKey) => {
    if (!loaded) return <p className="muted">正在读取…</p>;
    if (key === 'campaign') return <CampaignPanel year={year} campaign={campaign} onSaved={setCampaign} />;
    if (!campaign) return <Alert type="info" showIcon title={`${year} 年还没有建立民主评议，请先在“评议活动”中建立。`} />;
    return key === 'entry' ? <EntryPanel campaign={campaign} onChanged={load} /> : <TallyPanel campaign={campaign} />;
  };

  return (
    <>
      <PageTitle
        title="民主评议党员"
        extra={
          <div className="filter-item appraisal-year">
            <label htmlFor="appraisal-year">年度</label>
            <Select<number> id="appraisal-year" size="large" style={{ width: 150 }} value={year} onChange={(y) => go({ year: y })} options={yearOptions(year, campaigns)} />
          </div>
        }
      />
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k as TabKey })}
        destroyOnHidden
        items={TABS.map((t) => ({ key: t.key, label: t.label, children: body(t.key) }))}
      />
    </>
  );
}

export default AppraisalPage;
