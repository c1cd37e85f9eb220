/** The title row of every 目标管理 screen: its name, the year chosen, and the screen's own buttons. */
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { YearSelect } from './year';
import './targets.css';

export function TargetsTitle({ title, extra, error }: { title: string; extra?: ReactNode; error?: string | null }) {
  return (
    <>
      <PageTitle
        title={title}
        extra={
          <>
            <YearSelect />
            {extra}
          </>
        }
      />
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
    </>
  );
}
