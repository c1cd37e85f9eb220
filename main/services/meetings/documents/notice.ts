/**
 * 会议通知 (meeting notice) in the 公文 preset (GB/T 9704): the title 关于召开…的通知, to whom (主送), one sentence
 * saying the meeting is called, then 一、会议时间：… 二、会议地点：… 三、参会人员：… 四、会议议题 五、有关要求, and the
 * branch's 落款 with the notice's date, on one page for a usual meeting.
 */
import type { Block, PrintDocument } from '../../../../shared/documents/model';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { OFFICIAL, textWidth } from '../../../../shared/documents/presets';
import { measureTextSafe } from '../../../../shared/documents/metrics';
import { clock, documentStem, timeSpan, weekday } from './common';

export interface NoticeInput {
  branchName: string;
  /** 2026年第3次支委会. */
  heading: string;
  groupName?: string | null;
  date: string;
  startTime?: string | null;
  endTime?: string | null;
  place: string;
  /** 主送: 各党小组、全体党员. */
  audience: string;
  /** 参会人员: 全体党员（预备党员列席）, 支部委员, … */
  attendees: string;
  /** 列席 guests invited, if any. */
  guests?: string | null;
  topics: string[];
  /** 有关要求, one paragraph each; DEFAULT_REQUIREMENTS when empty. */
  requirements: string[];
  /** YYYY-MM-DD the notice is issued. */
  noticeDate: string;
  fileStem?: string;
}

/** What a notice asks when the secretary writes nothing else. */
export const DEFAULT_REQUIREMENTS = [
  '请提前10分钟到场签到，会议期间手机静音。',
  '因故不能参加的，请于会前向支部书记请假。',
];

/** The title in lines that fit the 公文 type area (the standard breaks a long title at a word boundary). */
function titleLines(text: string): string[] {
  const size = OFFICIAL.title.size;
  const fits = (t: string) => measureTextSafe(t, 'xiaobiaosong', size, false, OFFICIAL.body.characterSpacing) <= textWidth(OFFICIAL);
  if (fits(text)) return [text];
  // 关于召开… | …的通知: break before 的通知 or after 关于召开, whichever balances the lines.
  const cut = text.lastIndexOf('的通知');
  if (cut > 0 && fits(text.slice(0, cut))) return [text.slice(0, cut), text.slice(cut)];
  const mid = Math.ceil(text.length / 2);
  return [text.slice(0, mid), text.slice(mid)];
}

export function noticeTitle(input: Pick<NoticeInput, 'heading' | 'groupName'>): string {
  return `关于召开${input.groupName ?? ''}${input.heading}的通知`;
}

export function buildNoticeDocument(input: NoticeInput): PrintDocument {
  const title = noticeTitle(input);
  const start = clock(input.startTime);
  const attendees = input.guests ? `${input.attendees}；列席：${input.guests}` : input.attendees;
  const topics = input.topics.map((t) => t.trim()).filter(Boolean);
  const asked = input.requirements.map((r) => r.trim()).filter(Boolean);
  const requirements = asked.length ? asked : DEFAULT_REQUIREMENTS;
  const blocks: Block[] = [
    { kind: 'title', lines: titleLines(title) },
    { kind: 'paragraph', text: `${input.audience}：`, indent: false },
    {
      kind: 'paragraph',
      text: `经支部研究，定于${formatChineseDate(input.date)}（${weekday(input.date)}）${start ? `${start}` : ''}召开${input.groupName ?? ''}${input.heading}。现将有关事项通知如下：`,
    },
    // Run-in headings (一、会议时间：…) keep the notice to one page with its 落款, as a notice should be.
    { kind: 'heading', level: 1, text: '会议时间：', rest: `${formatChineseDate(input.date)}${timeSpan(input.startTime, input.endTime)}。` },
    { kind: 'heading', level: 1, text: '会议地点：', rest: `${input.place}。` },
    { kind: 'heading', level: 1, text: '参会人员：', rest: `${attendees}。` },
    { kind: 'heading', level: 1, text: '会议议题' },
    ...(topics.length ? topics.map((t): Block => ({ kind: 'heading', level: 2, text: '', rest: t.replace(/[。；;]?$/, '。') })) : [{ kind: 'paragraph', text: '另行通知。' } as Block]),
    { kind: 'heading', level: 1, text: '有关要求' },
    ...requirements.map((r): Block => ({ kind: 'heading', level: 2, text: '', rest: r })),
    { kind: 'blank' },
    { kind: 'signature', signer: input.branchName, date: input.noticeDate },
  ];
  return {
    preset: 'official',
    orientation: 'portrait',
    title,
    fileStem: input.fileStem ?? documentStem(`${input.branchName}${title}`, input.noticeDate),
    blocks,
  };
}
