/** `codes list [--kind posts]`: the code lists as the 字典管理 screen shows them. */
import { CODE_LIST_KINDS, codeListKind, type CodeList } from '../../../shared/domain/codeLists';
import { UsageError, optionalString } from '../../cli/args';
import type { CliCommand } from '../../cli/command';
import { formatTable } from '../../cli/output';
import { listCodeLists } from './service';

const KIND_HELP = CODE_LIST_KINDS.map((k) => `${k.key}（${k.label}）`).join('、');

function listText(list: CodeList): string {
  const rows = list.items.map((item, i) => [String(i + 1), item.label, item.inUse ? '在用' : '停用', item.note]);
  const body = rows.length ? formatTable(['顺序', '名称', '状态', '备注'], rows) : '（没有条目）';
  const inUse = list.items.filter((i) => i.inUse).length;
  return `【${list.label}】用于${list.usedBy}；共 ${list.items.length} 项，在用 ${inUse} 项\n${body}`;
}

export const codesListCommand: CliCommand<{ kind: string | null }> = {
  path: ['codes', 'list'],
  summary: '列出字典（岗位、缺席原因、谈话类型、会议地点、表彰称号）的条目、顺序和在用/停用状态',
  usage: '[--kind 字典]',
  details: [`--kind 字典   只列出一种（填英文名或中文名）：${KIND_HELP}`],
  options: { kind: { type: 'string' } },
  database: 'existing',
  prepare({ values }) {
    const given = optionalString(values, 'kind', codesListCommand);
    if (given === null) return { kind: null };
    // The key or the Chinese name: --kind posts, --kind 岗位.
    const kind = codeListKind(given) ?? CODE_LIST_KINDS.find((k) => k.label === given);
    if (!kind) throw new UsageError(`选项 --kind 的值“${given}”不是已知的字典，应为：${KIND_HELP}`, codesListCommand);
    return { kind: kind.key };
  },
  run({ options, ctx }) {
    const lists = listCodeLists(ctx!.db, { kind: options.kind });
    return { data: lists, text: lists.map(listText).join('\n\n') };
  },
};
