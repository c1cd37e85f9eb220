/**
 * What a post template and a member's letter both hold: the target items with points and scoring rules (total 100),
 * the assessment method, the reward and penalty thresholds, and the other terms.
 */
import { Input } from 'antd';
import { letterItemSchema, rewardRuleProblems, rewardRuleSchema, type LetterItem, type LetterItemInput, type RewardRule, type RewardRuleInput } from '../../../../shared/domain/targets';
import { ItemsEditor, fromEditRows, toEditRows, type EditRow, type ItemColumn } from './ItemsEditor';
import { itemProblems } from './rowProblems';
import { CATEGORIES } from './targetsStore';

export const ITEM_COLUMNS: readonly ItemColumn[] = [
  { field: 'category', title: '类别', width: 150, type: 'choice', options: CATEGORIES, maxLength: 20 },
  { field: 'content', title: '目标内容', type: 'long', maxLength: 500 },
  { field: 'points', title: '分值', width: 80, type: 'points' },
  { field: 'rule', title: '考核标准/扣分办法', type: 'long', maxLength: 300, placeholder: '如：缺席一次扣 2 分' },
];

const REWARD_COLUMNS: readonly ItemColumn[] = [
  { field: 'minScore', title: '分数线（不低于）', width: 140, type: 'points' },
  { field: 'grade', title: '档次', width: 120, type: 'text', maxLength: 10, placeholder: '如：优秀' },
  { field: 'outcome', title: '奖惩内容', type: 'long', maxLength: 200 },
  { field: 'amount', title: '金额（元，扣发为负）', width: 170, type: 'amount' },
];

export interface ContentDraft {
  items: EditRow[];
  assessmentMethod: string;
  rewardRules: EditRow[];
  otherTerms: string;
}

export function draftOf(c: { items: readonly LetterItem[]; assessmentMethod: string; rewardRules: readonly RewardRule[]; otherTerms: string }): ContentDraft {
  return { items: toEditRows(c.items), assessmentMethod: c.assessmentMethod, rewardRules: toEditRows(c.rewardRules), otherTerms: c.otherTerms };
}

export function contentInput(d: ContentDraft): { items: LetterItemInput[]; assessmentMethod: string; rewardRules: RewardRuleInput[]; otherTerms: string } {
  return { items: fromEditRows<LetterItemInput>(d.items), assessmentMethod: d.assessmentMethod, rewardRules: fromEditRows<RewardRuleInput>(d.rewardRules), otherTerms: d.otherTerms };
}

/** Every problem of the draft in words naming the row (第 2 项 分值：…, 第 1 档 档次：…). */
export function contentProblems(d: ContentDraft): string[] {
  const rules = fromEditRows<Record<string, unknown>>(d.rewardRules);
  const parsedRules = rules.map((r) => rewardRuleSchema.safeParse(r)).filter((p) => p.success).map((p) => p.data);
  const ruleProblems = itemProblems(d.rewardRules, rewardRuleSchema, '档', false);
  const duplicates = parsedRules.length === rules.length ? rewardRuleProblems(parsedRules).map((p) => `奖惩规则：${p.message}`) : [];
  return [...itemProblems(d.items, letterItemSchema), ...ruleProblems, ...duplicates];
}

export function LetterContentEditor({ draft, onChange, label, readOnlyItems = false }: { draft: ContentDraft; onChange(d: ContentDraft): void; label: string; readOnlyItems?: boolean }) {
  return (
    <div className="targets-content">
      <h3 className="form-section-title">目标条目</h3>
      <ItemsEditor
        label={`${label}目标条目`}
        columns={ITEM_COLUMNS}
        rows={draft.items}
        onChange={(items) => onChange({ ...draft, items })}
        blank={(prev) => ({ category: prev?.category ?? CATEGORIES[0], content: '', points: null, rule: '' })}
        readOnly={readOnlyItems}
      />
      <h3 className="form-section-title">考核办法</h3>
      <Input.TextArea
        aria-label="考核办法"
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={1000}
        value={draft.assessmentMethod}
        onChange={(e) => onChange({ ...draft, assessmentMethod: e.target.value })}
      />
      <h3 className="form-section-title">奖惩规则（总分达到分数线即按该档奖惩，从高到低取第一个达到的）</h3>
      <ItemsEditor
        label={`${label}奖惩规则`}
        columns={REWARD_COLUMNS}
        rows={draft.rewardRules}
        onChange={(rewardRules) => onChange({ ...draft, rewardRules })}
        blank={() => ({ minScore: null, grade: '', outcome: '', amount: null })}
        showTotal={false}
        addLabel="添加一档"
        unit="档"
      />
      <h3 className="form-section-title">其他约定</h3>
      <Input.TextArea
        aria-label="其他约定"
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={1000}
        value={draft.otherTerms}
        onChange={(e) => onChange({ ...draft, otherTerms: e.target.value })}
      />
    </div>
  );
}
