/**
 * 导入交接包: pick the file, open it (with its password if it has one), see what it holds and what it
 * would change, settle every conflict side by side, then import (after an automatic backup).
 */
import { CheckCircleFilled, FolderOpenOutlined, ImportOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Descriptions, Form, Input, Radio, Result, Space, Table } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ConflictItem, ImportPreview, Resolution, TableCounts } from '../../../../shared/contract/handover';
import { ApiError, errorText } from '../../api';
import { formatTime } from '../../components/dates';
import { useAppStore } from '../../stores/appStore';
import { useHandoverStore, type StagedPackage } from './handoverStore';
import { reloadAppData } from '../../app/reloadAppData';
import { readAsBase64, showValue } from '../../components/files';

const MAX_FILE_BYTES = 700 * 1024 * 1024;

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'password'; fileName: string; data: string; error: string | null }
  | { kind: 'refused'; fileName: string; message: string }
  | { kind: 'preview'; staged: StagedPackage }
  | { kind: 'done'; staged: StagedPackage; preview: ImportPreview; backup: string; choices: Record<string, Resolution> };

function periodText(p: { from: string | null; to: string | null }): string {
  if (!p.from && !p.to) return '全部时间';
  return `${p.from ?? '最早'} 至 ${p.to ?? '今天'}`;
}

/** 'branch-desk-20261125-095040-999-before-import.sqlite' -> '2026-11-25 09:50:40 的导入前备份'. */
function backupLabel(name: string): string {
  const m = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-\d{3}-/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} 的导入前备份` : name;
}

export function PackageIdentity({ preview }: { preview: ImportPreview }) {
  const m = preview.package;
  return (
    <Descriptions bordered size="small" column={2} styles={{ label: { width: 120 } }} aria-label="交接包信息">
      <Descriptions.Item label="支部">{m.branch.name}</Descriptions.Item>
      <Descriptions.Item label="所属党委">{m.branch.parentCommittee || '—'}</Descriptions.Item>
      <Descriptions.Item label="导出时间">{formatTime(m.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="交接人">{m.createdBy || '未填写'}</Descriptions.Item>
      <Descriptions.Item label="时间范围">{periodText(m.period)}</Descriptions.Item>
      <Descriptions.Item label="包含数据">{m.tables.map((t) => t.label).join('、')}</Descriptions.Item>
      <Descriptions.Item label="签名" span={2}>
        <span data-testid="package-fingerprint">{preview.trust.fingerprint ? `密钥指纹 ${preview.trust.fingerprint}` : '未签名'}</span>
        <span className="muted">（{trustLabel(preview.trust)}）</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

const TRUST_LABELS: Record<ImportPreview['trust']['status'], string> = {
  own: '本机导出的',
  pinned: '与本机记住的该支部密钥一致',
  new: '首次收到该支部的交接包，导入后记住这个密钥',
  changed: '与本机记住的该支部密钥不同',
  unsigned: '旧版本导出，无法确认来源',
};

/** A re-export is signed by the branch that passed it on (a committee): the label names that branch. */
function trustLabel(trust: ImportPreview['trust']): string {
  const relay = trust.relayedBy?.name;
  if (!relay || trust.status === 'own') return TRUST_LABELS[trust.status];
  const judged = { pinned: '与本机记住的密钥一致', new: '首次收到，导入后记住这个密钥', changed: '本机还不认识这个密钥', unsigned: '' }[trust.status];
  return `由“${relay}”转来，签名是“${relay}”的：${judged}`;
}

/** What the signature means for this import; a changed key must be accepted explicitly (the choice is logged in main). */
function TrustNotice({ preview, accepted, onAccept }: { preview: ImportPreview; accepted: boolean; onAccept: (v: boolean) => void }) {
  const { trust } = preview;
  if (!trust.notice) return null;
  const warn = trust.status === 'changed' || trust.status === 'unsigned';
  return (
    <Alert
      type={warn ? 'warning' : 'info'}
      showIcon
      style={{ marginTop: 12 }}
      title={
        trust.status === 'changed'
          ? trust.relayedBy && !trust.pinnedFingerprint ? '转来的交接包：请确认签名密钥' : '签名密钥变了'
          : trust.status === 'unsigned' ? '未签名的交接包' : trust.takesOverKey ? '接管支部的签名密钥' : '签名密钥'
      }
      description={
        <>
          <div>{trust.notice}</div>
          {trust.status === 'changed' ? (
            <Checkbox checked={accepted} onChange={(e) => onAccept(e.target.checked)} style={{ marginTop: 8 }} data-testid="accept-new-key">
              我已打电话与对方核对，新指纹 {trust.fingerprint} 无误，接受新的签名密钥
            </Checkbox>
          ) : null}
        </>
      }
    />
  );
}

function CountsTable({ preview }: { preview: ImportPreview }) {
  const rows = Object.entries(preview.tables).map(([name, c]) => ({ name, ...c }));
  const num = (v: number, strong = false) => (v === 0 ? <span className="muted">0</span> : strong ? <strong>{v}</strong> : v);
  return (
    <Table<TableCounts & { name: string }>
      aria-label="各类数据的变化"
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 760 }}
      columns={[
        { title: '数据', dataIndex: 'label' },
        { title: '新增', dataIndex: 'new', width: 90, align: 'right', render: (v: number) => num(v, true) },
        { title: '更新', dataIndex: 'updated', width: 90, align: 'right', render: (v: number) => num(v, true) },
        {
          title: '未变',
          dataIndex: 'unchanged',
          width: 170,
          align: 'right',
          render: (v: number, r) => (
            <>
              {num(v)}
              {r.localNewer > 0 ? <span className="muted">（其中本机较新 {r.localNewer}）</span> : null}
            </>
          ),
        },
        {
          title: '冲突',
          dataIndex: 'conflicts',
          width: 90,
          align: 'right',
          render: (v: number) => (v > 0 ? <strong style={{ color: '#ad5c00' }}>{v} 处</strong> : num(v)),
        },
      ]}
    />
  );
}

function ConflictCard({ item, choice, onChoose }: { item: ConflictItem; choice: Resolution | undefined; onChoose: (r: Resolution) => void }) {
  const headingId = `conflict-${item.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const why =
    item.kind === 'duplicate'
      ? '交接包里有一条与本机记录是同一人（身份证号相同）的另一条记录。'
      : '自上次交接以来，本机和交接包都修改了这条记录。';
  return (
    <section className={`conflict-card${choice ? ' conflict-card-done' : ''}`} aria-labelledby={headingId}>
      <h4 id={headingId} className="conflict-title">
        {item.tableLabel}：{item.label}
        {choice ? (
          <span className="conflict-chosen">
            <CheckCircleFilled aria-hidden="true" /> 已选择{choice === 'local' ? '保留本机' : '采用交接包'}
          </span>
        ) : null}
      </h4>
      <p className="muted" style={{ margin: '0 0 8px' }}>
        {why}本机修改于 {formatTime(item.localUpdatedAt)}，交接包修改于 {formatTime(item.packageUpdatedAt)}。
      </p>
      <table className="conflict-table">
        <caption className="sr-only">{item.label}：本机与交接包不同的内容</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col" className={choice === 'local' ? 'chosen' : undefined}>
              本机
            </th>
            <th scope="col" className={choice === 'package' ? 'chosen' : undefined}>
              交接包
            </th>
          </tr>
        </thead>
        <tbody>
          {item.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.label}</th>
              <td className={choice === 'local' ? 'chosen' : undefined}>{showValue(f.local)}</td>
              <td className={choice === 'package' ? 'chosen' : undefined}>{showValue(f.package)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="conflict-choice">
        <span id={`${headingId}-q`}>保留哪个版本：</span>
        <Radio.Group
          aria-labelledby={`${headingId} ${headingId}-q`}
          value={choice ?? null}
          onChange={(e) => onChoose(e.target.value as Resolution)}
          optionType="button"
          buttonStyle="solid"
        >
          <Radio value="local">保留本机</Radio>
          <Radio value="package">采用交接包</Radio>
        </Radio.Group>
      </div>
    </section>
  );
}

export function ImportPanel({ firstStart = false }: { firstStart?: boolean }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [password, setPassword] = useState('');
  const [choices, setChoices] = useState<Record<string, Resolution>>({});
  const [acceptNewKey, setAcceptNewKey] = useState(false);
  const [busy, setBusy] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const localBranchId = useAppStore((s) => s.branch?.id ?? null);

  const open = async (fileName: string, data: string, pw: string | null) => {
    setBusy(true);
    try {
      const staged = await useHandoverStore.getState().preview(data, fileName, pw);
      setChoices({});
      setAcceptNewKey(false);
      setImportError(null);
      setPhase({ kind: 'preview', staged });
    } catch (e) {
      const reason = e instanceof ApiError ? e.reason : undefined;
      if (reason === 'password-required' || reason === 'wrong-password') {
        setPhase({ kind: 'password', fileName, data, error: reason === 'wrong-password' ? errorText(e) : null });
      } else {
        setPhase({ kind: 'refused', fileName, message: errorText(e) });
      }
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setPassword('');
    if (file.size > MAX_FILE_BYTES) {
      setPhase({ kind: 'refused', fileName: file.name, message: '文件过大（超过 700 MB），这不是支部工作台的交接包' });
      return;
    }
    setPhase({ kind: 'reading', fileName: file.name });
    try {
      const data = await readAsBase64(file);
      await open(file.name, data, null);
    } catch (e) {
      setPhase({ kind: 'refused', fileName: file.name, message: errorText(e) });
    }
  };

  // Asked for the password, or told it was wrong: the field has the focus, its text selected to type again.
  // A preview, a refusal or the result: the focus moves to it, so keyboard and screen-reader users land there.
  useEffect(() => {
    if (phase.kind === 'password') {
      const el = document.getElementById('import-password') as HTMLInputElement | null;
      el?.focus();
      el?.select();
    } else if (phase.kind === 'preview' || phase.kind === 'done' || phase.kind === 'refused') {
      document.getElementById(`import-${phase.kind}-focus`)?.focus();
    }
  }, [phase]);

  const choose = () => {
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.click();
    }
  };

  const conflicts = phase.kind === 'preview' ? phase.staged.preview.conflicts : [];
  const unresolved = conflicts.filter((c) => !choices[c.key]).length;
  const keyPending = phase.kind === 'preview' && phase.staged.preview.trust.status === 'changed' && !acceptNewKey;

  const doImport = async () => {
    if (phase.kind !== 'preview' || unresolved > 0 || keyPending) return;
    setBusy(true);
    setImportError(null);
    try {
      const r = await useHandoverStore.getState().importPackage(phase.staged, choices, acceptNewKey);
      setPhase({ kind: 'done', staged: phase.staged, preview: r.preview, backup: r.backup, choices });
      await reloadAppData();
    } catch (e) {
      setImportError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const setAll = (r: Resolution) => setChoices(Object.fromEntries(conflicts.map((c) => [c.key, r])));

  const fileField = (
      <input
        ref={fileInput}
        type="file"
        accept=".zbk"
        aria-label="选择交接包文件"
        data-testid="package-file"
        style={{ display: 'none' }}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
  );
  const picker = (
      <Button size="large" type={phase.kind === 'idle' ? 'primary' : 'default'} icon={<FolderOpenOutlined aria-hidden="true" />} onClick={choose} loading={phase.kind === 'reading'}>
        {phase.kind === 'idle' ? '选择交接包文件…' : '重新选择文件…'}
      </Button>
  );

  if (phase.kind === 'done') {
    const totals = Object.values(phase.preview.tables).reduce((s, c) => ({ new: s.new + c.new, updated: s.updated + c.updated }), { new: 0, updated: 0 });
    const kept = Object.values(phase.choices);
    const parts = [
      totals.new ? `新增 ${totals.new} 条` : '',
      totals.updated ? `更新 ${totals.updated} 条` : '',
      kept.length
        ? `${kept.length} 处冲突中采用交接包 ${kept.filter((k) => k === 'package').length} 处、保留本机 ${kept.filter((k) => k === 'local').length} 处`
        : '',
    ].filter(Boolean);
    const summary = parts.length ? parts.join('，') : '本机已有其中的全部内容，没有变化';
    return (
      <Result
        status="success"
        role="status"
        title={
          <h3 style={{ margin: 0, fontSize: 22 }} id="import-done-focus" tabIndex={-1}>
            交接包已导入
          </h3>
        }
        subTitle={
          <div style={{ fontSize: 16, color: 'rgba(0,0,0,0.85)', textAlign: 'left', maxWidth: 720, margin: '0 auto' }}>
            <p>
              已导入“{phase.preview.package.branch.name}”的交接包：{summary}。
              {kept.length ? '没有采用的版本已记入变更记录，不会丢失。' : ''}
            </p>
            <p data-testid="import-backup">
              导入前已自动备份当前数据：<strong>{backupLabel(phase.backup)}</strong>
              <span className="muted">（{phase.backup}）</span>。如果需要，可以在“备份与恢复”中恢复到导入前的状态。
            </p>
          </div>
        }
        extra={
          firstStart ? null : (
            <Button size="large" onClick={() => setPhase({ kind: 'idle' })}>
              导入另一个交接包
            </Button>
          )
        }
      />
    );
  }

  return (
    <div style={{ maxWidth: 1000 }}>
      <p style={{ marginTop: 0 }}>
        选择别人交给您的交接包文件（.zbk）。导入前会先显示其中的内容和将要发生的变化，您确认后才会写入；写入前程序会自动备份当前数据。
      </p>
      {fileField}
      <Space align="center" wrap style={{ marginBottom: 16 }}>
        {picker}
        {phase.kind !== 'idle' ? (
          <span>
            已选择：<strong>{phase.kind === 'preview' ? phase.staged.fileName : phase.fileName}</strong>
          </span>
        ) : null}
      </Space>

      {phase.kind === 'refused' ? (
        <div id="import-refused-focus" tabIndex={-1}>
          <Alert type="error" showIcon role="alert" title="无法导入这个文件" description={phase.message} style={{ marginBottom: 16 }} />
        </div>
      ) : null}

      {phase.kind === 'password' ? (
        <Form
          layout="vertical"
          aria-label="打开设有密码的交接包"
          onFinish={() => void open(phase.fileName, phase.data, password)}
          style={{ maxWidth: 520 }}
        >
          <Alert
            type="info"
            showIcon
            icon={<LockOutlined aria-hidden="true" />}
            title="这个交接包设置了密码"
            description="请输入导出交接包的人告诉您的密码。"
            style={{ marginBottom: 16 }}
          />
          <Form.Item
            label="交接包密码"
            htmlFor="import-password"
            validateStatus={phase.error ? 'error' : undefined}
            help={phase.error ? <span role="alert">{phase.error}</span> : undefined}
          >
            <Input.Password
              id="import-password"
              value={password}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => setPassword(e.target.value)}
            />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={busy} disabled={!password} style={{ marginTop: 8 }}>
            打开交接包
          </Button>
        </Form>
      ) : null}

      {phase.kind === 'preview' ? (
        <>
          <h3 className="form-section-title" id="import-preview-focus" tabIndex={-1}>
            交接包信息
          </h3>
          <PackageIdentity preview={phase.staged.preview} />
          <TrustNotice preview={phase.staged.preview} accepted={acceptNewKey} onAccept={setAcceptNewKey} />
          {phase.staged.preview.encrypted ? null : (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="not-encrypted"
              title="这个交接包没有加密：其中的姓名、身份证号、联系电话任何人都能读取。"
              description="导入后，请把U盘上的这个文件删除或妥善保管；以后交接时请设置密码。"
            />
          )}
          {phase.staged.preview.becomesLocalBranch ? (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              title={`本机还没有支部数据。导入后，本机就是“${phase.staged.preview.package.branch.name}”的工作台。`}
            />
          ) : localBranchId && phase.staged.preview.package.branch.id !== localBranchId ? (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              title="这是另一个支部的数据。导入后作为其他支部单独保存，不会改动本支部的数据；可在“支部对比”和名册的“支部”选择中查看。"
            />
          ) : null}

          <h3 className="form-section-title" style={{ marginTop: 20 }}>
            导入后的变化
          </h3>
          <CountsTable preview={phase.staged.preview} />

          {conflicts.length ? (
            <>
              <h3 className="form-section-title" style={{ marginTop: 20 }}>
                需要您选择的冲突（{conflicts.length} 处）
              </h3>
              <p style={{ marginTop: 0 }}>
                下面这些记录在本机和交接包里被改得不一样。请逐条选择保留哪个版本；没有选中的版本会记入变更记录，不会丢失。
              </p>
              <Space wrap style={{ marginBottom: 12 }}>
                <Button onClick={() => setAll('local')}>全部保留本机</Button>
                <Button onClick={() => setAll('package')}>全部采用交接包</Button>
              </Space>
              {conflicts.map((c) => (
                <ConflictCard key={c.key} item={c} choice={choices[c.key]} onChoose={(r) => setChoices((s) => ({ ...s, [c.key]: r }))} />
              ))}
            </>
          ) : null}

          {importError ? <Alert type="error" showIcon role="alert" title={`导入失败：${importError}`} style={{ marginTop: 16 }} /> : null}
          <div className="form-footer" style={{ position: 'static', background: 'transparent' }}>
            <span role="status" aria-live="polite" style={{ marginRight: 'auto', alignSelf: 'center', fontSize: 16 }}>
              {unresolved > 0 ? `还有 ${unresolved} 处冲突没有选择，选择后才能导入。` : keyPending ? '签名密钥变了：核对新指纹并勾选接受后才能导入。' : ''}
            </span>
            <Button size="large" onClick={() => setPhase({ kind: 'idle' })}>
              取消
            </Button>
            <Button type="primary" size="large" icon={<ImportOutlined aria-hidden="true" />} loading={busy} disabled={unresolved > 0 || keyPending} onClick={() => void doImport()}>
              确认导入
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
