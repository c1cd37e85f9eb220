/**
 * 谈心谈话记录 / 家访记录 (domain.md 2.4): a form of the short facts (谈话时间, 地点, 谈话人, 形式, 谈话对象, 谈话缘由,
 * 回访日期, 问题解决), then
 * the record in sections (谈话内容摘要, 反映的问题和诉求, 帮助措施, 谈话效果) as body text, so a long record runs on
 * over pages rather than overflowing one cell, and the signature lines of both sides.
 */
import type { Block, PrintDocument } from '../../../../shared/documents/model';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { documentStem, formTable, keepSignatureWithBody, paragraphs, weekday, type FormRow } from './common';

/** 谈心谈话, 家访, 提醒谈话, 廉政谈话 (TALK_KIND_CODES). */
export type TalkRecordKind = 'talk' | 'visit' | 'reminder' | 'integrity';

const TITLES: Record<TalkRecordKind, string> = { talk: '谈心谈话记录', visit: '家访记录', reminder: '提醒谈话记录', integrity: '廉政谈话记录' };

export interface TalkInput {
  branchName: string;
  kind: TalkRecordKind;
  date: string;
  /** 9:30 (optional). */
  time?: string | null;
  place?: string | null;
  /** 当面, 电话, 视频, 上门. */
  form?: string | null;
  /** Who talked (members), 张三（书记）. */
  talkers: string[];
  /** The member or worker talked with, 李四（钻井一班司钻）. */
  subject: string;
  /** Family members met on a visit. */
  familyMet?: string | null;
  /** 五必谈 trigger or 日常: 岗位变动, 家庭困难或生病 … */
  trigger?: string | null;
  /** 谈话主题. */
  topic?: string | null;
  summary: string;
  problems?: string | null;
  help?: string | null;
  /** 谈话效果 / outcome. */
  outcome?: string | null;
  /** YYYY-MM-DD of the follow-up (回访). */
  followUpDate?: string | null;
  /** Whether what was raised has been resolved. */
  resolved?: boolean;
  fileStem?: string;
}

export function talkTitle(kind: TalkRecordKind): string {
  return TITLES[kind];
}

function section(title: string, text: string | null | undefined): Block[] {
  const body = paragraphs(text);
  return body.length ? [{ kind: 'heading', level: 1, text: title }, ...body] : [];
}

export function buildTalkDocument(input: TalkInput): PrintDocument {
  const visit = input.kind === 'visit';
  const when = `${formatChineseDate(input.date)}（${weekday(input.date)}）${input.time ? input.time.replace(/^0(\d:)/, '$1') : ''}`;
  const rows: FormRow[] = [
    [visit ? '家访时间' : '谈话时间', when],
    [visit ? '家访地点' : '谈话地点', input.place ?? ''],
    [visit ? '家访人' : '谈话人', input.talkers.join('、'), '形式', input.form ?? ''],
    [visit ? '家访对象' : '谈话对象', input.subject],
    ...(visit ? [['见到的\n家庭成员', input.familyMet ?? ''] as FormRow] : []),
    [visit ? '家访缘由' : '谈话缘由', [input.trigger || '日常', input.topic].filter(Boolean).join('：')],
    ['回访日期', input.followUpDate ? formatChineseDate(input.followUpDate) : '无', '问题解决', input.resolved ? '已解决' : input.problems?.trim() ? '未解决' : '无'],
  ];
  const title = talkTitle(input.kind);
  const blocks: Block[] = [
    { kind: 'title', lines: [title] },
    { kind: 'subtitle', text: input.branchName },
    formTable(rows),
    ...section(visit ? '家访情况' : '谈话内容摘要', input.summary || '（未记录）'),
    ...section('反映的问题和诉求', input.problems),
    ...section('帮助措施', input.help),
    ...section(visit ? '家访效果' : '谈话效果', input.outcome),
    { kind: 'blank' },
    { kind: 'fillLine', labels: [visit ? '家访人（签字）：' : '谈话人（签字）：', visit ? '被访人（签字）：' : '谈话对象（签字）：'] },
  ];
  return keepSignatureWithBody({
    preset: 'record',
    orientation: 'portrait',
    pageNumbers: 'ofTotal',
    title: `${input.branchName}${title}`,
    fileStem: input.fileStem ?? documentStem(`${title}-${input.subject.replace(/（.*$/, '')}`, input.date),
    blocks,
  });
}
