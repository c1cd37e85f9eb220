/**
 * 党员自评表 (self-evaluation form), one page per member taking part (预备党员 included: they evaluate themselves but
 * are not graded, so their form has no grade line): the member's facts, a large box to write the self-evaluation in
 * by hand, the grade the member proposes for themself, and the signature.
 */
import type { Block, PrintDocument } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { cm } from '../../../../shared/documents/units';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { GRADES } from '../../../../shared/domain/appraisal';
import { formTable, FORM_SIZE } from '../../meetings/documents/common';
import { TICK_BOX } from './ballot';
import { documentStem, formTitleLines } from './common';

export interface SelfEvaluationMember {
  name: string;
  gender: string;
  /** YYYY-MM-DD or ''. */
  birthDate: string;
  joinDate: string;
  category: string;
  groupName: string;
  post: string;
}

export interface SelfEvaluationInput {
  branchName: string;
  year: number;
  members: SelfEvaluationMember[];
  date: string;
}

/** The box the member writes in: most of the page. */
export const SELF_EVALUATION_BOX = cm(11);

export const SELF_EVALUATION_PROMPT =
  '个人自评（对照党员标准和入党誓词，从理想信念、政治纪律、学习、工作、作风和发挥先锋模范作用等方面进行党性分析，查找问题，明确努力方向）：';

export function selfEvaluationHeading(year: number): string {
  return `${year}年度民主评议党员自评表`;
}

/** 1990-05-03 → 1990年5月; empty stays empty. */
function month(date: string): string {
  return date ? formatChineseDate(date).replace(/\d+日$/, '') : '';
}

function page(input: SelfEvaluationInput, m: SelfEvaluationMember): Block[] {
  const style = { size: FORM_SIZE };
  const graded = m.category !== '预备党员';
  return [
    { kind: 'title', lines: formTitleLines(input.branchName, selfEvaluationHeading(input.year)) },
    formTable([
      ['姓名', m.name, '性别', m.gender],
      ['出生年月', month(m.birthDate), '入党时间', month(m.joinDate)],
      ['党小组', m.groupName, '人员类别', m.category],
      ['岗位职务', m.post],
    ]),
    // The prompt above the box: a cell's lines are centred in a tall row, so the box itself stays empty to write in.
    { kind: 'note', text: SELF_EVALUATION_PROMPT, style },
    { kind: 'table', columns: [{ width: textWidth(RECORD), align: 'left' }], header: [], rows: [['']], fontSize: FORM_SIZE, rowHeight: SELF_EVALUATION_BOX },
    graded
      ? { kind: 'note', text: `自评等次：${GRADES.map((g) => `${TICK_BOX}${g}`).join('　')}`, style }
      : { kind: 'note', text: '预备党员参加评议，不评定等次。', style },
    { kind: 'fillLine', labels: ['本人签字：', '日期：　　年　　月　　日'], style },
  ];
}

export function buildSelfEvaluationDocument(input: SelfEvaluationInput): PrintDocument {
  const heading = selfEvaluationHeading(input.year);
  const one = input.members.length === 1 ? `-${input.members[0]!.name}` : '';
  return {
    preset: 'record',
    orientation: 'portrait',
    pageNumbers: false,
    title: `${input.branchName}${heading}`,
    fileStem: documentStem(`${input.branchName}${heading}${one}`, input.date),
    blocks: input.members.flatMap((m, i) => [...(i > 0 ? [{ kind: 'pageBreak' } as Block] : []), ...page(input, m)]),
  };
}
