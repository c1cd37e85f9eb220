/**
 * 测评统计表 (tally sheet): per graded member the votes for each grade — by voter type (党员 / 群众) and in total when
 * 群众代表 voted, else in total only — the votes counted, the share of favourable votes (优秀 + 合格) and the grade the
 * rules propose; the ballots line (issued, collected, valid, spoilt) above; the rules in a note; signatures to count.
 * 表册 landscape, the two header rows repeated on every page.
 */
import type { Results } from '../../../../shared/contract/appraisal';
import type { PrintDocument, TableCell, TableRowData } from '../../../../shared/documents/model';
import { RECORD, textWidth } from '../../../../shared/documents/presets';
import { GRADES, VOTER_TYPES, type AppraisalRules } from '../../../../shared/domain/appraisal';
import { documentStem, formTitleLines, percent, spreadColumns } from './common';

export interface TallyInput {
  branchName: string;
  results: Results;
  rules: AppraisalRules;
  /** Whether the counts are split by voter type (群众代表 were issued sheets or voted). */
  byVoterType: boolean;
  date: string;
}

export const TALLY_SIZE = 10.5;

export function tallyHeading(year: number): string {
  return `${year}年度民主评议党员测评统计表`;
}

export function ballotsLine(r: Results): string {
  const b = r.ballots;
  const pending = b.pending ? `，两遍录入未核对一致的 ${b.pending} 张未计入` : '';
  return `发放测评表 ${b.issued} 张，收回 ${b.collected} 张，有效 ${b.valid} 张，废票 ${b.spoilt} 张${pending}`;
}

export function rulesNote(rules: AppraisalRules): string {
  return (
    `注：好评率＝（优秀票＋合格票）÷该党员所得票数。提议等次按本次评议规则：不合格票占 ${rules.unqualifiedPct}% 及以上的提议为不合格，` +
    `基本合格与不合格票合计占 ${rules.basicPct}% 及以上的提议为基本合格，优秀票超过 ${rules.excellentPct}% 的提议为优秀（优秀不超过参加评定人数的 ` +
    `${rules.excellentCapNum}/${rules.excellentCapDen}），其余为合格。提议仅供支部评定参考。`
  );
}

function header(byVoterType: boolean): TableRowData[] {
  const tail = ['票数', '好评率', '提议等次'];
  if (!byVoterType) return [['序号', '姓名', ...GRADES, ...tail]];
  const span = (text: string): TableCell => ({ text, rowSpan: 2 });
  return [
    [span('序号'), span('姓名'), ...GRADES.map((g): TableCell => ({ text: g, colSpan: 3 })), ...tail.map(span)],
    GRADES.flatMap(() => [...VOTER_TYPES, '合计']),
  ];
}

export function tallyRows(r: Results, byVoterType: boolean): string[][] {
  return r.members.map((m, i) => [
    String(i + 1),
    m.name,
    ...GRADES.flatMap((g) => (byVoterType ? [...VOTER_TYPES.map((t) => String(m.byVoterType[t][g])), String(m.counts[g])] : [String(m.counts[g])])),
    String(m.votes),
    percent(m.favourableShare),
    m.proposed ?? '—',
  ]);
}

export function buildTallyDocument(input: TallyInput): PrintDocument {
  const heading = tallyHeading(input.results.year);
  const counts = input.byVoterType ? GRADES.flatMap(() => [2.5, 2.5, 2.5]) : GRADES.map(() => 4.5);
  return {
    preset: 'record',
    orientation: 'landscape',
    pageNumbers: 'ofTotal',
    title: `${input.branchName}${heading}`,
    fileStem: documentStem(`${input.branchName}${heading}`, input.date),
    blocks: [
      { kind: 'title', lines: formTitleLines(input.branchName, heading) },
      { kind: 'subtitle', text: ballotsLine(input.results) },
      {
        kind: 'table',
        columns: spreadColumns(textWidth(RECORD, 'landscape'), TALLY_SIZE, [2.5, 0, ...counts, 2.5, 3.5, 4.5], ['center', 'center']),
        header: header(input.byVoterType),
        rows: tallyRows(input.results, input.byVoterType),
        fontSize: TALLY_SIZE,
      },
      { kind: 'note', text: rulesNote(input.rules), style: { size: TALLY_SIZE } },
      { kind: 'fillLine', labels: ['计票人：', '监票人：', '日期：　　年　　月　　日'], style: { size: 12 } },
    ],
  };
}
