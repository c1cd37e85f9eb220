/** `member list` and `member add`: the roster through the same services and schemas as the app. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { z } from 'zod';
import { memberSearchSchema } from '../../../shared/contract/operations';
import { educationLabel } from '../../../shared/domain/codes';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import type { Member } from '../../../shared/domain/member';
import { BRANCH_COLUMN } from '../../documents/rosterColumns';
import { rosterScope, type RosterScope } from '../../services/branch/branch';
import { listGroups } from '../../services/roster/groups';
import { addMembers, findMembers, type MemberImportItem } from '../../services/roster/members';
import { requiredString, schemaOptions } from '../../cli/args';
import type { CliCommand } from '../../cli/command';
import { branchScopeOption } from '../../cli/lookup';
import { formatTable } from '../../cli/output';

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

const TABLE_HEADERS = ['姓名', '性别', '民族', '出生日期', '身份证号', '学历', '人员类别', '入党日期', '转正日期', '党籍状态', '党小组', '岗位/职务', '联系电话'];

function memberCells(m: Member): string[] {
  return [
    m.name, m.gender, m.ethnicity, m.birthDate, maskIdNumber(m.idNumber), educationLabel(m.education), m.category,
    m.joinDate, m.fullDate ?? '', m.status, m.partyGroup ?? '', m.post, m.phone,
  ];
}

interface ListedScope {
  all: boolean;
  query: string;
  /** Set when --branch was given: whose members these are. */
  scope: RosterScope | null;
}

/** The table: 序号, then 所在支部 when the listing spans several branches, then the member's fields. */
function listTable(members: readonly Member[], scope: RosterScope | null): string {
  const across = scope?.acrossBranches === true;
  const headers = ['序号', ...(across ? [BRANCH_COLUMN.header] : []), ...TABLE_HEADERS];
  const rows = members.map((m, i) => [String(i + 1), ...(across ? [scope!.names.get(m.branchId) ?? ''] : []), ...memberCells(m)]);
  return formatTable(headers, rows);
}

function listText(members: readonly Member[], { all, query, scope }: ListedScope): string {
  const status = all ? '（含转出、出党、去世）' : '';
  const whose = scope ? (scope.acrossBranches ? `各支部` : scope.name) : '';
  if (members.length === 0) {
    return query ? `${whose}没有找到与“${query}”相符的党员${status}。` : `${whose ? `${whose}的` : ''}名册中没有党员${status}。`;
  }
  const branchCount = scope?.acrossBranches ? `，${new Set(members.map((m) => m.branchId)).size} 个支部` : '';
  const footer = scope && !scope.acrossBranches ? `${scope.name} 共 ${members.length} 人${status}。` : `共 ${members.length} 人${branchCount}${status}。`;
  return `${listTable(members, scope)}\n\n${footer}`;
}

interface MemberListOptions {
  all: boolean;
  query: string;
  /** --branch given: the JSON names each member's branch, the text says whose members these are. */
  branchGiven: boolean;
  search: z.output<typeof memberSearchSchema>;
}

export const memberListCommand: CliCommand<MemberListOptions> = {
  path: ['member', 'list'],
  summary: '列出党员（默认为本支部的在册党员：正常、停止党籍），按姓名拼音排序；身份证号只显示首尾',
  usage: '[--search 关键字] [--all] [--branch 支部名称|all]',
  details: [
    '--search 关键字   与名册页的搜索相同：姓名、拼音首字母（如 zs）、全拼或身份证号片段',
    '--all             包括已转出、出党、去世的党员',
    '--branch 支部名称  列出数据文件中另一个支部（从交接包导入的）的党员，写完整名称或其中能区分的一段；',
    '                  --branch all：全部支部，按支部排列，加“所在支部”一列；默认为本支部',
    '加 --json 时输出全部字段（身份证号完整），可直接用于 member add；给出 --branch 时每项另有 branch（所在支部）。',
  ],
  options: { search: { type: 'string' }, all: { type: 'boolean' }, branch: { type: 'string' } },
  database: 'existing',
  prepare({ values, databasePath }) {
    const command = memberListCommand;
    const all = values.all === true;
    const query = typeof values.search === 'string' ? values.search : '';
    const input = { query, status: all ? 'all' : 'active' };
    const search = schemaOptions(memberSearchSchema, input, { query: '--search' }, command);
    // Last: the only check that reads the data file.
    const branchId = branchScopeOption(values, databasePath, command);
    if (branchId === null) return { all, query, branchGiven: false, search };
    return { all, query, branchGiven: true, search: { ...search, branchId, sort: branchId === 'all' ? 'branch' : search.sort } };
  },
  run({ options: { all, query, branchGiven, search }, ctx }) {
    const db = ctx!.db;
    // Every match: findMembers leaves the search's offset and limit (a page of the roster screen) aside.
    const members = findMembers(db, search);
    if (!branchGiven) return { data: members.map(memberJson), text: listText(members, { all, query, scope: null }) };
    const scope = rosterScope(db, search.branchId);
    const data = members.map((m) => ({ ...memberJson(m), branch: scope.names.get(m.branchId) ?? '' }));
    return { data, text: listText(members, { all, query, scope }) };
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
