/**
 * 会议记录 (minutes) as a PrintDocument, in the layout of domain.md 2.3 / 6.3: the title “<支部> / 2026年第3次支委会会议记录”,
 * a header block (会议类型, 时间, 地点, 主持人, 记录人, 应到, 实到, 缺席人员及原因, 列席人员, 议题) as a form table, then
 * 会议内容, 发言摘要 by speaker, 决议事项 with their 表决情况, 散会, the signature lines, and the attachments (photos of
 * the sign-in sheet) as figures on the pages after. A record amended after 定稿 says which version it is.
 */
import type { Block, PrintDocument } from '../../../../shared/documents/model';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { attachmentBlocks, type AttachmentInput } from './attachments';
import { clock, documentStem, fitTitleLine, formTable, keepSignatureWithBody, meetingTime, numberedLines, paragraphs, type FormRow } from './common';

export interface MinutesPerson {
  name: string;
  /** 书记, 组织委员 … printed after the name. */
  post?: string | null;
}

export interface MinutesAbsentee {
  name: string;
  /** 病假, 事假, 公差 … with its note: 其他（家中有事）. */
  reason: string;
}

export interface MinutesGuest {
  name: string;
  /** Unit or why attending: 公司党委组织部（指导）. */
  note?: string | null;
}

export interface MinutesVote {
  /** 举手表决, 无记名投票. */
  method: string;
  /** Members with a vote (full members) who should attend, and those present. */
  votingExpected: number;
  votingPresent: number;
  for: number;
  against: number;
  abstain: number;
  /** More than half present (the vote may be taken). */
  valid: boolean;
  /** 赞成 from more than half of those with a vote who should attend (and the vote valid). */
  passed: boolean;
}

export interface MinutesResolution {
  text: string;
  responsible?: string | null;
  /** YYYY-MM-DD. */
  deadline?: string | null;
  vote?: MinutesVote | null;
}

export interface MinutesSpeech {
  speaker: string;
  text: string;
}

export interface MinutesVersion {
  /** 1 for the record as first finalised. */
  number: number;
  /** YYYY-MM-DD the version was made (the amendment's date); absent for version 1. */
  date?: string | null;
  /** Why it was amended. */
  reason?: string | null;
}

export interface MinutesInput {
  /** The branch as it signs: 中共渤海钻探第一钻井队支部委员会. */
  branchName: string;
  /** The full kind label in the header block: 支部委员会会议, 支部党员大会 …; with `alsoCounts`: 支部党员大会（同时为主题党日）. */
  kindLabel: string;
  /** Title line under the branch: 2026年第3次支委会会议记录 (the builder adds nothing). */
  heading: string;
  /** A party group meeting: the group, on its own title line between the branch and the heading. */
  groupName?: string | null;
  date: string;
  startTime?: string | null;
  endTime?: string | null;
  place: string;
  host: MinutesPerson;
  recorder: MinutesPerson;
  /** 党课: who gave it, and the study hours (学时) it counts for. */
  lecturer?: string | null;
  classHours?: number | null;
  expected: number;
  present: number;
  absentees: MinutesAbsentee[];
  guests: MinutesGuest[];
  topics: string[];
  content: string;
  speeches: MinutesSpeech[];
  resolutions: MinutesResolution[];
  /** A draft prints 草稿 under the title; a final record its version when amended. */
  status: 'draft' | 'final';
  version: MinutesVersion;
  attachments?: AttachmentInput[];
  /** File name without extension; <branch><heading>-<date> when absent. */
  fileStem?: string;
}

const person = (p: MinutesPerson) => (p.post ? `${p.name}（${p.post}）` : p.name);

/** 王五（病假）、赵六（公差） */
export function absenteeLine(absentees: readonly MinutesAbsentee[]): string {
  return absentees.map((a) => `${a.name}（${a.reason || '未说明原因'}）`).join('、');
}

function guestLine(guests: readonly MinutesGuest[]): string {
  return guests.map((g) => (g.note ? `${g.name}（${g.note}）` : g.name)).join('、');
}

/** 表决情况：举手表决，应到有表决权人数20人，实到有表决权人数18人；赞成18票，反对0票，弃权0票。表决结果：通过。 */
export function voteLine(v: MinutesVote): string {
  const counts = `${v.method}，应到有表决权人数${v.votingExpected}人，实到有表决权人数${v.votingPresent}人；赞成${v.for}票，反对${v.against}票，弃权${v.abstain}票。`;
  const outcome = !v.valid ? '到会有表决权人数未过半，表决无效' : v.passed ? '通过' : '未通过';
  return `表决情况：${counts}表决结果：${outcome}。`;
}

function resolutionBlocks(resolutions: readonly MinutesResolution[]): Block[] {
  if (resolutions.length === 0) return [{ kind: 'paragraph', text: '本次会议未形成决议。' }];
  return resolutions.flatMap((r): Block[] => {
    const follow = [r.responsible ? `责任人：${r.responsible}` : '', r.deadline ? `完成时限：${formatChineseDate(r.deadline)}` : ''].filter(Boolean);
    return [
      { kind: 'heading', level: 2, text: '', rest: r.text.trim() },
      ...(r.vote ? [{ kind: 'paragraph', text: voteLine(r.vote) } as Block] : []),
      ...(follow.length ? [{ kind: 'paragraph', text: `${follow.join('；')}。` } as Block] : []),
    ];
  });
}

function speechBlocks(speeches: readonly MinutesSpeech[]): Block[] {
  return speeches.flatMap((s) => paragraphs(s.text, `${s.speaker}：`));
}

/** 第2版（2026年3月20日修订）; 草稿 for a draft; nothing for a final record as first written. */
function versionLine(input: MinutesInput): string | null {
  if (input.status === 'draft') return '（草稿，未定稿）';
  if (input.version.number <= 1) return null;
  return `（第${input.version.number}版${input.version.date ? `，${formatChineseDate(input.version.date)}修订` : ''}）`;
}

function headerRows(input: MinutesInput): FormRow[] {
  return [
    ['会议类型', input.kindLabel],
    ['时间', meetingTime(input.date, input.startTime, input.endTime)],
    ['地点', input.place],
    ['主持人', person(input.host), '记录人', person(input.recorder)],
    ...(input.lecturer ? [['讲课人', input.lecturer, '学时', input.classHours ? `${input.classHours}学时` : ''] as FormRow] : []),
    ['应到人数', `${input.expected}人`, '实到人数', `${input.present}人`],
    ['缺席人员\n及原因', absenteeLine(input.absentees)],
    ['列席人员', guestLine(input.guests)],
    ['会议议题', numberedLines(input.topics)],
  ];
}

export function minutesTitle(input: Pick<MinutesInput, 'branchName' | 'groupName' | 'heading'>): string[] {
  return [...fitTitleLine(input.branchName), ...(input.groupName ? fitTitleLine(input.groupName) : []), ...fitTitleLine(input.heading)];
}

export function buildMinutesDocument(input: MinutesInput): PrintDocument {
  const version = versionLine(input);
  const end = clock(input.endTime);
  const revised = input.status === 'final' && input.version.number > 1 && input.version.reason;
  const blocks: Block[] = [
    { kind: 'title', lines: minutesTitle(input) },
    ...(version ? [{ kind: 'subtitle', text: version } as Block] : []),
    formTable(headerRows(input)),
    { kind: 'heading', level: 1, text: '会议内容' },
    ...(paragraphs(input.content).length ? paragraphs(input.content) : [{ kind: 'paragraph', text: '（未记录）' } as Block]),
    ...(input.speeches.length ? [{ kind: 'heading', level: 1, text: '发言摘要' } as Block, ...speechBlocks(input.speeches)] : []),
    { kind: 'heading', level: 1, text: '决议事项' },
    ...resolutionBlocks(input.resolutions),
    { kind: 'paragraph', text: end ? `会议于${end}结束。散会。` : '散会。' },
    ...(revised ? [{ kind: 'paragraph', text: `（修订说明：本记录为第${input.version.number}版，修订原因：${input.version.reason}。此前各版保存在修订历史中。）` } as Block] : []),
    { kind: 'blank' },
    { kind: 'fillLine', labels: ['主持人（签字）：', '记录人（签字）：'] },
  ];
  blocks.push(...attachmentBlocks(input.attachments ?? []));
  const title = `${input.branchName}${input.groupName ?? ''}${input.heading}`;
  return keepSignatureWithBody({
    preset: 'record',
    orientation: 'portrait',
    pageNumbers: 'ofTotal',
    title,
    fileStem: input.fileStem ?? documentStem(`${input.branchName}${input.groupName ?? ''}${input.heading}${input.version.number > 1 ? `（第${input.version.number}版）` : ''}`, input.date),
    blocks,
  });
}
