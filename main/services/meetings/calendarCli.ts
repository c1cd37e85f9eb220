/** `meeting calendar`: the year's 三会一课 台账 as JSON or text, or written to Word (.docx) or Excel (.xlsx). */
import path from 'node:path';
import { localToday } from '../../../shared/domain/dates';
import { FORCE_OPTION, integerOption, optionalString, outputFile, UsageError } from '../../cli/args';
import type { CliCommand } from '../../cli/command';
import { branchOption } from '../../cli/lookup';
import { writeFileAtomic } from '../handover/export';
import { getBranch, requireBranchId } from '../branch/branch';
import { renderDocx } from '../../documents';
import { branchCalendar, calendarDocument } from './calendarService';
import { calendarXlsx } from './calendarXlsx';

interface CalendarOptions {
  year: number;
  /** null: the local branch. */
  branchId: string | null;
  out: { file: string; format: 'docx' | 'xlsx' } | null;
}

export const meetingCalendarCommand: CliCommand<CalendarOptions> = {
  path: ['meeting', 'calendar'],
  summary: '三会一课台账：一年中各类会议已开、缺开、待开的情况，谈心谈话覆盖率和党员参会率；可导出 Word 或 Excel',
  usage: '[--year 2026] [--branch 支部名称] [OUT.docx|OUT.xlsx] [--force] [--json]',
  details: [
    '--year 2026      年度（默认今年）',
    '--branch 名称    党委汇总数据中的某个支部（默认本支部）',
    'OUT.docx         把台账写成 Word（A4 横向）或 Excel（.xlsx）文件（也可写作 --out OUT.docx）',
    '--json           输出 {"year": 2026, "missing": [{"type": "支委会", "period": "2026-03", "partyGroup": null}], …}',
  ],
  options: { year: { type: 'string' }, out: { type: 'string' }, ...FORCE_OPTION, branch: { type: 'string' } },
  positionals: ['[OUT.docx|OUT.xlsx]'],
  database: 'existing',
  prepare({ values, args, databasePath }) {
    const command = meetingCalendarCommand;
    const year = integerOption(values, 'year', command, Number(localToday().slice(0, 4)));
    if (year < 1921 || year > 2200) throw new UsageError('选项 --year 应为 1921 到 2200 之间的年份', command);
    const outOption = optionalString(values, 'out', command);
    if (outOption && args[0]) throw new UsageError(`输出文件只能给一个：${args[0]} 或 --out ${outOption}`, command);
    const outText = args[0] ?? outOption;
    let out: CalendarOptions['out'] = null;
    if (outText) {
      const ext = path.extname(outText).toLowerCase();
      if (ext !== '.docx' && ext !== '.xlsx') throw new UsageError(`输出文件应以 .docx 或 .xlsx 结尾：${outText}`, command);
      out = { file: outputFile(outText, values, command), format: ext === '.docx' ? 'docx' : 'xlsx' };
    }
    return { year, out, branchId: branchOption(values, databasePath, command) };
  },
  async run({ options: { year, branchId, out }, ctx }) {
    const db = ctx!.db;
    const id = branchId ?? requireBranchId(db);
    const calendar = branchCalendar(db, id, year);
    const branch = getBranch(db, id)!.name;
    if (out) {
      const bytes = out.format === 'docx' ? await renderDocx(calendarDocument(db, id, year)) : await calendarXlsx(branch, calendar);
      writeFileAtomic(out.file, bytes);
    }
    const data = {
      year,
      branch,
      countedOn: calendar.today,
      missing: calendar.missing.map((m) => ({ type: m.kindLabel, period: m.period, partyGroup: m.groupName, draft: m.draftIds.length > 0 })),
      due: calendar.due.map((m) => ({ type: m.kindLabel, period: m.period, partyGroup: m.groupName, deadline: m.deadline })),
      rows: calendar.rows.map((r) => ({ type: r.kindLabel, partyGroup: r.groupName, frequency: r.frequency, held: r.held, required: r.required })),
      talks: { covered: calendar.talks.covered, total: calendar.talks.total, notTalked: calendar.talks.notTalked.map((m) => m.name) },
      attendance: calendar.attendance.map((a) => ({ name: a.name, expected: a.expected, attended: a.attended })),
      ...(out ? { file: out.file } : {}),
    };
    const lines = [
      `${branch} ${year} 年三会一课台账（截至 ${calendar.today}）`,
      ...calendar.rows.map((r) => `  ${r.groupName ? `${r.kindLabel}（${r.groupName}）` : r.kindLabel}：已开 ${r.held} / 应开 ${r.required}`),
      calendar.missing.length ? `缺开 ${calendar.missing.length} 期：${calendar.missing.map((m) => `${m.kindLabel}${m.groupName ? `（${m.groupName}）` : ''} ${m.period}`).join('，')}` : '没有缺开的会议',
      `谈心谈话：已谈 ${calendar.talks.covered} / ${calendar.talks.total} 人`,
      ...(out ? [`已写入 ${out.file}`] : []),
    ];
    return { data, text: lines.join('\n') };
  },
};
