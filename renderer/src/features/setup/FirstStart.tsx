/** First start: no branch profile yet, so the secretary creates it (建立支部). */
import { Card, Typography } from 'antd';
import { BranchForm } from '../branch/BranchForm';
import { HandoverStartCard } from '../handover/HandoverStartCard';

export function FirstStart() {
  return (
    <main className="startup-page">
      <Card className="startup-card">
        <h1 style={{ fontSize: 28, marginTop: 0 }}>建立支部</h1>
        <Typography.Paragraph style={{ fontSize: 16 }}>
          欢迎使用支部工作台。请先填写本支部的基本情况，带 <span aria-hidden="true" style={{ color: '#c41d1d' }}>*</span>
          <span className="sr-only">星号</span> 的是必填项，其余可以以后在“支部信息”中补充。
        </Typography.Paragraph>
        <HandoverStartCard />
        <BranchForm branch={null} submitText="建立支部" />
      </Card>
    </main>
  );
}
