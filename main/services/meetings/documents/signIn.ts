/**
 * 签到表 (sign-in sheet), printed before the meeting: the meeting's title, time and place, then one row per member who
 * should attend (序号, 姓名, 党小组, 签到 left blank to sign, 备注), rows tall enough to sign in, the header repeated on
 * every page; invited guests (列席, their unit in the 党小组 column) follow the members. Under the table: 应到 … 人, 实到 and 记录人 to fill in.
 */
import type { PrintDocument, TableColumn, TableRowData } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { cm } from '../../../../shared/documents/units';
import { documentStem, fitTitleLine, FORM_SIZE, labelWidth, meetingTime } from './common';

export interface SignInMember {
  name: string;
  groupName?: string | null;
  /** Printed in 备注: 预备党员 (no vote), 列席 … */
  remark?: string | null;
}

export interface SignInGuest {
  name: string;
  /** Unit or why attending. */
  note?: string | null;
}

export interface SignInInput {
  branchName: string;
  /** 2026年第3次支委会. */
  heading: string;
  /** A party group meeting: the group, on its own title line. */
  groupName?: string | null;
  date: string;
  startTime?: string | null;
  endTime?: string | null;
  place: string;
  members: SignInMember[];
  guests: SignInGuest[];
  fileStem?: string;
}

/** Room to sign by hand: 1 cm a row. */
export const SIGN_ROW_HEIGHT = cm(1);

const HEADER = ['序号', '姓名', '党小组', '签到', '备注'];

function columns(width: number): TableColumn[] {
  const number = labelWidth(2);
  const name = labelWidth(4);
  const group = labelWidth(7);
  const remark = labelWidth(4);
  const sign = width - number - name - group - remark;
  return [
    { width: number, align: 'center', nowrap: true },
    { width: name, align: 'center' },
    { width: group, align: 'center' },
    { width: sign, align: 'center' },
    { width: remark, align: 'center' },
  ];
}

export function signInRows(input: Pick<SignInInput, 'members' | 'guests'>): TableRowData[] {
  const members = input.members.map((m, i) => [String(i + 1), m.name, m.groupName ?? '', '', m.remark ?? '']);
  const start = members.length;
  // A guest's unit stands where a member's party group does.
  const guests = input.guests.map((g, i) => [String(start + i + 1), g.name, g.note ?? '', '', '列席']);
  return [...members, ...guests];
}

export function buildSignInDocument(input: SignInInput): PrintDocument {
  const heading = `${input.heading}签到表`;
  const group = input.groupName ?? '';
  const style = { size: FORM_SIZE };
  return {
    preset: 'record',
    orientation: 'portrait',
    pageNumbers: 'ofTotal',
    title: `${input.branchName}${group}${heading}`,
    fileStem: input.fileStem ?? documentStem(`${input.branchName}${group}${heading}`, input.date),
    blocks: [
      { kind: 'title', lines: [...fitTitleLine(input.branchName), ...(group ? fitTitleLine(group) : []), ...fitTitleLine(heading)] },
      { kind: 'note', text: `会议时间：${meetingTime(input.date, input.startTime, input.endTime)}`, style },
      { kind: 'note', text: `会议地点：${input.place}`, style },
      {
        kind: 'table',
        columns: columns(textWidth(RECORD)),
        header: [HEADER],
        rows: signInRows(input),
        fontSize: FORM_SIZE,
        rowHeight: SIGN_ROW_HEIGHT,
      },
      { kind: 'fillLine', labels: [`应到：${input.members.length}人`, '实到：　　人', '记录人：'], style },
    ],
  };
}
