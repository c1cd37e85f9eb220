/**
 * 支部责任书: the branch's own responsibility letter with the higher committee (支部达标创先) for the year — its items
 * with points (total 100), the branch's self score and the committee's score per item, and its terms.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { BranchLetter } from '../../../../shared/contract/targets';
import { branchLetterItemSchema, DEFAULT_ASSESSMENT_METHOD, DEFAULT_OTHER_TERMS, formatPoints, sumPoints, type BranchLetterItemInput } from '../../../../shared/domain/targets';
import { api, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, RefusedDate } from '../../components/dates';
import { saveShortcutProps } from '../../components/formKeys';
import { ItemsEditor, fromEditRows, toEditRows, type EditRow, type ItemColumn } from './ItemsEditor';
import { itemProblems } from './rowProblems';
import { TargetsTitle } from './TargetsTitle';
import { CATEGORIES } from './targetsStore';
import { useYearFromRoute } from './year';

const COLUMNS: readonly ItemColumn[] = [
  { field: 'category', title: '类别', width: 140, type: 'choice', options: CATEGORIES, maxLength: 20 },
  { field: 'content', title: '目标内容', type: 'long', maxLength: 500 },
  { field: 'points', title: '分值', width: 80, type: 'points' },
  { field: 'rule', title: '考核标准', type: 'long', maxLength: 300 },
  { field: 'selfScore', title: '支部自评分', width: 100, type: 'points' },
  { field: 'reviewScore', title: '党委评分', width: 100, type: 'points' },
];

interface Draft {
  committee: string;
  signedDate: Dayjs | RefusedDate | null;
  items: EditRow[];
  assessmentMethod: string;
  rewardsText: string;
  otherTerms: string;
  note: string;
}

function draftOf(l: BranchLetter | null): Draft {
  return l
    ? { committee: l.committee, signedDate: l.signedDate ? dayjs(l.signedDate) : null, items: toEditRows(l.items), assessmentMethod: l.assessmentMethod, rewardsText: l.rewardsText, otherTerms: l.otherTerms, note: l.note }
    : { committee: '', signedDate: null, items: [], assessmentMethod: DEFAULT_ASSESSMENT_METHOD, rewardsText: '', otherTerms: DEFAULT_OTHER_TERMS, note: '' };
}

/** A total once every item has the score, as main sums it. */
function totalOf(rows: readonly EditRow[], field: 'selfScore' | 'reviewScore'): string {
  const values = rows.map((r) => r[field]);
  return rows.length && values.every((v) => typeof v === 'number') ? formatPoints(sumPoints(values as number[])) : '—';
}

export function BranchLetterPage() {
  const year = useYearFromRoute();
  const { message } = App.useApp();
  const [letter, setLetter] = useState<BranchLetter | null>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(null));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    api()
      .call('branchLetters.get', { year })
      .then((l) => {
        if (!live) return;
        setLetter(l);
        setDraft(draftOf(l));
        setDirty(false);
        setProblems([]);
      })
      .catch((e) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [year]);

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setDirty(true);
    if (problems.length) setProblems(problemsOf(next));
  };
  const problemsOf = (d: Draft) => [...(d.signedDate instanceof RefusedDate ? [`签订日期：${d.signedDate.reason}`] : []), ...itemProblems(d.items, branchLetterItemSchema)];

  const save = async () => {
    const found = problemsOf(draft);
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    try {
      const saved = await api().call('branchLetters.save', {
        year,
        committee: draft.committee,
        items: fromEditRows<BranchLetterItemInput>(draft.items),
        assessmentMethod: draft.assessmentMethod,
        rewardsText: draft.rewardsText,
        otherTerms: draft.otherTerms,
        signedDate: fromDayjs(draft.signedDate) || null,
        note: draft.note,
        expectedUpdatedAt: letter?.updatedAt ?? null,
      });
      setLetter(saved);
      setDraft(draftOf(saved));
      setDirty(false);
      message.success(`${year} 年支部目标责任书已保存`);
    } catch (e) {
      setProblems([`未能保存：${errorText(e)}`]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <TargetsTitle
        title="支部责任书"
        error={error}
        extra={
          <Button type="primary" size="large" icon={<SaveOutlined aria-hidden="true" />} loading={saving} disabled={!dirty} onClick={() => void save()} {...saveShortcutProps}>
            保存
          </Button>
        }
      />
      <div className="targets-bar">
        <label htmlFor="branch-letter-committee">上级党委（甲方）</label>
        <Input id="branch-letter-committee" maxLength={60} value={draft.committee} onChange={(e) => change({ committee: e.target.value })} style={{ width: 360 }} />
        <label htmlFor="branch-letter-signed">签订日期</label>
        <DateInput id="branch-letter-signed" value={draft.signedDate} onChange={(d) => change({ signedDate: d })} style={{ width: 160 }} />
        <span className="spacer" />
        <span className="targets-totals" role="status">
          <span>支部自评合计：{totalOf(draft.items, 'selfScore')}</span>
          <span>
            党委评分合计：<strong>{totalOf(draft.items, 'reviewScore')}</strong>
          </span>
        </span>
      </div>
      {problems.length ? (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title="还不能保存" description={<ul className="targets-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
      ) : null}
      <ItemsEditor
        label={`${year} 年支部目标责任书条目`}
        columns={COLUMNS}
        rows={draft.items}
        onChange={(items) => change({ items })}
        blank={(prev) => ({ category: prev?.category ?? CATEGORIES[0], content: '', points: null, rule: '', selfScore: null, reviewScore: null, note: '' })}
        emptyText={`${year} 年还没有与上级党委签订的支部目标责任书。点“添加一项”按责任书逐项填写。`}
      />
      {(
        [
          ['assessmentMethod', '考核办法'],
          ['rewardsText', '奖惩'],
          ['otherTerms', '其他约定'],
        ] as const
      ).map(([field, label]) => (
        <div key={field}>
          <h3 className="form-section-title">{label}</h3>
          <Input.TextArea aria-label={label} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} value={draft[field]} onChange={(e) => change({ [field]: e.target.value })} />
        </div>
      ))}
    </div>
  );
}

export default BranchLetterPage;
