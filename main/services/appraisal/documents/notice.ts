/**
 * 公示 (publicity notice) of the year's results in the 公文 preset (GB/T 9704): the title 关于…民主评议党员结果的公示,
 * how the appraisal was done, the members by grade (优秀, 合格, 基本合格, 不合格, those with none left out), the
 * 预备党员 who took part without a grade, the publicity period and how to raise an objection, the branch's 落款 and date.
 */
import type { Results } from '../../../../shared/contract/appraisal';
import type { Block, PrintDocument } from '../../../../shared/documents/model';
import { OFFICIAL, textWidth } from '../../../../shared/documents/presets';
import { layoutAll } from '../../../../shared/documents/layout';
import { measureTextSafe } from '../../../../shared/documents/metrics';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { GRADES } from '../../../../shared/domain/appraisal';
import { documentStem } from './common';

export interface PublicityInput {
  branchName: string;
  results: Results;
  /** Members appraised (graded and 预备党员). */
  appraised: number;
  /** The publicity period, YYYY-MM-DD. */
  from: string;
  to: string;
  /** The notice's date (落款). */
  noticeDate: string;
  /** 联系人 and 联系电话, printed when given. */
  contact?: string | null;
}

export function publicityTitle(year: number): string {
  return `关于${year}年度民主评议党员结果的公示`;
}

function titleLines(text: string): string[] {
  const fits = (t: string) => measureTextSafe(t, 'xiaobiaosong', OFFICIAL.title.size, false, OFFICIAL.body.characterSpacing) <= textWidth(OFFICIAL);
  if (fits(text)) return [text];
  const cut = text.indexOf('民主评议');
  return cut > 0 ? [text.slice(0, cut), text.slice(cut)] : [text];
}

/** Members without a final grade: the notice is published once every graded member has one. */
export function undecidedMembers(r: Results): string[] {
  return r.members.filter((m) => !m.final).map((m) => m.name);
}

export function buildPublicityDocument(input: PublicityInput): PrintDocument {
  const r = input.results;
  const title = publicityTitle(r.year);
  const probationary = r.notGraded.filter((m) => !m.excluded);
  const groups = GRADES.map((g) => ({ grade: g, names: r.members.filter((m) => m.final === g).map((m) => m.name) })).filter((g) => g.names.length);
  const blocks: Block[] = [
    { kind: 'title', lines: titleLines(title) },
    { kind: 'paragraph', text: '支部全体党员：', indent: false },
    {
      kind: 'paragraph',
      text:
        `根据上级党组织关于开展${r.year}年度民主评议党员工作的安排，支部按照学习动员、个人自评、党员互评、民主测评、组织评定的程序，` +
        `对支部${input.appraised}名党员进行了民主评议。民主测评发放测评表${r.ballots.issued}张，收回${r.ballots.collected}张，其中有效${r.ballots.valid}张。` +
        `经支部委员会研究，评定${r.members.length}名党员的等次。现将评定结果公示如下：`,
    },
    ...groups.map((g): Block => ({ kind: 'heading', level: 1, text: `评定为${g.grade}的党员（${g.names.length}名）：`, rest: `${g.names.join('、')}。` })),
    ...(probationary.length
      ? [{ kind: 'heading', level: 1, text: `参加评议、不评定等次的预备党员（${probationary.length}名）：`, rest: `${probationary.map((m) => m.name).join('、')}。` } as Block]
      : []),
    {
      kind: 'paragraph',
      text: `公示时间为${formatChineseDate(input.from)}至${formatChineseDate(input.to)}。公示期间，党员和群众对评定结果有不同意见的，可以书面或当面向支部反映。反映问题应实事求是，以书面形式反映的应署真实姓名。`,
    },
    ...(input.contact?.trim() ? [{ kind: 'paragraph', text: `${input.contact.trim()}。` } as Block] : []),
    { kind: 'blank' },
    { kind: 'signature', signer: input.branchName, date: input.noticeDate },
  ];
  return keepSignatureWithText({
    preset: 'official',
    orientation: 'portrait',
    title,
    fileStem: documentStem(`${input.branchName}${title}`, input.noticeDate),
    blocks,
  });
}

/**
 * GB/T 9704: the 落款 never stands alone on a page. When it would, the blank line above it goes; when even that leaves
 * it alone, the last paragraph moves over with it. The layout engine paginates as LibreOffice does, so Word agrees.
 */
export function keepSignatureWithText(doc: PrintDocument): PrintDocument {
  const at = doc.blocks.findIndex((b) => b.kind === 'signature');
  const signature = doc.blocks[at];
  if (!signature || signature.kind !== 'signature' || doc.blocks[at - 1]?.kind !== 'blank') return doc;
  const alone = (d: PrintDocument) => layoutAll(d).some((page, i) => i > 0 && page.firstLine === signature.signer);
  if (!alone(doc)) return doc;
  const tight = { ...doc, blocks: [...doc.blocks.slice(0, at - 1), ...doc.blocks.slice(at)] };
  if (!alone(tight)) return tight;
  return { ...doc, blocks: [...doc.blocks.slice(0, at - 2), { kind: 'pageBreak' }, ...doc.blocks.slice(at - 2)] };
}
