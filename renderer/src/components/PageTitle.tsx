import type { ReactNode } from 'react';

export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <h2 id="page-title">{title}</h2>
      {extra ? <div style={{ display: 'flex', gap: 12 }}>{extra}</div> : null}
    </div>
  );
}
