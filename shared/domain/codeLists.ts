/**
 * Code lists (字典): the short lists a branch adjusts itself — posts, absence reasons, talk kinds,
 * meeting places, commendation titles. Each kind is declared here once: its key, Chinese name, what
 * uses it, the longest label it takes, and the defaults a branch starts with.
 */
import type { FieldProblem } from './member';

export interface CodeListKind {
  key: string;
  /** Chinese name of the list. */
  label: string;
  /** Which records pick from it, in the user's words. */
  usedBy: string;
  /** Longest label, in characters. */
  maxLength: number;
  /** What a new branch's list holds, in order: a drilling crew, pumping station or construction camp. */
  defaults: readonly string[];
}

export const CODE_LIST_KINDS = [
  {
    key: 'posts',
    label: '岗位',
    usedBy: '目标管理（任务书、承诺书）',
    maxLength: 20,
    defaults: [
      '队长', '党支部书记', '指导员', '副队长', '技术员', '司钻', '副司钻', '井架工', '内钳工', '外钳工',
      '场地工', '泥浆工', '机械师', '电气师', '安全员', '材料员', '炊事员',
    ],
  },
  {
    key: 'absenceReasons',
    label: '缺席原因',
    usedBy: '会议记录（“三会一课”等的缺席人员）',
    maxLength: 20,
    defaults: ['公差', '病假', '事假', '轮休', '探亲', '外出培训', '其他'],
  },
  {
    key: 'talkKinds',
    label: '谈话类型',
    usedBy: '谈心谈话记录',
    maxLength: 20,
    defaults: ['谈心谈话', '提醒谈话', '思想引导谈话', '家访', '慰问'],
  },
  {
    key: 'meetingPlaces',
    label: '会议地点',
    usedBy: '会议记录',
    maxLength: 40,
    defaults: ['队部会议室', '营地活动室', '井场值班房'],
  },
  {
    key: 'honorTitles',
    label: '表彰称号',
    usedBy: '表彰奖励记录',
    maxLength: 30,
    defaults: ['优秀共产党员', '优秀党务工作者', '党员先锋岗', '党员示范岗', '先进党支部'],
  },
] as const satisfies readonly CodeListKind[];

export type CodeListKey = (typeof CODE_LIST_KINDS)[number]['key'];
export const CODE_LIST_KEYS = CODE_LIST_KINDS.map((k) => k.key) as [CodeListKey, ...CodeListKey[]];

export const NOTE_MAX_LENGTH = 200;

export function codeListKind(key: string): CodeListKind | undefined {
  return CODE_LIST_KINDS.find((k) => k.key === key);
}

export interface CodeItem {
  id: string;
  kind: CodeListKey;
  label: string;
  sortOrder: number;
  inUse: boolean;
  note: string;
  updatedAt: string;
}

export interface CodeList {
  kind: CodeListKey;
  label: string;
  usedBy: string;
  maxLength: number;
  items: CodeItem[];
}

/**
 * What two labels are compared by: full-width letters, digits and spaces as half-width (NFKC), runs of
 * spaces as one, no surrounding spaces, letters in one case. 'ＤＸ 司钻 ' and 'dx司钻' differ only by the
 * inner space, so they are different labels; '司钻' and '　司钻 ' are the same.
 */
export function labelKey(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A label as stored: trimmed (full-width spaces too), inner runs of spaces as one. */
export function cleanLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

/** Problems of a label for a kind, before any comparison with the other items. */
export function labelProblems(kind: Pick<CodeListKind, 'label' | 'maxLength'>, label: string): FieldProblem[] {
  const clean = cleanLabel(label);
  if (!clean) return [{ field: 'label', message: `请填写${kind.label}名称` }];
  if ([...clean].length > kind.maxLength) {
    return [{ field: 'label', message: `${kind.label}名称“${clean}”超过 ${kind.maxLength} 个字，请缩短` }];
  }
  return [];
}

/** The problem of a label that another live item of the kind already has (compared by labelKey). */
export function duplicateProblem(kind: Pick<CodeListKind, 'label'>, label: string, others: readonly { label: string }[]): FieldProblem | null {
  const key = labelKey(label);
  const clash = others.find((o) => labelKey(o.label) === key);
  if (!clash) return null;
  const clean = cleanLabel(label);
  const same = clean === clash.label ? '' : `，“${clean}”与它视为相同（全角半角、大小写、空格不作区分）`;
  return { field: 'label', message: `${kind.label}中已有“${clash.label}”${same}` };
}
