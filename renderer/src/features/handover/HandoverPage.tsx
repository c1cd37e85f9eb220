/** 数据交接: export a hand-over package, import one, and the record of both. */
import { Tabs } from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { ImportPanel } from './ImportPanel';
import './handover.css';

export function HandoverPage() {
  const [tab, setTab] = useState('export');
  return (
    <>
      <PageTitle title="数据交接" />
      <Tabs
        className="handover-tabs"
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden={false}
        items={[
          { key: 'export', label: '导出交接包', children: <ExportPanel /> },
          { key: 'import', label: '导入交接包', children: <ImportPanel /> },
          { key: 'history', label: '交接记录', children: tab === 'history' ? <HistoryPanel /> : null },
        ]}
      />
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default HandoverPage;
