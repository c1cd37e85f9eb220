/** 导出 Excel / 打印预览 / 导出 Word: which members (the roster's filters by default), which columns, then a download or the preview. */
import { App, Alert, Button, Checkbox, Modal, Radio, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Orientation } from '../../../../shared/documents/presets';
import { PrintPreview } from '../../components/print/PrintPreview';
import { localToday } from '../../../../shared/domain/dates';
import { changePhrase, educationFilterLabel, standingPhrase } from '../../../../shared/domain/rosterScope';
import { AGE_BANDS } from '../../../../shared/domain/member';
import { useGroupsStore } from '../groups/groupsStore';
import { useRosterExportStore, type ExportKind, type ExportRequest, type RosterPlan } from './rosterExportStore';
import { useRosterStore, type RosterFilters } from '../roster/rosterStore';
import { DOCX_COLUMNS, DOCX_DEFAULT, XLSX_COLUMNS, XLSX_DEFAULT } from './exportColumns';
import { memberSearchOf } from './memberSearch';
import { DOCX_TYPE, downloadBase64, XLSX_TYPE } from '../../components/files';
import './rosterFiles.css';

const STATUS_LABEL: Record<string, string> = { active: '在册党员', all: '全部党籍状态' };

/** The roster's filters in words, e.g. “人员类别：预备党员；性别：女”; empty when nothing narrows the list. */
export function describeFilters(f: RosterFilters, groupName: (id: string) => string): string {
  const parts: string[] = [];
  if (f.query.trim()) parts.push(`搜索“${f.query.trim()}”`);
  if (f.partyGroupId) parts.push(`党小组：${f.partyGroupId === 'none' ? '未分组' : groupName(f.partyGroupId)}`);
  if (f.category) parts.push(f.category);
  if (f.status !== 'active') parts.push(`党籍状态：${STATUS_LABEL[f.status] ?? f.status}`);
  if (f.educationGroup) parts.push(`学历：${educationFilterLabel(f.educationGroup)}`);
  if (f.gender) parts.push(`${f.gender}党员`);
  if (f.ageBand) parts.push(`年龄：${AGE_BANDS.find((b) => b.key === f.ageBand)?.label ?? f.ageBand}`);
  if (f.ethnicity) parts.push(f.ethnicity);
  if (f.standing) parts.push(standingPhrase(f.standing));
  if (f.change) parts.push(changePhrase(f, localToday()));
  return parts.join('；');
}

const TITLES: Record<ExportKind, string> = { xlsx: '导出 Excel 名册', docx: '花名册：打印预览 / 导出 Word' };

const MIN_SIZES = [
  { value: 10.5, label: '五号（10.5 磅）' },
  { value: 9, label: '小五（9 磅）' },
  { value: 7.5, label: '六号（7.5 磅）' },
];

/** The fit decision before anything is saved: a warning with ways out when the columns do not fit the page. */
function PlanNote({ plan, onLandscape, onSmaller }: { plan: RosterPlan | null; onLandscape(): void; onSmaller(): void }) {
  if (!plan) return null;
  if (plan.fits) {
    return (
      <p className="muted" data-testid="print-plan" style={{ fontSize: 15 }}>
        A4 {plan.orientation === 'landscape' ? '横向' : '纵向'}，表格字号 {plan.size} 磅{plan.wraps ? '，较长的姓名、单位等会折行' : ''}。
      </p>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="print-plan"
      title={plan.problem ?? '所选的列在纸上排不下'}
      description={
        <>
          {plan.suggestions.length > 0 && (
            <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
              {plan.suggestions.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {plan.orientation === 'portrait' && <Button onClick={onLandscape}>改为横向</Button>}
            {plan.minSize > 7.5 && <Button onClick={onSmaller}>允许更小的字号</Button>}
            <span className="muted">或在上面少选几列。</span>
          </div>
        </>
      }
    />
  );
}

export function ExportDialog() {
  const kind = useRosterExportStore((s) => s.open);
  const busy = useRosterExportStore((s) => s.busy);
  const error = useRosterExportStore((s) => s.error);
  const filters = useRosterStore((s) => s.filters);
  const sort = useRosterStore((s) => s.sort);
  const order = useRosterStore((s) => s.order);
  const total = useRosterStore((s) => s.total);
  const groups = useGroupsStore((s) => s.groups);
  const { message } = App.useApp();

  const all = kind === 'docx' ? DOCX_COLUMNS : XLSX_COLUMNS;
  const defaults = kind === 'docx' ? DOCX_DEFAULT : XLSX_DEFAULT;
  const [columns, setColumns] = useState<string[]>([]);
  const [which, setWhich] = useState<'filtered' | 'all'>('filtered');
  const [mask, setMask] = useState(false);
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [minSize, setMinSize] = useState(10.5);
  const plan = useRosterExportStore((s) => s.preview?.plan ?? null);

  const label = useMemo(() => describeFilters(filters, (id) => groups.find((g) => g.id === id)?.name ?? '所选党小组'), [filters, groups]);

  useEffect(() => {
    if (!kind) return;
    setColumns([...defaults]);
    setWhich('filtered');
    setMask(false);
    setOrientation('landscape');
    setMinSize(10.5);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);

  const close = () => useRosterExportStore.getState().close();

  const request = useMemo((): ExportRequest => {
    const f = which === 'filtered' ? filters : { ...filters, query: '', partyGroupId: null, category: null, status: 'active' as const, educationGroup: null, gender: null, ageBand: null };
    return {
      filter: memberSearchOf(f, sort, order),
      columns: all.map((c) => c.key).filter((k) => columns.includes(k)),
      maskIdNumbers: mask,
      filterLabel: which === 'filtered' && label ? label.slice(0, 40) : null,
      ...(kind === 'docx' ? { orientation, minSize } : {}),
    };
  }, [which, filters, sort, order, all, columns, mask, label, kind, orientation, minSize]);

  // The plan follows every choice, so the warning shows before anything is exported.
  useEffect(() => {
    if (kind !== 'docx' || request.columns.length === 0) return;
    const timer = setTimeout(() => void useRosterExportStore.getState().loadPreview(request), 300);
    return () => clearTimeout(timer);
  }, [kind, request]);

  const run = async () => {
    if (!kind) return;
    const file = await useRosterExportStore.getState().run(kind, request);
    if (!file) return;
    saveExported(file, kind);
    close();
  };

  const saveExported = (file: { data: string; fileName: string; count?: number }, as: ExportKind) => {
    downloadBase64(file.data, file.fileName, as === 'docx' ? DOCX_TYPE : XLSX_TYPE);
    void message.success({ content: `已导出 ${file.count ?? 0} 名党员，文件“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
  };

  const checkedCount = columns.length;
  return (
    <Modal
      open={!!kind}
      title={kind ? TITLES[kind] : ''}
      width={760}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
      className="export-dialog"
      footer={[
        <Button key="cancel" size="large" onClick={close}>
          取消
        </Button>,
        kind === 'docx' ? (
          <Button key="word" size="large" loading={busy} disabled={checkedCount === 0 || plan?.fits === false} onClick={() => void run()}>
            导出 Word
          </Button>
        ) : null,
        kind === 'docx' ? (
          <Button key="preview" type="primary" size="large" loading={busy} disabled={checkedCount === 0} onClick={() => void useRosterExportStore.getState().openPreview(request)}>
            打印预览
          </Button>
        ) : (
          <Button key="ok" type="primary" size="large" loading={busy} disabled={checkedCount === 0} onClick={() => void run()}>
            导出 Excel 文件
          </Button>
        ),
      ]}
    >
      <section className="export-section" aria-labelledby="export-which">
        <h3 id="export-which">导出哪些党员</h3>
        {label ? (
          <Radio.Group
            aria-labelledby="export-which"
            value={which}
            onChange={(e) => setWhich(e.target.value as 'filtered' | 'all')}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          >
            <Radio value="filtered" className="export-filter">
              按名册当前的查找条件：{label}（{total} 人）
            </Radio>
            <Radio value="all" className="export-filter">
              全部在册党员
            </Radio>
          </Radio.Group>
        ) : (
          <p className="export-filter" style={{ margin: 0 }}>
            全部在册党员（{total} 人）。如只需其中一部分（例如只要预备党员），请先关闭本窗口，在名册上方选好查找条件。
          </p>
        )}
      </section>
      <section className="export-section" aria-labelledby="export-columns-title">
        <h3 id="export-columns-title">
          包括哪些列<span className="muted" style={{ fontWeight: 400, fontSize: 15 }}>（已选 {checkedCount} 列，按下面的顺序排列{kind === 'docx' ? '，“序号”总在第一列' : ''}）</span>
        </h3>
        <Checkbox.Group value={columns} onChange={(v) => setColumns(v as string[])} aria-labelledby="export-columns-title">
          <div className="export-columns">
            {all.map((c) => (
              <Checkbox key={c.key} value={c.key} disabled={c.key === 'name'}>
                {c.label}
              </Checkbox>
            ))}
          </div>
        </Checkbox.Group>
        <div style={{ display: 'flex', gap: 12 }}>
          <Button onClick={() => setColumns(all.map((c) => c.key))}>全选</Button>
          <Button onClick={() => setColumns([...defaults])}>恢复常用列</Button>
        </div>
      </section>
      {kind === 'docx' ? (
        <section className="export-section" aria-labelledby="export-privacy">
          <h3 id="export-privacy">身份证号</h3>
          <Checkbox checked={mask} onChange={(e) => setMask(e.target.checked)} style={{ fontSize: 16 }}>
            打印时隐藏身份证号中间的数字（如 130982********1234），适合张贴或传阅
          </Checkbox>
        </section>
      ) : null}
      {kind === 'docx' ? (
        <section className="export-section" aria-labelledby="export-paper">
          <h3 id="export-paper">纸张和字号</h3>
          <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'center' }}>
            <Radio.Group aria-label="纸张方向" value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)}>
              <Radio value="landscape">A4 横向</Radio>
              <Radio value="portrait">A4 纵向</Radio>
            </Radio.Group>
            <label>
              最小字号{' '}
              <Select aria-label="最小字号" value={minSize} onChange={setMinSize} options={MIN_SIZES} style={{ width: 150 }} />
            </label>
          </div>
          <PlanNote plan={plan} onLandscape={() => setOrientation('landscape')} onSmaller={() => setMinSize(minSize > 9 ? 9 : 7.5)} />
        </section>
      ) : (
        <p className="muted" style={{ fontSize: 15 }}>
          导出的 Excel 文件可以再用“导入名册”读回；默认包括全部列。
        </p>
      )}
      {error ? <Alert type="error" showIcon role="alert" title={`导出失败：${error}`} /> : null}
    </Modal>
  );
}

/** The roster's print preview, with 导出 Word of the same choices. */
function RosterPrintPreview() {
  const open = useRosterExportStore((s) => s.previewOpen);
  const preview = useRosterExportStore((s) => s.preview);
  const busy = useRosterExportStore((s) => s.busy);
  const error = useRosterExportStore((s) => s.error);
  const { message } = App.useApp();
  if (!open || !preview) return null;
  const store = useRosterExportStore.getState();
  const exportWord = async () => {
    const req = store.previewRequest;
    if (!req) return;
    const file = await useRosterExportStore.getState().run('docx', req);
    if (!file) return;
    downloadBase64(file.data, file.fileName, DOCX_TYPE);
    void message.success({ content: `已导出 ${file.count ?? 0} 名党员，文件“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
  };
  const notice = (
    <>
      {!preview.plan.fits && <Alert type="warning" showIcon title={preview.plan.problem ?? '所选的列在纸上排不下'} description={preview.plan.suggestions.join('；')} />}
      {error && <Alert type="error" showIcon title={`导出失败：${error}`} />}
    </>
  );
  return <PrintPreview document={preview.document} onClose={() => store.closePreview()} onExportWord={preview.plan.fits ? exportWord : undefined} exportingWord={busy} notice={notice} />;
}

/** The roster's 导入 / 导出 Excel / 打印 · 导出 Word buttons, and the dialog and preview they open. */
export function RosterFileButtons({ onImport }: { onImport: () => void }) {
  return (
    <>
      <Button size="large" onClick={onImport}>
        导入
      </Button>
      <Button size="large" onClick={() => useRosterExportStore.getState().show('xlsx')}>
        导出 Excel
      </Button>
      <Button size="large" onClick={() => useRosterExportStore.getState().show('docx')}>
        打印 / 导出 Word
      </Button>
      <ExportDialog />
      <RosterPrintPreview />
    </>
  );
}
