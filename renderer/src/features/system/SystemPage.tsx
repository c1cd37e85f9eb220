/** 系统与数据: version, the data folder (opened, its paths folded away), diagnostics export, demo data behind a 演示 switch. */
import { ExperimentOutlined, FileTextOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, InputNumber, Progress, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { useAppStore } from '../../stores/appStore';
import { useSystemStore } from './systemStore';

/** Members in the roster, the recycle bin included (null while unknown); asked again when `reloadKey` changes. */
function useRosterSize(reloadKey: unknown): number | null {
  const [members, setMembers] = useState<number | null>(null);
  useEffect(() => {
    api()
      .call('demo.status')
      .then((r) => setMembers(r.members))
      .catch(() => setMembers(null));
  }, [reloadKey]);
  return members;
}

export function SystemPage() {
  const info = useAppStore((s) => s.info);
  const { diagnosticsPath, exporting, job, seeding, seedError } = useSystemStore();
  const { message, modal } = App.useApp();
  const [count, setCount] = useState<number | null>(200);
  const [infoError, setInfoError] = useState<string | null>(null);
  const [diagError, setDiagError] = useState<string | null>(null);
  const [folderShown, setFolderShown] = useState<{ folder: string; error: string } | null>(null);
  const rosterSize = useRosterSize(job?.state);
  /** The 演示 switch as the user set it; until then it is on only beside an empty roster (or while a job shows its progress). */
  const [demoSwitch, setDemoSwitch] = useState<boolean | null>(null);
  const demoOpen = demoSwitch ?? (rosterSize === 0 || job !== null);
  /** The server refuses demo data beside any member; the screen says so before anyone tries. */
  const rosterInUse = !seeding && rosterSize !== null && rosterSize > 0;

  useEffect(() => {
    useAppStore
      .getState()
      .refreshInfo()
      .catch((e: unknown) => setInfoError(errorText(e)));
  }, []);

  const openDataFolder = async () => {
    try {
      const r = await api().call('app.openFolder', { which: 'data' });
      if (r.opened) {
        setFolderShown(null);
        message.success('已打开数据文件夹');
      } else setFolderShown({ folder: r.folder, error: r.error });
    } catch (e) {
      setFolderShown({ folder: info?.dataDir ?? '', error: errorText(e) });
    }
  };

  const exportDiagnostics = async () => {
    setDiagError(null);
    try {
      await useSystemStore.getState().exportDiagnostics();
      message.success('诊断信息已导出');
    } catch (e) {
      setDiagError(errorText(e));
    }
  };

  const startSeed = () => {
    const n = count ?? 0;
    if (n < 1) return;
    modal.confirm({
      title: `生成 ${n} 名示例党员？`,
      content: '示例党员的姓名、身份证号等均为虚构，只用于试用和演示。请在单独的数据文件中使用，不要与正式数据混在一起。',
      okText: '开始生成',
      cancelText: '取消',
      onOk: () => {
        void useSystemStore.getState().startSeed(n);
      },
    });
  };

  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : job?.state === 'done' ? 100 : 0;

  return (
    <>
      <PageTitle title="系统与数据" />
      <Card title={<h3 style={{ margin: 0, fontSize: 18 }}>程序信息</h3>} style={{ marginBottom: 16 }}>
        {infoError ? <Alert type="error" showIcon title={infoError} role="alert" style={{ marginBottom: 12 }} /> : null}
        <Descriptions bordered column={1} styles={{ label: { width: 160 } }}>
          <Descriptions.Item label="程序版本">{info?.appVersion ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="数据结构版本">{info?.schemaVersion ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="数据保存位置">
            <Space wrap>
              <span>本机（不联网，不上传）</span>
              <Button icon={<FolderOpenOutlined aria-hidden="true" />} onClick={() => void openDataFolder()}>
                打开数据文件夹
              </Button>
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {folderShown ? (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            role="status"
            title={folderShown.error || '在浏览器中不能直接打开文件夹。请复制下面的位置，粘贴到文件管理器的地址栏：'}
            description={
              <Typography.Text copyable={{ text: folderShown.folder, tooltips: ['复制路径', '已复制'] }} data-testid="data-folder">
                {folderShown.folder}
              </Typography.Text>
            }
          />
        ) : null}
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'details',
              label: '详细信息（文件位置）',
              children: (
                <Descriptions bordered column={1} size="small" styles={{ label: { width: 160 } }}>
                  <Descriptions.Item label="数据文件夹">
                    <Typography.Text copyable={info ? { text: info.dataDir, tooltips: ['复制', '已复制'] } : false}>{info?.dataDir ?? '—'}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label="数据库文件">{info?.databasePath ?? '—'}</Descriptions.Item>
                </Descriptions>
              ),
            },
          ]}
        />
      </Card>

      <Card title={<h3 style={{ margin: 0, fontSize: 18 }}>导出诊断信息</h3>} style={{ marginBottom: 16 }}>
        <p>程序出现问题时，导出诊断信息并交给技术人员。诊断信息不包含党员的身份证号等个人信息。</p>
        <Button icon={<FileTextOutlined aria-hidden="true" />} size="large" loading={exporting} onClick={() => void exportDiagnostics()}>
          导出诊断信息
        </Button>
        {diagnosticsPath ? (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            role="status"
            title="诊断信息已保存到："
            description={<Typography.Text copyable={{ text: diagnosticsPath, tooltips: ['复制', '已复制'] }} data-testid="diagnostics-path">{diagnosticsPath}</Typography.Text>}
          />
        ) : null}
        {diagError ? <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={`导出失败：${diagError}`} /> : null}
      </Card>

      <Card
        title={<h3 style={{ margin: 0, fontSize: 18 }}>演示</h3>}
        extra={
          <Space>
            <label htmlFor="demo-switch">显示“生成示例数据”</label>
            <Switch id="demo-switch" checked={demoOpen} onChange={setDemoSwitch} />
          </Space>
        }
      >
        {!demoOpen ? (
          <p className="muted" style={{ margin: 0 }}>给别人演示或试用程序时使用。示例数据只能生成到空的名册中，请在单独的数据文件中使用。</p>
        ) : (
          <>
            <p>生成指定数量的示例党员（姓名、身份证号等均为虚构），用于试用和演示。示例数据只能生成到空的名册中。</p>
            {rosterInUse ? (
              <Alert
                type="warning"
                showIcon
                role="alert"
                style={{ marginBottom: 12 }}
                title={`名册中已有 ${rosterSize} 名党员（含回收站），示例数据只能生成到空的名册中。`}
                description="如果这些是正式数据，请不要在这里演示：另建一个数据文件（启动时用 --db 指定其他文件）再生成示例数据，以免示例党员混入正式名册。"
              />
            ) : null}
            <Space align="center" wrap>
              <label htmlFor="seed-count">党员人数</label>
              <InputNumber id="seed-count" min={1} max={100000} step={100} value={count} onChange={(v) => setCount(v)} style={{ width: 160 }} disabled={seeding || rosterInUse} />
              <Button type="primary" size="large" icon={<ExperimentOutlined aria-hidden="true" />} onClick={startSeed} disabled={seeding || !count || rosterInUse} loading={seeding}>
                {seeding ? '正在生成…' : '生成示例数据'}
              </Button>
            </Space>
          </>
        )}
        {job ? (
          <div style={{ marginTop: 16 }} role="status" aria-live="polite">
            <Progress
              percent={percent}
              status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'}
              aria-label="生成进度"
            />
            <div>
              {job.state === 'done' ? '已完成：' : job.state === 'failed' ? '未完成：' : '正在进行：'}
              {job.message} {job.total > 0 ? `（${job.done} / ${job.total}）` : ''}
            </div>
          </div>
        ) : null}
        {seedError ? <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={`生成示例数据失败：${seedError}`} /> : null}
      </Card>
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default SystemPage;
