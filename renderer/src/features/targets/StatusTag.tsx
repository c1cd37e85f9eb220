/** A small coloured label whose text stays dark enough to read on its tint (antd's green and orange tags do not). */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { AssessmentStatus } from '../../../../shared/contract/targets';

export type Tone = 'green' | 'orange' | 'blue' | 'red' | 'grey';

export function StatusTag({ tone, children, className }: { tone: Tone; children: ReactNode; className?: string }) {
  return <Tag className={[`targets-tone targets-tone-${tone}`, className].filter(Boolean).join(' ')}>{children}</Tag>;
}

/** Where a member's assessment stands. */
export const STATUS_TONE: Record<AssessmentStatus, Tone> = { 未考核: 'grey', 未完成: 'orange', 已完成: 'green' };
