/**
 * 年度党建目标: the branch's targets of the chosen year, typed in place, with the total of points against 100 shown
 * as they are typed; 从上一年复制 starts the year from last year's plan. 保存 writes the whole plan at once.
 */
import { CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../api';
import { saveShortcutProps } from '../../components/formKeys';
import { planItemSchema, type PlanItemInput } from '../../../../shared/domain/targets';
import { ItemsEditor, fromEditRows, toEditRows, type EditRow, type ItemColumn } from './ItemsEditor';
import { itemProblems } from './rowProblems';
import { TargetsTitle } from './TargetsTitle';
import { CATEGORIES, usePlanStore } from './targetsStore';
import { useYearFromRoute } from './year';

const COLUMNS: readonly ItemColumn[] = [
  { field: 'category', title: '类别', width: 150, type: 'choice', options: CATEGORIES, maxLength: 20 },
  { field: 'content', title: '目标内容', type: 'long', maxLength: 500 },
  { field: 'measure', title: '措施与标准', type: 'long', maxLength: 500 },
  { field: 'points', title: '分值', width: 80, type: 'points' },
  { field: 'responsible', title: '责任人', width: 96, type: 'text', maxLength: 30 },
  { field: 'deadline', title: '完成时限', width: 140, type: 'date' },
];

export function PlanPage() {
  const year = useYearFromRoute();
  const { plan, loading, error } = usePlanStore();
  const { message, modal } = App.useApp();
  const [rows, setRows] = useState<EditRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => void usePlanStore.getState().load(year), [year]);
  useEffect(() => {
    setRows(toEditRows(plan?.year === year ? plan.items : []));
    setDirty(false);
    setProblems([]);
  }, [plan, year]);

  const change = (next: EditRow[]) => {
    setRows(next);
    setDirty(true);
    if (problems.length) setProblems(itemProblems(next, planItemSchema));
  };

  const save = async () => {
    const found = itemProblems(rows, planItemSchema);
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    try {
      await usePlanStore.getState().save({ year, title: plan?.title ?? '', note: plan?.note ?? '', items: fromEditRows<PlanItemInput>(rows), expectedUpdatedAt: plan?.updatedAt ?? null });
      message.success(`${year} 年度党建目标已保存`);
    } catch (e) {
      setProblems([`未能保存：${errorText(e)}`]);
    } finally {
      setSaving(false);
    }
  };

  const copy = () => {
    const run = async () => {
      try {
        const copied = await usePlanStore.getState().copyLastYear(year);
        message.success(`已从 ${year - 1} 年复制 ${copied.items.length} 项目标，请按今年的任务修改后保存`);
      } catch (e) {
        modal.error({ title: `未能复制 ${year - 1} 年的目标`, content: errorText(e), okText: '知道了' });
      }
    };
    if (!dirty || rows.length === 0) return void run();
    modal.confirm({
      title: `用 ${year - 1} 年的目标代替刚才填写的 ${rows.length} 项？`,
      content: '刚才填写、还没有保存的条目会被上一年的条目代替。',
      okText: '代替',
      cancelText: '取消',
      onOk: run,
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <div onKeyDown={onKeyDown}>
      <TargetsTitle
        title="年度党建目标"
        error={error}
        extra={
          <>
            <Button
              size="large"
              icon={<CopyOutlined aria-hidden="true" />}
              onClick={copy}
              disabled={Boolean(plan && plan.year === year)}
              title={plan && plan.year === year ? `${year} 年已有党建目标，可直接修改` : `把 ${year - 1} 年的目标复制为 ${year} 年的起点`}
            >
              从上一年复制
            </Button>
            <Button type="primary" size="large" icon={<SaveOutlined aria-hidden="true" />} loading={saving} disabled={!dirty} onClick={() => void save()} {...saveShortcutProps}>
              保存
            </Button>
          </>
        }
      />
      {problems.length ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title="还不能保存" description={<ul className="targets-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>} /> : null}
      <ItemsEditor
        label={`${year} 年度党建目标条目`}
        columns={COLUMNS}
        rows={rows}
        onChange={change}
        blank={(prev) => ({ category: prev?.category ?? CATEGORIES[0], content: '', measure: '', points: null, responsibleMemberId: null, responsible: '', deadline: null })}
        emptyText={loading ? '正在读取…' : `${year} 年还没有党建目标。可以“从上一年复制”后修改，或点“添加一项”逐项填写。`}
      />
    </div>
  );
}

export default PlanPage;
