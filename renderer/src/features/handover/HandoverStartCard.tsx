/** At first start: a successor (or a new computer) takes the branch over from a hand-over package instead of typing it in. */
import { ImportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { ImportPanel } from './ImportPanel';
import './handover.css';

export function HandoverStartCard() {
  const [open, setOpen] = useState(false);
  return (
    <section className="handover-start" aria-labelledby="handover-start-title">
      <h2 id="handover-start-title" style={{ fontSize: 20, margin: '0 0 8px' }}>
        已有交接包？
      </h2>
      {open ? (
        <ImportPanel firstStart />
      ) : (
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
          <p style={{ fontSize: 16, margin: 0, flex: '1 1 360px' }}>
            如果前任书记或原来的电脑给了您交接包文件（.zbk），可以直接导入支部的全部数据，不必重新填写下面的内容。
          </p>
          <Button size="large" icon={<ImportOutlined aria-hidden="true" />} onClick={() => setOpen(true)}>
            从交接包导入
          </Button>
        </div>
      )}
    </section>
  );
}
