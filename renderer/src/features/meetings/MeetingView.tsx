/** A meeting record read-only, laid out as the minutes' header block and body: for a final record and each earlier version. */
import { Descriptions, Tag } from 'antd';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { VOTE_METHOD_LABELS, kindLabel } from '../../../../shared/domain/meetings';
import { formatTime } from '../../components/dates';
import { AttachmentsPanel } from './Attachments';

function when(m: MeetingDetail): string {
  const times = [m.startTime, m.endTime].filter(Boolean).join('—');
  return times ? `${m.date} ${times}` : m.date;
}

function absentees(m: MeetingDetail): string {
  const absent = m.attendance.filter((a) => !a.attended);
  return absent.length ? absent.map((a) => `${a.name}（${a.absenceReason}${a.absenceNote ? `：${a.absenceNote}` : ''}）`).join('、') : '无';
}

export function MeetingView({ meeting: m, showAttachments = true }: { meeting: MeetingDetail; showAttachments?: boolean }) {
  const items = [
    { key: 'kind', label: '会议类型', children: [kindLabel(m.kind), ...m.alsoCounts.map((k) => `（同时计为${kindLabel(k)}）`)].join('') },
    ...(m.groupName ? [{ key: 'group', label: '党小组', children: m.groupName }] : []),
    { key: 'when', label: '时间', children: when(m) },
    { key: 'place', label: '地点', children: m.place || '—' },
    { key: 'host', label: '主持人', children: m.hostName || '—' },
    { key: 'recorder', label: '记录人', children: m.recorderName || '—' },
    ...(m.lecturer ? [{ key: 'lecturer', label: '讲课人', children: m.lecturer }] : []),
    { key: 'expected', label: '应到', children: `${m.counts.expected} 人` },
    { key: 'present', label: '实到', children: `${m.counts.present} 人` },
    ...(m.classHours ? [{ key: 'hours', label: '学时', children: `${m.classHours} 学时` }] : []),
    { key: 'absent', label: '缺席及原因', span: 2, children: absentees(m) },
    { key: 'guests', label: '列席', span: 2, children: m.guests.length ? m.guests.map((g) => (g.unit ? `${g.name}（${g.unit}）` : g.name)).join('、') : '无' },
  ];
  return (
    <div className="meeting-view">
      <Descriptions bordered size="small" column={2} items={items} />
      {m.quorum.met !== null ? (
        <p>
          <Tag color={m.quorum.met ? 'success' : 'error'}>{m.quorum.text}</Tag>
        </p>
      ) : null}
      <h4>到会人员</h4>
      <p className="meeting-view-names">{m.attendance.filter((a) => a.attended).map((a) => a.name).join('、') || '无'}</p>
      <h4>议题</h4>
      {m.topics.length ? (
        <ol>
          {m.topics.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">无</p>
      )}
      <h4>会议内容</h4>
      <p className="meeting-view-text">{m.content || '（未填写）'}</p>
      <h4>发言记录</h4>
      {m.speeches.length ? (
        m.speeches.map((s, i) => (
          <p key={i} className="meeting-view-text">
            <strong>{s.speaker}：</strong>
            {s.text}
          </p>
        ))
      ) : (
        <p className="muted">无</p>
      )}
      <h4>决议</h4>
      {m.resolutions.length ? (
        <ol>
          {m.resolutions.map((r, i) => (
            <li key={i}>
              <span className="meeting-view-text">{r.text}</span>
              {r.responsible || r.deadline ? <span className="muted">（{[r.responsible && `责任人：${r.responsible}`, r.deadline && `时限：${r.deadline}`].filter(Boolean).join('，')}）</span> : null}
              {r.vote.method !== 'none' ? (
                <div>
                  {VOTE_METHOD_LABELS[r.vote.method]}：赞成 {r.vote.for}，反对 {r.vote.against}，弃权 {r.vote.abstain}
                  {r.result ? <Tag color={r.result.valid && r.result.passed ? 'success' : r.result.valid ? 'warning' : 'error'} style={{ marginLeft: 8 }}>{r.result.text}</Tag> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">无</p>
      )}
      {showAttachments ? (
        <>
          <h4>附件</h4>
          <AttachmentsPanel meetingId={m.id} initial={m.attachments} editable={false} />
        </>
      ) : null}
      <p className="muted meeting-view-stamp">
        {m.status === 'final' ? `第 ${m.version} 版，定稿于 ${m.finalizedAt ? formatTime(m.finalizedAt) : '—'}` : '草稿'}
        {m.amendReason ? `；修订原因：${m.amendReason}` : ''}
      </p>
    </div>
  );
}
