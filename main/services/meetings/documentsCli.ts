/**
 * `meeting minutes`, `meeting sign-in`, `meeting notice` and `talk record`: the printed documents of 三会一课 as Word
 * files, from the same builders as the app's 打印预览 and 导出 Word.
 */
import path from 'node:path';
import { noticeDocumentSchema } from '../../../shared/contract/meetings';
import { id as idSchema } from '../../../shared/contract/common';
import { layoutAll } from '../../../shared/documents/layout';
import type { PrintDocument } from '../../../shared/documents/model';
import type { Sqlite } from '../../db/query';
import { renderDocx } from '../../documents';
import { FORCE_OPTION, integerOption, outputFile, schemaOptions, UsageError } from '../../cli/args';
import type { CliCommand, CommandResult, OptionValues } from '../../cli/command';
import { writeFileAtomic } from '../handover/export';
import { minutesDocument, noticeDocument, signInDocument, talkDocument, type NoticeOptions } from './documentData';

interface DocumentOptions {
  file: string;
  id: string;
}

/** OUT.docx (refused when it exists, unless --force) and --id, checked before the database is opened. */
function documentOptions(values: OptionValues, args: string[], command: CliCommand, what: string): DocumentOptions {
  const file = path.resolve(args[0]!);
  if (path.extname(file).toLowerCase() !== '.docx') throw new UsageError(`导出文件应以 .docx 结尾：${file}`, command);
  const given = typeof values.id === 'string' ? values.id.trim() : '';
  if (!given) throw new UsageError(`缺少选项 --id（${what}的编号）`, command);
  const id = idSchema.safeParse(given);
  if (!id.success) throw new UsageError(`选项 --id：“${given}”不是有效的记录编号`, command);
  return { file: outputFile(args[0]!, values, command), id: id.data };
}

async function write(file: string, document: PrintDocument, what: string): Promise<CommandResult> {
  writeFileAtomic(file, await renderDocx(document));
  const pages = layoutAll(document).length;
  return { data: { file, title: document.title, pages }, text: `已生成${what}（${pages} 页）：${file}` };
}

function command<O extends DocumentOptions>(
  spec: Omit<CliCommand<O>, 'prepare' | 'run' | 'database' | 'positionals'>,
  what: string,
  extra: (values: OptionValues, self: CliCommand<O>) => Omit<O, keyof DocumentOptions>,
  build: (db: Sqlite, options: O) => PrintDocument,
): CliCommand<O> {
  const self: CliCommand<O> = {
    ...spec,
    options: { id: { type: 'string' }, ...spec.options, ...FORCE_OPTION },
    positionals: ['OUT.docx'],
    database: 'existing',
    prepare: ({ values, args }) => ({ ...documentOptions(values, args, self, what), ...extra(values, self) }) as O,
    run: ({ options, ctx }) => write(options.file, build(ctx!.db, options), what),
  };
  return self;
}

export const meetingMinutesCommand = command<DocumentOptions & { version: number | null }>(
  {
    path: ['meeting', 'minutes'],
    summary: '导出会议记录（Word）：会议基本情况、会议内容、发言、决议及表决情况、签字栏，附件图片附后',
    usage: '--id ID OUT.docx [--version N] [--force]',
    details: ['--id ID        会议记录的编号（meeting list --json 中的 id）', '--version N    导出修订历史中的第 N 版（默认为当前版本）', '--force        OUT.docx 已存在时覆盖它'],
    options: { version: { type: 'string' } },
  },
  '会议记录',
  (values, self) => {
    if (values.version === undefined) return { version: null };
    const version = integerOption(values, 'version', self);
    if (version < 1) throw new UsageError('选项 --version 应为 1 或更大的整数', self);
    return { version };
  },
  (db, o) => minutesDocument(db, o.id, o.version),
);

export const meetingSignInCommand = command<DocumentOptions>(
  {
    path: ['meeting', 'sign-in'],
    summary: '导出签到表（Word）：应到会的党员（序号、姓名、党小组、签到、备注），会前打印',
    usage: '--id ID OUT.docx [--force]',
    details: ['--id ID        会议记录的编号', '--force        OUT.docx 已存在时覆盖它'],
    options: {},
  },
  '签到表',
  () => ({}),
  (db, o) => signInDocument(db, o.id),
);

export const meetingNoticeCommand = command<DocumentOptions & { notice: Omit<NoticeOptions, 'id'> }>(
  {
    path: ['meeting', 'notice'],
    summary: '导出会议通知（Word，公文格式）：主送、时间、地点、参会人员、议题、要求、落款和日期',
    usage: '--id ID OUT.docx [--to 主送] [--attendees 参会人员] [--date YYYY-MM-DD] [--force]',
    details: [
      '--id ID            会议记录的编号',
      '--to 主送          默认按会议类型：各党小组、全体党员 / 各位支部委员 / 本小组全体党员',
      '--attendees 文字   参会人员（默认按会议类型）',
      '--date YYYY-MM-DD  通知日期（默认今天）',
      '--force            OUT.docx 已存在时覆盖它',
    ],
    options: { to: { type: 'string' }, attendees: { type: 'string' }, date: { type: 'string' } },
  },
  '会议通知',
  (values, self) => {
    const input = { id: '00000000-0000-4000-8000-000000000000', audience: values.to, attendees: values.attendees, noticeDate: values.date };
    const { audience, attendees, noticeDate } = schemaOptions(noticeDocumentSchema, input, { audience: '--to', attendees: '--attendees', noticeDate: '--date' }, self);
    return { notice: { audience, attendees, noticeDate } };
  },
  (db, o) => noticeDocument(db, { id: o.id, ...o.notice }),
);

export const talkRecordCommand = command<DocumentOptions>(
  {
    path: ['talk', 'record'],
    summary: '导出谈心谈话记录或家访记录（Word）',
    usage: '--id ID OUT.docx [--force]',
    details: ['--id ID        谈话记录的编号', '--force        OUT.docx 已存在时覆盖它'],
    options: {},
  },
  '谈话记录',
  () => ({}),
  (db, o) => talkDocument(db, o.id),
);

export const meetingsDocumentCommands: readonly CliCommand<any>[] = [meetingMinutesCommand, meetingSignInCommand, meetingNoticeCommand, talkRecordCommand];
