/** Start-up: connect, find out whether the branch exists, then show first start or the app. */
import { CalendarOutlined, CloseCircleFilled, DownOutlined } from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { createApi, detectTransport } from '../api/client';
import { setApi } from '../api';
import { useAppStore } from '../stores/appStore';
import { AppShell } from '../components/AppShell';
import { theme } from './theme';
import { currentRoute } from './router';
import { homeScreen, screenOfRoute } from './screens';

dayjs.locale('zh-cn');

// First start and recovery are rare: their code loads only when needed, keeping the first load small.
const FirstStart = lazy(() => import('../features/setup/FirstStart').then((m) => ({ default: m.FirstStart })));
const RecoveryScreen = lazy(() => import('../features/recovery/RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })));

function Opening() {
  return (
    <main className="startup-page" aria-busy="true">
      <Spin size="large" tip="正在打开支部工作台…">
        <div style={{ width: 240, height: 120 }} />
      </Spin>
    </main>
  );
}

/** The red star of required fields is decoration: screen readers read the label alone. */
function requiredMark(label: React.ReactNode, { required }: { required: boolean }) {
  return (
    <>
      {required ? (
        <span aria-hidden="true" className="required-star">
          *
        </span>
      ) : null}
      {label}
    </>
  );
}

let started = false;

function startOnce(): void {
  if (started) return;
  started = true;
  const transport = detectTransport();
  if (transport) setApi(createApi(transport));
  // The first screen's code downloads while start-up asks for the branch, not after it.
  if (transport) void (screenOfRoute(currentRoute()) ?? homeScreen()).page().catch(() => undefined);
  void useAppStore.getState().start(!!transport);
}

function Startup() {
  const phase = useAppStore((s) => s.phase);
  const startError = useAppStore((s) => s.startError);
  useEffect(startOnce, []);

  if (phase === 'starting') return <Opening />;
  if (phase === 'no-transport')
    return (
      <main className="startup-page">
        <Result
          status="warning"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>无法连接到支部工作台</h1>}
          subTitle={
            <div style={{ fontSize: 16, color: 'rgba(0,0,0,0.8)' }}>
              <p>本页面需要由“支部工作台”程序打开。</p>
              <p>请关闭此页面，重新启动“支部工作台”；或者使用启动窗口中显示的完整网址（网址末尾带有 #token=…）打开。</p>
            </div>
          }
        />
      </main>
    );
  if (phase === 'failed')
    return (
      <main className="startup-page">
        <Result
          status="error"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>支部工作台未能打开</h1>}
          subTitle={<div style={{ fontSize: 16, color: 'rgba(0,0,0,0.8)' }}>{startError}</div>}
          extra={
            <Button type="primary" size="large" onClick={() => void useAppStore.getState().start(true)}>
              重试
            </Button>
          }
        />
      </main>
    );
  if (phase === 'recovery')
    return (
      <Suspense fallback={<Opening />}>
        <RecoveryScreen recovery={useAppStore.getState().info!.recovery!} />
      </Suspense>
    );
  if (phase === 'setup')
    return (
      <Suspense fallback={<Opening />}>
        <FirstStart />
      </Suspense>
    );
  return <AppShell />;
}

export function Root() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={theme}
      form={{ requiredMark }}
      button={{ autoInsertSpace: false }}
      // Icons inside controls are decoration; their English names must not be read out.
      select={{ suffixIcon: <DownOutlined aria-hidden="true" />, clearIcon: <CloseCircleFilled aria-label="清除" /> }}
      datePicker={{ suffixIcon: <CalendarOutlined aria-hidden="true" />, clearIcon: <CloseCircleFilled aria-label="清除日期" /> }}
    >
      <AntApp>
        <Startup />
      </AntApp>
    </ConfigProvider>
  );
}
