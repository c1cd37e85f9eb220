/**
 * 考核评分: the members with a letter of the year on the left (with where their assessment stands), the chosen
 * member's items on the right, scored 自评 / 小组评 / 支部评 with notes. The totals and the grade the letter's
 * thresholds give show as the scores are typed; 保存 (Ctrl+Enter) records them, 保存并评下一位 moves on.
 */
import { SaveOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { Assessment, AssessmentSummaryRow, Letter } from '../../../../shared/contract/targets';
import { assessmentTotals, formatPoints, PERIOD_LABELS, rewardFor, scoreProblems, type AssessmentPeriod } from '../../../../shared/domain/targets';
import { rewardText } from './points';
import { api, errorText } from '../../api';
import { useRoute } from '../../app/router';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, RefusedDate } from '../../components/dates';
import { saveShortcutProps } from '../../components/formKeys';
import { ScoreGrid, scoreLines, type ScoreLine } from './ScoreGrid';
import { TargetsTitle } from './TargetsTitle';
import { useSummaryStore } from './targetsStore';
import { PeriodSwitch, useTargetPeriod, useYearFromRoute } from './year';
import { STATUS_TONE, StatusTag } from './StatusTag';


function MemberList({ rows, current, onChoose }: { rows: AssessmentSummaryRow[]; current: string | null; onChoose(letterId: string): void }) {
  const [query, setQuery] = useState('');
  const shown = rows.filter((r) => !query.trim() || r.memberName.includes(query.trim()) || r.post.includes(query.trim()));
  return (
    <nav className="targets-panel targets-members" aria-label="党员">
      <Input
        aria-label="查找党员"
        allowClear
        prefix={<SearchOutlined aria-hidden="true" />}
        placeholder="姓名或岗位"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <ul className="targets-list">
        {shown.map((r) => (
          <li key={r.letterId}>
            <Button
              type="text"
              className={r.letterId === current ? 'targets-list-current' : undefined}
              aria-current={r.letterId === current ? 'true' : undefined}
              onClick={() => onChoose(r.letterId)}
            >
              <span className="targets-member-name">{r.memberName}</span>
              <StatusTag tone={STATUS_TONE[r.status]} className="targets-tag">
                {r.status}
                {r.total !== null ? ` ${formatPoints(r.total)}` : ''}
              </StatusTag>
            </Button>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p className="muted">没有符合的党员</p> : null}
    </nav>
  );
}

interface Loaded {
  letter: Letter;
  assessment: Assessment | null;
}

function Scoring({ letterId, period, onSaved }: { letterId: string; period: AssessmentPeriod; onSaved(next: boolean): void }) {
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [lines, setLines] = useState<ScoreLine[]>([]);
  const [note, setNote] = useState('');
  const [date, setDate] = useState<Dayjs | RefusedDate | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setProblems([]);
    setLoadError(null);
    Promise.all([api().call('targetLetters.get', { id: letterId }), api().call('assessments.get', { letterId, period })])
      .then(([letter, assessment]) => {
        if (!live) return;
        setLoaded({ letter, assessment });
        setLines(scoreLines(letter.items, assessment?.scores ?? []));
        setNote(assessment?.note ?? '');
        setDate(assessment?.assessedDate ? dayjs(assessment.assessedDate) : dayjs());
      })
      .catch((e) => live && setLoadError(errorText(e)));
    return () => {
      live = false;
    };
  }, [letterId, period]);

  const letter = loaded?.letter ?? null;
  const totals = useMemo(() => (letter ? assessmentTotals(letter.items, lines) : null), [letter, lines]);
  if (loadError) return <Alert type="error" showIcon role="alert" title={`未能读取这名党员的责任书：${loadError}`} />;
  if (!letter || !totals) return <p className="muted">正在读取…</p>;
  const reward = rewardFor(letter.rewardRules, totals.total);

  const save = async (next: boolean) => {
    const found = [...(date instanceof RefusedDate ? [`考核日期：${date.reason}`] : []), ...scoreProblems(letter.items, lines).map((p) => p.message)];
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    try {
      const saved = await api().call('assessments.save', {
        letterId,
        period,
        scores: lines.map(({ itemKey, self, group, branch, note: n }) => ({ itemKey, self, group, branch, note: n })),
        note,
        assessedDate: fromDayjs(date) || null,
        expectedUpdatedAt: loaded?.assessment?.updatedAt ?? null,
      });
      setLoaded({ letter, assessment: saved });
      const result = saved.total !== null ? `总分 ${formatPoints(saved.total)}，第 ${saved.rank} 名${saved.grade ? `，${saved.grade}` : ''}` : `已评 ${saved.totals.scored}/${saved.totals.items} 项`;
      message.success(`${letter.memberName}的${PERIOD_LABELS[period]}已保存：${result}`);
      onSaved(next);
    } catch (e) {
      setProblems([`未能保存：${errorText(e)}`]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section
      className="targets-panel"
      aria-labelledby="scoring-title"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          (e.target as HTMLElement).blur?.();
          void save(false);
        }
      }}
    >
      <div className="targets-bar">
        <h3 id="scoring-title" style={{ margin: 0 }}>
          {letter.memberName}（{letter.post || '未填岗位'}）{PERIOD_LABELS[period]}
        </h3>
        {letter.adjusted ? <StatusTag tone="orange">责任书已调整</StatusTag> : null}
        <span className="spacer" />
        <label htmlFor="assessed-date">考核日期</label>
        <DateInput id="assessed-date" value={date} onChange={setDate} style={{ width: 150 }} />
      </div>
      {problems.length ? (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title="还不能保存" description={<ul className="targets-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
      ) : null}
      <ScoreGrid lines={lines} onChange={setLines} />
      <div className="targets-totals" role="group" aria-label="合计">
        <span>自评合计：{totals.self !== null ? formatPoints(totals.self) : '—'}</span>
        <span>小组评合计：{totals.group !== null ? formatPoints(totals.group) : '—'}</span>
        <span>
          总分（支部评合计）：
          <strong data-testid="assessment-total">{totals.total !== null ? formatPoints(totals.total) : `已评 ${totals.scored}/${totals.items} 项`}</strong>
        </span>
        <span data-testid="assessment-reward">
          档次与奖惩：{reward ? <><strong>{reward.grade}</strong>　{rewardText(reward)}</> : '—'}
        </span>
      </div>
      <div className="targets-bar" style={{ marginTop: 8 }}>
        <label htmlFor="assessment-note">考核意见</label>
        <Input id="assessment-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} style={{ flex: 1 }} />
      </div>
      <div className="form-footer">
        <span className="save-hint" aria-hidden="true">
          Ctrl+Enter 保存；回车或 ↓ 到下一项
        </span>
        <Button size="large" loading={saving} onClick={() => void save(true)}>
          保存并评下一位
        </Button>
        <Button type="primary" size="large" icon={<SaveOutlined aria-hidden="true" />} loading={saving} onClick={() => void save(false)} {...saveShortcutProps}>
          保存评分
        </Button>
      </div>
    </section>
  );
}

export function AssessmentPage() {
  const year = useYearFromRoute();
  const period = useTargetPeriod((s) => s.period);
  const { summary, loading, error } = useSummaryStore();
  const [current, setCurrent] = useState<string | null>(null);
  const rows = summary?.year === year && summary.period === period ? summary.rows : [];
  // The list in name order, so the next member is the one below.
  const byName = useMemo(() => [...rows].sort((a, b) => a.memberName.localeCompare(b.memberName, 'zh-Hans-CN-u-co-pinyin')), [rows]);

  useEffect(() => void useSummaryStore.getState().load(year, period), [year, period]);
  // '?letter=…' (a name in 考核汇总) opens that member's scores.
  const letterInRoute = useRoute().query.letter ?? null;
  useEffect(() => {
    if (letterInRoute && byName.some((r) => r.letterId === letterInRoute)) setCurrent(letterInRoute);
  }, [letterInRoute, byName]);
  useEffect(() => {
    if (!byName.some((r) => r.letterId === current)) setCurrent(byName.find((r) => r.letterId === letterInRoute)?.letterId ?? byName[0]?.letterId ?? null);
  }, [byName, current, letterInRoute]);

  const onSaved = (next: boolean) => {
    if (next) {
      const i = byName.findIndex((r) => r.letterId === current);
      if (i >= 0 && byName[i + 1]) setCurrent(byName[i + 1]!.letterId);
    }
    void useSummaryStore.getState().reload();
  };

  return (
    <>
      <TargetsTitle title="考核评分" error={error} extra={<PeriodSwitch />} />
      {rows.length === 0 && !loading ? (
        <div className="roster-empty">
          <Empty description={`${year} 年还没有责任书。先在“目标责任书”中生成，再来评分。`} />
        </div>
      ) : (
        <div className="targets-split targets-split-narrow">
          <MemberList rows={byName} current={current} onChoose={setCurrent} />
          {current ? <Scoring key={`${current}-${period}`} letterId={current} period={period} onSaved={onSaved} /> : <div />}
        </div>
      )}
    </>
  );
}

export default AssessmentPage;
