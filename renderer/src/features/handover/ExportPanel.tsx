/** 导出交接包: the whole branch or some of its data, an optional period and password, then a file to keep. */
import { ExportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useCommitteeStore } from '../committee/committeeStore';
import { errorText } from '../../api';
import { fromDayjs } from '../../components/dates';
import { useHandoverStore } from './handoverStore';
import { downloadBase64 } from '../../components/files';
import { EXPORT_CHOICES } from './tables';

interface Problems {
  tables?: string;
  to?: string;
  password?: string;
  confirm?: string;
}

export function ExportPanel() {
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<string[]>(EXPORT_CHOICES.map((c) => c.key));
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [to, setTo] = useState<Dayjs | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [createdBy, setCreatedBy] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ fileName: string; withPassword: boolean; forSuccessor: boolean; rows: number } | null>(null);
  /** 交给接任者: the package carries the branch's signing key (own branch only, password required). */
  const [recipient, setRecipient] = useState<'copy' | 'successor'>('copy');
  const branches = useCommitteeStore((s) => s.branches);
  /** null: the local branch; otherwise an imported branch's id (only offered when the database holds several). */
  const [branchId, setBranchId] = useState<string | null>(null);
  const chosenBranch = branchId ? branches.find((b) => b.id === branchId) : undefined;
  const forSuccessor = !chosenBranch && recipient === 'successor';
  const { modal } = App.useApp();
  useEffect(() => {
    void useCommitteeStore.getState().loadBranches();
  }, []);

  const check = (): Problems => {
    const p: Problems = {};
    if (scope === 'some' && chosen.length === 0) p.tables = '请至少选择一项要导出的数据';
    if (from && to && from.isAfter(to, 'day')) p.to = '结束日期不能早于起始日期';
    if (forSuccessor && !password) p.password = '交给接任者时必须设置密码';
    else if (password && password.length < 4) p.password = '密码至少 4 位';
    if (password !== confirm) p.confirm = '两次输入的密码不一致';
    return p;
  };

  const onExport = async () => {
    const p = check();
    setProblems(p);
    setDone(null);
    setError(null);
    const first = (['tables', 'to', 'password', 'confirm'] as const).find((k) => p[k]);
    if (first) {
      document.getElementById(`export-${first}`)?.focus();
      return;
    }
    if (!password) {
      askWithoutPassword();
      return;
    }
    await writePackage();
  };

  /** A package without a password is asked about once per export: it carries members' personal data. */
  const askWithoutPassword = () => {
    let toPassword = false;
    modal.confirm({
      title: '不设密码导出交接包？',
      content: (
        <>
          <p>交接包里有党员的个人信息：姓名、身份证号、联系电话等。U盘可能丢失或被别人拿到，没有密码时任何人都能打开这些信息。</p>
          <p style={{ marginBottom: 0 }}>建议设置密码，并把密码另行告诉接收人。</p>
        </>
      ),
      okText: '仍然不加密导出',
      cancelText: '设置密码',
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      width: 520,
      onOk: () => {
        void writePackage();
      },
      onCancel: () => {
        toPassword = true;
      },
      // After the dialog has given the focus back to 导出交接包: 设置密码 then moves it on to the password.
      afterClose: () => {
        if (toPassword) document.getElementById('export-password')?.focus();
      },
    });
  };

  const writePackage = async () => {
    setBusy(true);
    try {
      const tables = scope === 'some' ? EXPORT_CHOICES.filter((c) => chosen.includes(c.key)).flatMap((c) => c.tables) : null;
      const r = await useHandoverStore.getState().exportPackage({
        password: password || null,
        from: fromDayjs(from) || null,
        to: fromDayjs(to) || null,
        tables,
        createdBy: createdBy.trim() || null,
        branchId: chosenBranch ? chosenBranch.id : null,
        forSuccessor,
      });
      downloadBase64(r.data, r.fileName);
      setDone({ fileName: r.fileName, withPassword: !!password, forSuccessor, rows: r.manifest.tables.reduce((s, t) => s + t.rows, 0) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" aria-label="导出交接包" onFinish={() => void onExport()} style={{ maxWidth: 860 }}>
      <p style={{ marginTop: 0 }}>
        {chosenBranch
          ? `把“${chosenBranch.name}”的数据（由交接包导入本机）做成一个交接包文件（.zbk），可转交给上级党委，或交回该支部接任的书记。`
          : '把本支部的数据做成一个交接包文件（.zbk），用U盘交给接任的书记、上级党委，或者拷到新电脑上导入。'}
      </p>
      {branches.length > 1 ? (
        <Form.Item label="导出哪个支部" htmlFor="export-branch" extra="本机存有多个支部的数据，可以导出其中任何一个。">
          <Select<string>
            id="export-branch"
            style={{ maxWidth: 520 }}
            value={chosenBranch ? chosenBranch.id : '__local__'}
            onChange={(v) => {
              setBranchId(v === '__local__' ? null : v);
              setDone(null);
            }}
            options={branches.map((b) => ({
              value: b.isLocal ? '__local__' : b.id,
              label: b.isLocal ? `本支部：${b.name}（${b.memberCount} 人）` : `${b.name}（${b.memberCount} 人）`,
            }))}
            popupMatchSelectWidth={false}
            virtual={false}
          />
        </Form.Item>
      ) : null}
      {chosenBranch ? null : (
        <Form.Item label={<span id="export-recipient-label">交给谁</span>}>
          <Radio.Group
            aria-labelledby="export-recipient-label"
            value={recipient}
            onChange={(e) => {
              setRecipient(e.target.value as 'copy' | 'successor');
              setProblems((p) => ({ ...p, password: undefined }));
              setDone(null);
            }}
          >
            <Radio value="copy">交给上级党委，或留作副本</Radio>
            <Radio value="successor">交给接任者（移交本支部）</Radio>
          </Radio.Group>
          {forSuccessor ? (
            <Alert
              type="info"
              showIcon
              role="note"
              style={{ marginTop: 12, maxWidth: 760 }}
              title="交接包将带上本支部的签名密钥"
              description={
                <>
                  <p style={{ margin: 0 }}>
                    接任的书记导入后，就以本支部的名义签名：上级党委收到他以后的交接包时照常认得，不必再打电话核对。
                  </p>
                  <p style={{ margin: '4px 0 0' }}>
                    谁拿到这个密钥就能以本支部的名义导出交接包，所以必须设置密码；请只交给接任的书记本人，密码当面或电话告知。交给上级党委或留作副本时，请选“交给上级党委，或留作副本”，那样的交接包不带密钥。
                  </p>
                </>
              }
            />
          ) : null}
        </Form.Item>
      )}
      <Form.Item label={<span id="export-scope-label">导出哪些数据</span>}>
        <Radio.Group aria-labelledby="export-scope-label" value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'some')}>
          <Radio value="all">整个支部（全部数据）</Radio>
          <Radio value="some">选择部分数据</Radio>
        </Radio.Group>
      </Form.Item>
      {scope === 'some' ? (
        <Form.Item
          label={<span id="export-tables-label">选择要导出的数据</span>}
          validateStatus={problems.tables ? 'error' : undefined}
          help={problems.tables}
        >
          <div role="group" aria-labelledby="export-tables-label" id="export-tables" tabIndex={-1}>
            <Checkbox.Group value={chosen} onChange={(v) => { setChosen(v as string[]); setProblems((p) => ({ ...p, tables: undefined })); }} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {EXPORT_CHOICES.map((c) => (
                <Checkbox key={c.key} value={c.key}>
                  <strong>{c.label}</strong>
                  <span className="muted">（{c.hint}）</span>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </div>
        </Form.Item>
      ) : null}

      <div className="form-section-title">时间范围（可不填）</div>
      <p className="muted" style={{ marginTop: -4 }}>
        填写后，党员变动、发展步骤等带日期的记录只导出这段时间内的；党员名册等其余数据整体导出。
      </p>
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item label="起始日期" htmlFor="export-from">
            <DatePicker id="export-from" style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" value={from} onChange={setFrom} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="结束日期" htmlFor="export-to" validateStatus={problems.to ? 'error' : undefined} help={problems.to}>
            <DatePicker id="export-to" style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="年-月-日" value={to} onChange={setTo} />
          </Form.Item>
        </Col>
      </Row>

      <div className="form-section-title">{forSuccessor ? '密码保护（交给接任者时必须设置）' : '密码保护（建议设置）'}</div>
      <p style={{ marginTop: -4 }}>
        交接包里有党员的身份证号、电话等个人信息，设置密码后，即使U盘丢失，别人也打不开。密码请另行告诉接收人，不要写在U盘上。
      </p>
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item label="密码" htmlFor="export-password" validateStatus={problems.password ? 'error' : undefined} help={problems.password}>
            <Input.Password id="export-password" value={password} maxLength={200} autoComplete="new-password" onChange={(e) => { setPassword(e.target.value); setProblems((p) => ({ ...p, password: undefined, confirm: undefined })); }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="再输入一次密码" htmlFor="export-confirm" validateStatus={problems.confirm ? 'error' : undefined} help={problems.confirm}>
            <Input.Password id="export-confirm" value={confirm} maxLength={200} autoComplete="new-password" onChange={(e) => { setConfirm(e.target.value); setProblems((p) => ({ ...p, password: undefined, confirm: undefined })); }} />
          </Form.Item>
        </Col>
      </Row>

      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item label="交接人" htmlFor="export-by">
            <Input id="export-by" value={createdBy} maxLength={30} placeholder="您的姓名" onChange={(e) => setCreatedBy(e.target.value)} />
          </Form.Item>
        </Col>
      </Row>

      {error ? <Alert type="error" showIcon role="alert" title={`导出失败：${error}`} style={{ marginBottom: 16 }} /> : null}
      {done ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={`交接包已生成：${done.fileName}`}
          description={
            <>
              共 {done.rows} 条记录，已保存到“下载”位置。请把这个文件复制到U盘交给接收人。
              {done.withPassword ? '打开它需要您设置的密码。' : '这个交接包没有设置密码，请妥善保管U盘。'}
              {done.forSuccessor ? '它带有本支部的签名密钥，请只交给接任的书记本人。' : ''}
            </>
          }
        />
      ) : null}
      <Button type="primary" size="large" htmlType="submit" loading={busy} icon={<ExportOutlined aria-hidden="true" />}>
        导出交接包
      </Button>
    </Form>
  );
}
