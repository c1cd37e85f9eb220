/** `member list` and `member add`: the roster through the same services and schemas as the app. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { z } from 'zod';
import { memberSearchSchema } from '../../../shared/contract/operations';
import { educationLabel } from '../../../shared/domain/codes';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import type { Member } from '../../../shared/domain/member';
import { listGroups } from '../../services/roster/groups';
import { addMembers, findMembers, type MemberImportItem } from '../../services/roster/members';
import { requiredString, schemaOptions } from '../args';
import type { CliCommand } from '../command';
import { formatTable } from '../output';

/** A member as the CLI prints it with --json; `member add` accepts the same objects back. */
export function memberJson(m: Member) {
  return {
    id: m.id,
    name: m.name,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    idNumber: m.idNumber,
    education: educationLabel(m.education),
    nativePlace: m.nativePlace,
    category: m.category,
    applicationDate: m.applicationDate,
    joinDate: m.joinDate,
    fullDate: m.fullDate,
    jobCategory: m.jobCategory,
    workUnit: m.workUnit,
    post: m.post,
    partyPost: m.partyPost,
    partyGroup: m.partyGroup,
    phone: m.phone,
    landline: m.landline,
    address: m.address,
    status: m.status,
    lostContact: m.lostContact,
    lostContactDate: m.lostContactDate,
    mobileMember: m.mobileMember,
    mobileDestination: m.mobileDestination,
    remark: m.remark,
  };
}

const TABLE_HEADERS = ['序号', '姓名', '性别', '民族', '出生日期', '身份证号', '学历', '人员类别', '入党日期', '转正日期', '党籍状态', '党小组', '岗位/职务', '联系电话'];

function memberCells(m: Member, i: number): string[] {
  return [
    String(i + 1), m.name, m.gender, m.ethnicity, m.birthDate, maskIdNumber(m.idNumber), educationLabel(m.education), m.category,
    m.joinDate, m.fullDate ?? '', m.status, m.partyGroup ?? '', m.post, m.phone,
  ];
}

function listText(members: readonly Member[], all: boolean, query: string): string {
  const scope = all ? '（含转出、出党、去世）' : '';
  if (members.length === 0) return query ? `没有找到与“${query}”相符的党员${scope}。` : `名册中没有党员${scope}。`;
  return `${formatTable(TABLE_HEADERS, members.map(memberCells))}\n\n共 ${members.length} 人${scope}。`;
}

export const memberListCommand: CliCommand<{ all: boolean; query: string; search: z.output<typeof memberSearchSchema> }> = {
  path: ['member', 'list'],
  summary: '列出党员（默认为在册党员：正常、停止党籍），按姓名拼音排序；身份证号只显示首尾',
  usage: '[--search 关键字] [--all]',
  details: [
    '--search 关键字   与名册页的搜索相同：姓名、拼音首字母（如 zs）、全拼或身份证号片段',
    '--all             包括已转出、出党、去世的党员',
    '加 --json 时输出全部字段（身份证号完整），可直接用于 member add。',
  ],
  options: { search: { type: 'string' }, all: { type: 'boolean' } },
  database: 'existing',
  prepare({ values }) {
    const all = values.all === true;
    const query = typeof values.search === 'string' ? values.search : '';
    return { all, query, search: schemaOptions(memberSearchSchema, { query, status: all ? 'all' : 'active' }, { query: '--search' }, memberListCommand) };
  },
  run({ options: { all, query, search }, ctx }) {
    // Every match: findMembers leaves the search's offset and limit (a page of the roster screen) aside.
    const members = findMembers(ctx!.db, search);
    return { data: members.map(memberJson), text: listText(members, all, query) };
  },
};

/** The --file: read and parsed before the database is opened; each problem names --file. */
function readItems(file: string): MemberImportItem[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('E_NOT_FOUND', `无法读取选项 --file 指定的文件：${path.resolve(file)}`);
  }
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (e) {
    throw new AppError('E_VALIDATION', `选项 --file 指定的文件不是有效的 JSON：${(e as Error).message}`, [{ field: 'file', message: '不是有效的 JSON' }]);
  }
  if (!Array.isArray(items)) {
    throw new AppError('E_VALIDATION', '选项 --file 指定的文件内容应为党员数组（[ {…}, {…} ]）', [{ field: 'file', message: '应为数组' }]);
  }
  return items as MemberImportItem[];
}

export const memberAddCommand: CliCommand<MemberImportItem[]> = {
  path: ['member', 'add'],
  summary: '从 JSON 文件添加党员（全部通过检查才添加，任何一项有误则一项也不添加）',
  usage: '--file 文件.json',
  details: [
    '--file 文件   JSON 数组，每项的字段与 member list --json 的输出相同；',
    '              党小组按名称填写（partyGroup），不存在时自动建立；学历可填代码或名称。',
  ],
  options: { file: { type: 'string' } },
  database: 'existing',
  prepare({ values }) {
    return readItems(requiredString(values, 'file', memberAddCommand));
  },
  run({ options: items, ctx }) {
    const db = ctx!.db;
    const groupsBefore = listGroups(db).length;
    const added = addMembers(db, items);
    const groupsCreated = listGroups(db).length - groupsBefore;
    const groupsNote = groupsCreated > 0 ? `，新建党小组 ${groupsCreated} 个` : '';
    return {
      data: { added: added.length, groupsCreated, ids: added.map((m) => m.id) },
      text: `已添加 ${added.length} 名党员${groupsNote}。`,
    };
  },
};
