/**
 * 签到: one row per expected member, ticked 到会 or given the reason of absence. Each row is one stop of the Tab key;
 * the arrow keys or the digits 1–5 choose (1 到会, 2 公差, 3 病假, 4 事假, 5 其他). Two columns where the drawer is wide,
 * so forty members fit a 768-pixel-high window in a short scroll.
 */
import { Button, Input, Radio, Tag } from 'antd';
import type { KeyboardEvent } from 'react';
import { quorum, type MeetingKind } from '../../../../shared/domain/meetings';
import { PRESENCE_OPTIONS, signInCounts, type Presence, type SignInRow } from './meetingModel';

interface SignInListProps {
  value?: SignInRow[];
  onChange?: (rows: SignInRow[]) => void;
  kind: MeetingKind;
  /** Where the expected members come from, in words. */
  source?: string;
  /** Reads the expected members again (roster, group or committee as of the date). */
  onRefill?: () => void;
  refilling?: boolean;
  disabled?: boolean;
}

/** 应到 8 人，实到 7 人，缺席 1 人（病假 1） and the quorum rule of the kind, live. */
export function AttendanceSummary({ rows, kind }: { rows: SignInRow[]; kind: MeetingKind }) {
  const counts = signInCounts(rows);
  const reasons = new Map<string, number>();
  for (const r of rows) if (r.presence !== 'present') reasons.set(r.presence, (reasons.get(r.presence) ?? 0) + 1);
  const why = [...reasons].map(([reason, n]) => `${reason} ${n}`).join('，');
  const q = quorum(kind, counts);
  return (
    <div className="signin-summary" role="status" aria-live="polite" data-testid="signin-summary">
      <span>
        应到 <strong>{counts.expected}</strong> 人，实到 <strong>{counts.present}</strong> 人，缺席 <strong>{counts.absent}</strong> 人{why ? `（${why}）` : ''}
        {counts.expected !== counts.expectedVoting ? `；其中预备党员 ${counts.expected - counts.expectedVoting} 人，没有表决权` : ''}
      </span>
      {q.met !== null ? (
        <Tag color={q.met ? 'success' : 'error'} className="signin-quorum" data-testid="quorum">
          {q.met ? '符合' : '不符合'}：{q.text}
        </Tag>
      ) : null}
    </div>
  );
}

export function SignInList({ value = [], onChange, kind, source, onRefill, refilling, disabled }: SignInListProps) {
  const setRow = (index: number, patch: Partial<SignInRow>) => onChange?.(value.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const allPresent = () => onChange?.(value.map((r) => ({ ...r, presence: 'present' as Presence, absenceNote: '' })));

  const onRowKey = (index: number) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (!/^[1-5]$/.test(e.key) || e.ctrlKey || e.altKey || e.metaKey) return;
    if ((e.target as HTMLElement).matches('input[type=text], input:not([type]), textarea')) return;
    e.preventDefault();
    setRow(index, { presence: PRESENCE_OPTIONS[Number(e.key) - 1]!.value });
    const row = e.currentTarget;
    // The checked radio of the group is its Tab stop: keep the focus there.
    requestAnimationFrame(() => row.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus());
  };

  return (
    <div className="signin">
      <div className="signin-head">
        {source ? <p className="muted signin-source">应到人员：{source}</p> : null}
        <AttendanceSummary rows={value} kind={kind} />
        {!disabled ? (
          <div className="signin-tools">
            <Button size="small" onClick={allPresent} disabled={!value.length}>
              全部到会
            </Button>
            {onRefill ? (
              <Button size="small" onClick={onRefill} loading={refilling}>
                重新生成应到人员
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {value.length ? (
        <p className="signin-hint muted" id="signin-hint">
          Tab 键逐人移动，方向键或数字键选择：1 到会，2 公差，3 病假，4 事假，5 其他。
        </p>
      ) : (
        <p className="muted">
          还没有应到人员。请先填写会议日期{kind === 'groupMeeting' ? '并选择党小组' : ''}
          {kind === 'committee' ? '；支委会的应到人员是“支部信息”中的支部委员' : ''}。
        </p>
      )}
      <div className="signin-rows" role="list" aria-label="签到表">
        {value.map((r, i) => (
          <div
            role="listitem"
            key={r.memberId ?? `${r.name}-${i}`}
            className={`signin-row${r.presence === 'present' ? '' : ' signin-absent'}`}
            onKeyDown={onRowKey(i)}
            data-testid="signin-row"
          >
            <span className="signin-name" title={r.name}>
              {r.name}
            </span>
            <span className="signin-tags">
              {r.role ? <Tag className="signin-role">{r.role}</Tag> : null}
              {r.category === '预备党员' ? <Tag color="warning">预备</Tag> : null}
            </span>
            <div role="radiogroup" aria-label={`${r.name}的出席情况`} aria-describedby="signin-hint">
              <Radio.Group
                name={`presence-${i}`}
                optionType="button"
                buttonStyle="solid"
                size="small"
                disabled={disabled}
                value={r.presence}
                options={PRESENCE_OPTIONS}
                onChange={(e) => setRow(i, { presence: e.target.value as Presence, ...(e.target.value === 'present' ? { absenceNote: '' } : {}) })}
              />
            </div>
            {r.presence !== 'present' ? (
              <Input
                size="small"
                className="signin-note"
                aria-label={`${r.name}缺席说明`}
                placeholder="说明"
                maxLength={100}
                disabled={disabled}
                value={r.absenceNote}
                onChange={(e) => setRow(i, { absenceNote: e.target.value })}
              />
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}
