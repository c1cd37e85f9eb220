/** What a screen shows while its code loads, and if its code cannot be loaded. */
import { Button, Result, Spin } from 'antd';
import { Component, type ReactNode } from 'react';

export function PageLoading({ label }: { label: string }) {
  return (
    <div className="page-loading" aria-busy="true">
      <Spin size="large" tip={`正在打开“${label}”…`}>
        <div style={{ width: 240, height: 120 }} />
      </Spin>
    </div>
  );
}

/** A screen whose code fails to load (or that throws) shows this instead of blanking the whole app. */
export class PageError extends Component<{ label: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title={<h2 style={{ fontSize: 22, margin: 0 }}>“{this.props.label}”未能打开</h2>}
        subTitle="请重新加载页面再试。"
        extra={
          <Button type="primary" size="large" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      />
    );
  }
}
