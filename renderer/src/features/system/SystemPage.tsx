/** 系统与数据: version and data folder, diagnostics export, demo data with progress. */
import { ExperimentOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, InputNumber, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { useAppStore } from '../../stores/appStore';
import { useSystemStore } from './systemStore';

export function SystemPage() {
  const info = useAppStore((s) => s.info);
  const { diagnosticsPath, exporting, job, seeding, seedError } = useSystemStore();
  const { message, modal } = App.useApp();
  const [count, setCount] = useState<number | null>(1000);
  const [infoError, setInfoError] = useState<string | null>(null);
  const [diagError, setDiagError] = useState<string | null>(null);

  useEffect(() => {
    useAppStore
      .getState()
      .refreshInfo()
      .catch((e: unknown) => setInfoError(errorText(e)));
  }, []);

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
      content: '示例数据会加入当前名册，只用于试用和演示，请勿在正式数据中使用。',
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
          <Descriptions.Item label="数据文件夹">
            <Typography.Text copyable={info ? { text: info.dataDir, tooltips: ['复制', '已复制'] } : false}>{info?.dataDir ?? '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="数据库文件">{info?.databasePath ?? '—'}</Descriptions.Item>
        </Descriptions>
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

      <Card title={<h3 style={{ margin: 0, fontSize: 18 }}>生成示例数据</h3>}>
        <p>用于试用和演示：生成指定数量的示例党员（姓名、身份证号等均为虚构）。示例数据只能生成到空的名册中，请在单独的数据文件中使用。</p>
        <Space align="center" wrap>
          <label htmlFor="seed-count">党员人数</label>
          <InputNumber id="seed-count" min={1} max={100000} step={100} value={count} onChange={(v) => setCount(v)} style={{ width: 160 }} disabled={seeding} />
          <Button type="primary" size="large" icon={<ExperimentOutlined aria-hidden="true" />} onClick={startSeed} disabled={seeding || !count} loading={seeding}>
            {seeding ? '正在生成…' : '生成示例数据'}
          </Button>
        </Space>
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
