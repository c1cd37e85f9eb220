/** 导入名册: pick a spreadsheet, check the preview (correcting the column mapping), confirm, then see the result. */
import { openScreen } from '../../app/screens';
import { CheckCircleFilled, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Radio, Result, Select, Spin, Steps, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SheetPreview, SheetPreviewRow } from '../../../../shared/contract/rosterFiles';
import { PageTitle } from '../../components/PageTitle';
import { useAppStore } from '../../stores/appStore';
import { useCommitteeStore } from '../committee/committeeStore';
import { useRosterImportStore } from './rosterImportStore';
import { DEFAULT_FILTERS, queryOfFilters } from '../roster/rosterStore';
import { readAsBase64, showValue } from '../../components/files';
import './rosterFiles.css';

const OUTCOME: Record<SheetPreviewRow['outcome'], { label: string; className: string }> = {
  new: { label: '新增', className: 'outcome outcome-new' },
  update: { label: '更新', className: 'outcome outcome-update' },
  unchanged: { label: '未变', className: 'outcome outcome-unchanged' },
  invalid: { label: '有问题', className: 'outcome outcome-invalid' },
};
const NOT_IMPORTED = '__none__';
const STEP_INDEX = { pick: 0, preview: 1, done: 2 } as const;

export function OutcomeTag({ outcome }: { outcome: SheetPreviewRow['outcome'] }) {
  const o = OUTCOME[outcome];
  return <span className={o.className}>{o.label}</span>;
}

/** Whether the database holds more than one branch (a committee's): then the import names its target branch. */
const useSeveralBranches = () => useCommitteeStore((s) => s.branches.length > 1);

/** 导入到支部: shown only when the database holds more than one branch; null in the store = the local branch. */
function TargetSelect({ disabled }: { disabled?: boolean }) {
  const branches = useCommitteeStore((s) => s.branches);
  const target = useRosterImportStore((s) => s.target);
  if (branches.length < 2) return null;
  const local = branches.find((b) => b.isLocal);
  return (
    <div className="import-target">
      <span id="import-target-label" className="import-target-label">
        导入到支部
      </span>
      <Select<string>
        aria-labelledby="import-target-label"
        style={{ width: 380 }}
        disabled={disabled}
        value={target ?? local?.id}
        options={branches.map((b) => ({ value: b.id, label: b.isLocal ? `${b.name}（本支部）` : b.name }))}
        onChange={(v) => void useRosterImportStore.getState().setTarget(v === local?.id ? null : v)}
        popupMatchSelectWidth={false}
      />
      <span className="muted">表格中的党员按身份证号在这个支部的名册中核对：已有的更新，没有的新增到这个支部。</span>
    </div>
  );
}

function PickStep() {
  const input = useRef<HTMLInputElement>(null);
  const loading = useRosterImportStore((s) => s.loading);
  const fileName = useRosterImportStore((s) => s.fileName);
  const [readError, setReadError] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setReadError(null);
    if (!/\.(xlsx|xls|csv)$/i.test(file.name)) {
      setReadError(`“${file.name}”不是表格文件。请选择 Excel（.xlsx、.xls）或 CSV 文件。`);
      return;
    }
    try {
      const data = await readAsBase64(file);
      await useRosterImportStore.getState().preview_(data, file.name);
    } catch (e) {
      setReadError(e instanceof Error ? e.message : '无法读取所选文件');
    }
  };

  const [over, setOver] = useState(false);
  return (
    <section
      className={over ? 'import-pick drop-over' : 'import-pick'}
      aria-labelledby="import-pick-title"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void onFile(e.dataTransfer.files[0]);
      }}
    >
      <h3 id="import-pick-title" className="form-section-title">
        第一步：选择名册文件
      </h3>
      <p>
        请选择已有的党员花名册表格：Excel 文件（.xlsx 或旧版 .xls）或 CSV 文件。表格第一行可以是标题，程序会自动找到表头（姓名、性别、身份证号……）。
      </p>
      <p>选好后会先显示预览，核对无误并点“确认导入”后才会写入名册；写入前会自动备份现有数据。也可以把文件直接拖到这里。</p>
      <TargetSelect disabled={loading} />
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xls,.csv"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file-input"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Button type="primary" size="large" icon={<UploadOutlined aria-hidden="true" />} loading={loading} onClick={() => input.current?.click()}>
        选择表格文件…
      </Button>
      {loading ? (
        <p role="status" className="import-reading">
          正在读取“{fileName}”，请稍候…
        </p>
      ) : null}
      {readError ? <Alert type="error" showIcon role="alert" title={readError} style={{ marginTop: 16 }} /> : null}
    </section>
  );
}

function Counts({ preview }: { preview: SheetPreview }) {
  const c = preview.counts;
  const items = [
    { key: 'new', label: '新增', value: c.new, className: 'count-new' },
    { key: 'update', label: '更新', value: c.updated, className: 'count-update' },
    { key: 'unchanged', label: '未变', value: c.unchanged, className: 'count-unchanged' },
    { key: 'invalid', label: '有问题', value: c.invalid, className: 'count-invalid' },
  ];
  return (
    <ul className="import-counts" aria-label="预览结果">
      {items.map((i) => (
        <li key={i.key} className={i.className} data-testid={`count-${i.key}`}>
          <span className="count-label">{i.label}</span>
          <span className="count-value">{i.value}</span>
          <span className="count-unit">人</span>
        </li>
      ))}
    </ul>
  );
}

const SKIPPED_LABELS: Record<SheetPreview['skipped'][number]['reason'], string> = {
  blank: '空行',
  footer: '合计或签字行',
  instructions: '填写说明',
};

/** The rows with content by number and reason (at most 8), the blank rows only counted. */
function describeSkipped(skipped: SheetPreview['skipped']): string {
  const named = skipped.filter((s) => s.reason !== 'blank');
  const blank = skipped.length - named.length;
  const parts = named.slice(0, 8).map((s) => `第 ${s.row} 行（${SKIPPED_LABELS[s.reason]}${s.text ? `“${s.text}”` : ''}）`);
  if (named.length > 8) parts.push(`等 ${named.length} 行`);
  if (blank) parts.push(named.length ? `另有 ${blank} 行空行` : `${blank} 行空行`);
  return parts.join('、');
}

function MappingTable({ preview }: { preview: SheetPreview }) {
  const mapping = useRosterImportStore((s) => s.mapping);
  const loading = useRosterImportStore((s) => s.loading);
  const options = useMemo(
    () => [{ value: NOT_IMPORTED, label: '（不导入）' }, ...preview.fields.map((f) => ({ value: f.key, label: f.label }))],
    [preview.fields],
  );
  const letters = Object.keys(preview.headers);
  return (
    <table className="mapping-table">
      <caption className="sr-only">表格的列与名册项目的对应</caption>
      <thead>
        <tr>
          <th scope="col">列</th>
          <th scope="col">表格中的列名</th>
          <th scope="col">导入为名册中的</th>
          <th scope="col">依据</th>
        </tr>
      </thead>
      <tbody>
        {letters.map((l) => {
          const header = preview.headers[l] ?? '';
          const value = mapping[l] ?? null;
          const reason = preview.reasons[l];
          return (
            <tr key={l} className={value ? undefined : 'mapping-unused'}>
              <td className="mapping-letter">{l}</td>
              <td>{header || <span className="muted">（无列名）</span>}</td>
              <td>
                <Select<string>
                  aria-label={`${l} 列“${header}”导入为`}
                  style={{ width: 220 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={loading}
                  value={value ?? NOT_IMPORTED}
                  options={options}
                  onChange={(v) => void useRosterImportStore.getState().remap(l, v === NOT_IMPORTED ? null : v)}
                />
              </td>
              <td className={`mapping-reason mapping-by-${reason?.by ?? 'none'}`} data-testid={`mapping-reason-${l}`}>
                {reason?.text ?? ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RowNotes({ row }: { row: SheetPreviewRow }) {
  if (!row.problems.length && !row.changes.length && !row.notes.length) return <span className="muted">—</span>;
  return (
    <div className="row-notes">
      {row.problems.length ? (
        <ul className="row-problems">
          {row.problems.map((p, i) => (
            <li key={i}>{p.text}</li>
          ))}
        </ul>
      ) : null}
      {row.changes.length ? (
        <ul className="row-changes" aria-label="将修改">
          {row.changes.map((c, i) => (
            <li key={i}>
              {c.label}：<span className="change-before">{showValue(c.before)}</span>
              <span aria-hidden="true"> → </span>
              <span className="sr-only">改为</span>
              <strong>{showValue(c.after)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {row.notes.length ? (
        <ul className="row-hints">
          {row.notes.map((n, i) => (
            <li key={i}>{n.text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type RowFilter = 'all' | SheetPreviewRow['outcome'];

function RowsTable({ preview }: { preview: SheetPreview }) {
  const [filter, setFilter] = useState<RowFilter>(preview.counts.invalid > 0 ? 'invalid' : 'all');
  const rows = filter === 'all' ? preview.rows : preview.rows.filter((r) => r.outcome === filter);
  const columns: ColumnsType<SheetPreviewRow> = [
    { title: '行号', dataIndex: 'row', width: 80, render: (v: number) => `第 ${v} 行` },
    { title: '结果', dataIndex: 'outcome', width: 96, render: (v: SheetPreviewRow['outcome']) => <OutcomeTag outcome={v} /> },
    { title: '姓名', dataIndex: 'name', width: 120, render: (v: string) => <strong>{v || '（无姓名）'}</strong> },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 200, render: (v: string) => <span className="mono">{v || '—'}</span> },
    { title: '问题或修改', key: 'notes', render: (_: unknown, r) => <RowNotes row={r} /> },
  ];
  const c = preview.counts;
  return (
    <>
      <div className="filter-bar" style={{ alignItems: 'center' }}>
        <span id="row-filter-label">显示：</span>
        <Radio.Group
          aria-labelledby="row-filter-label"
          optionType="button"
          value={filter}
          onChange={(e) => setFilter(e.target.value as RowFilter)}
          options={[
            { value: 'all', label: `全部（${preview.rows.length}）` },
            { value: 'invalid', label: `有问题（${c.invalid}）` },
            { value: 'new', label: `新增（${c.new}）` },
            { value: 'update', label: `更新（${c.updated}）` },
            { value: 'unchanged', label: `未变（${c.unchanged}）` },
          ]}
        />
      </div>
      <Table<SheetPreviewRow>
        aria-label="预览的各行"
        rowKey="row"
        size="middle"
        columns={columns}
        dataSource={rows}
        rowClassName={(r) => `preview-row preview-${r.outcome}`}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (t) => `共 ${t} 行` } : false}
        locale={{ emptyText: '没有这类行' }}
      />
    </>
  );
}

function PreviewStep({ preview }: { preview: SheetPreview }) {
  const loading = useRosterImportStore((s) => s.loading);
  const applying = useRosterImportStore((s) => s.applying);
  const skipInvalid = useRosterImportStore((s) => s.skipInvalid);
  const error = useRosterImportStore((s) => s.error);
  const c = preview.counts;
  const writes = c.new + c.updated;
  const missing = preview.missingFields;
  const several = useSeveralBranches();
  const into = several ? `到“${preview.branchName}”` : '';

  let blocked: string | null = null;
  if (missing.length) blocked = `还不能导入：表格中缺少必填的“${missing.map((m) => m.label).join('”“')}”。请在上面的列对应中为它选好对应的列。`;
  else if (c.invalid > 0 && !skipInvalid)
    blocked = `还不能导入：有 ${c.invalid} 行有问题。请先在表格中改正后重新选择文件，或勾选“只导入没有问题的行”。`;
  else if (writes === 0) blocked = '没有需要写入的内容：表格中的党员与名册完全一致。';

  const skippedText = describeSkipped(preview.skipped);

  return (
    <Spin spinning={applying} tip="正在写入名册，请稍候…" size="large">
      <div className="import-preview" aria-busy={loading || applying}>
        <p className="import-file-line">
          <FileExcelOutlined aria-hidden="true" /> 文件：<strong>{preview.fileName}</strong>
          {preview.sheetName ? `，工作表“${preview.sheetName}”` : ''}，表头在第 {preview.headerRow} 行。
          <Button type="link" onClick={() => useRosterImportStore.getState().reset()}>
            换一个文件
          </Button>
        </p>
        <TargetSelect disabled={loading || applying} />
        <div role="status" aria-live="polite" className="import-status">
          {loading ? '正在按新的列对应重新预览…' : `预览完成：新增 ${c.new} 人，更新 ${c.updated} 人，未变 ${c.unchanged} 人，有问题 ${c.invalid} 行。`}
        </div>
        <Counts preview={preview} />

        <h3 className="form-section-title">列对应（程序猜测的，请核对）</h3>
        <p className="muted">如果某一列对应错了，或者显示“（不导入）”的列其实需要导入，请在右边重新选择；预览会立即更新。</p>
        {missing.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`表格中没有找到必填的“${missing.map((m) => m.label).join('”“')}”`}
            description="可能是表格中这一列的名称不常见（例如把“学历”写作“文化”）。请在下面找到这一列，把它选为对应的项目。"
          />
        ) : null}
        <MappingTable preview={preview} />

        <h3 className="form-section-title" style={{ marginTop: 24 }}>
          各行预览
        </h3>
        {preview.skipped.length ? (
          <p className="import-skipped">
            已跳过 {preview.skipped.length} 行空行、合计行或填写说明，不会导入：{skippedText}。
          </p>
        ) : null}
        <RowsTable key={preview.stagingId} preview={preview} />

        <div className="import-confirm">
          {c.invalid > 0 ? (
            <Checkbox checked={skipInvalid} onChange={(e) => useRosterImportStore.getState().setSkipInvalid(e.target.checked)}>
              只导入没有问题的行（跳过有问题的 {c.invalid} 行）
            </Checkbox>
          ) : null}
          {blocked ? (
            <p id="import-blocked" className="import-blocked">
              {blocked}
            </p>
          ) : (
            <p className="import-ready">
              将新增 {c.new} 人、更新 {c.updated} 人{into}{c.invalid > 0 ? `，跳过有问题的 ${c.invalid} 行` : ''}。写入前会自动备份现有数据。
            </p>
          )}
          {error ? <Alert type="error" showIcon role="alert" title={`导入失败：${error}`} /> : null}
          <div style={{ display: 'flex', gap: 12 }}>
            <Button
              type="primary"
              size="large"
              disabled={!!blocked || loading}
              loading={applying}
              aria-describedby={blocked ? 'import-blocked' : undefined}
              onClick={() => void useRosterImportStore.getState().apply()}
            >
              确认导入
            </Button>
            <Button size="large" onClick={() => useRosterImportStore.getState().reset()}>
              取消
            </Button>
          </div>
        </div>
      </div>
    </Spin>
  );
}

function DoneStep() {
  const result = useRosterImportStore((s) => s.result);
  const several = useSeveralBranches();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!result) return null;
  return (
    <Result
      status="success"
      icon={<CheckCircleFilled aria-hidden="true" />}
      title={
        <h3 ref={heading} tabIndex={-1} className="import-done-title">
          导入完成
        </h3>
      }
      subTitle={
        <div className="import-done-text" role="status">
          {several ? <p>已导入到“{result.branchName}”。</p> : null}
          <p>
            新增 {result.inserted} 人，更新 {result.updated} 人，未变 {result.unchanged} 人
            {result.skipped ? `，未导入有问题的 ${result.skipped} 行` : ''}。
          </p>
          <p>
            {result.backup
              ? `导入前已自动备份原有数据：“${result.backup}”。如需撤销，可在“备份与恢复”中恢复这个备份。`
              : '导入前名册为空，无需备份。'}
          </p>
        </div>
      }
      extra={[
        <Button
          key="roster"
          type="primary"
          size="large"
          onClick={() => {
            useRosterImportStore.getState().reset();
            // The roster shows the branch imported into (null: the local one).
            const local = useCommitteeStore.getState().branches.find((b) => b.isLocal);
            const branchId = several && result.branchId !== local?.id ? result.branchId : null;
            void useCommitteeStore.getState().loadBranches();
            openScreen('roster', queryOfFilters({ ...DEFAULT_FILTERS, branchId }));
          }}
        >
          查看党员名册
        </Button>,
        <Button key="again" size="large" onClick={() => useRosterImportStore.getState().reset()}>
          再导入一个文件
        </Button>,
      ]}
    />
  );
}

export function ImportPage() {
  const step = useRosterImportStore((s) => s.step);
  // A new visit starts at the branch the roster shows (a preview under way keeps its own).
  useEffect(() => {
    if (useRosterImportStore.getState().step !== 'preview') useRosterImportStore.getState().targetShown();
  }, []);
  const preview = useRosterImportStore((s) => s.preview);
  const error = useRosterImportStore((s) => s.error);
  return (
    <>
      <PageTitle
        title="导入名册"
        extra={
          <Button size="large" onClick={() => openScreen('roster')}>
            返回党员名册
          </Button>
        }
      />
      <Steps
        className="import-steps"
        current={STEP_INDEX[step]}
        items={[{ title: '选择文件' }, { title: '核对预览' }, { title: '完成' }]}
        aria-label="导入步骤"
      />
      <div className="import-body">
        {step === 'pick' ? (
          <>
            <PickStep />
            {error ? <Alert type="error" showIcon role="alert" title={`无法读取这个表格：${error}`} style={{ marginTop: 16 }} /> : null}
          </>
        ) : null}
        {step === 'preview' && preview ? <PreviewStep preview={preview} /> : null}
        {step === 'done' ? <DoneStep /> : null}
      </div>
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default ImportPage;
