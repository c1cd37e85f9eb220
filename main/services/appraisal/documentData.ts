/**
 * The appraisal documents from the records: a campaign read through the core services and handed to the builders of
 * ./documents as their plain inputs. The app's 打印预览 / 导出 Word and the CLI use these same functions.
 */
import { AppError } from '../../../shared/contract/errors';
import type { PrintDocument } from '../../../shared/documents/model';
import { localToday } from '../../../shared/domain/dates';
import { issuedSerials, publicityPeriod } from '../../../shared/domain/appraisal';
import { all, qb, type Sqlite } from '../../db/query';
import { getBranch, requireBranchId } from '../branch/branch';
import { listGroups } from '../roster/groups';
import { results } from './ballots';
import { appraisedRows, campaignForYear, getCampaign, requireCampaign, rulesOf, toAppraised } from './campaigns';
import {
  buildBallotDocument,
  buildPublicityDocument,
  buildResultsDocument,
  buildSelfEvaluationDocument,
  buildTallyDocument,
  undecidedMembers,
  type SelfEvaluationMember,
} from './documents';

function branchName(db: Sqlite): string {
  const branch = getBranch(db, requireBranchId(db));
  if (!branch) throw new AppError('E_NO_BRANCH', '尚未建立支部信息');
  return branch.name;
}

/** The campaign of a year (the CLI names campaigns by year). */
export function campaignIdForYear(db: Sqlite, year: number): string {
  const c = campaignForYear(db, requireBranchId(db), year);
  if (!c) throw new AppError('E_NOT_FOUND', `${year}年度还没有民主评议（先用 appraisal start --year ${year} 开始）`);
  return c.id;
}

/** The sheets to print: one per ballot issued, serials 001 … as the entry screen expects them. */
export function ballotDocument(db: Sqlite, campaignId: string, today = localToday()): PrintDocument {
  const c = requireCampaign(db, campaignId);
  const total = c.issued_members + c.issued_masses;
  if (total === 0) throw new AppError('E_VALIDATION', `${c.year}年度民主评议还没有填写发放的测评表张数，请先填写`);
  const members = appraisedRows(db, c.id).map(toAppraised).filter((m) => m.graded);
  if (members.length === 0) throw new AppError('E_VALIDATION', `${c.year}年度民主评议没有参加评定的党员，无法打印测评表`);
  return buildBallotDocument({ branchName: branchName(db), year: c.year, members: members.map((m) => ({ name: m.name })), serials: issuedSerials(total), date: today });
}

/** 党员自评表 for every member taking part, or for one. */
export function selfEvaluationDocument(db: Sqlite, campaignId: string, memberId: string | null = null, today = localToday()): PrintDocument {
  const c = requireCampaign(db, campaignId);
  const taking = appraisedRows(db, c.id).filter((r) => r.excluded === 0 && (!memberId || r.member_id === memberId));
  if (taking.length === 0) throw new AppError('E_NOT_FOUND', memberId ? '所选党员不在这次评议的名单中，或不参加评议' : '这次评议没有参加的党员');
  const ids = taking.map((r) => r.member_id);
  const facts = new Map(
    all(db, qb.selectFrom('members').select(['id', 'gender', 'birth_date', 'join_date', 'party_group_id', 'post']).where('id', 'in', ids)).map((m) => [m.id, m]),
  );
  const groups = new Map(listGroups(db, c.branch_id).map((g) => [g.id, g.name]));
  const members: SelfEvaluationMember[] = taking.map((r) => {
    const m = facts.get(r.member_id);
    return {
      name: r.name,
      gender: m?.gender ?? '',
      birthDate: m?.birth_date ?? '',
      joinDate: m?.join_date ?? '',
      category: r.category,
      groupName: (m?.party_group_id && groups.get(m.party_group_id)) || '',
      post: m?.post ?? '',
    };
  });
  return buildSelfEvaluationDocument({ branchName: branchName(db), year: c.year, members, date: today });
}

export function tallyDocument(db: Sqlite, campaignId: string, today = localToday()): PrintDocument {
  const c = requireCampaign(db, campaignId);
  const r = results(db, c.id);
  const massVotes = r.members.some((m) => Object.values(m.byVoterType.群众).some((n) => n > 0));
  return buildTallyDocument({ branchName: branchName(db), results: r, rules: rulesOf(c), byVoterType: c.issued_masses > 0 || massVotes, date: today });
}

export function resultsDocument(db: Sqlite, campaignId: string, today = localToday()): PrintDocument {
  return buildResultsDocument({ branchName: branchName(db), results: results(db, campaignId), date: today });
}

export interface PublicityOptions {
  campaignId: string;
  /** First day of the publicity period: the 公示 stage's date, else today. */
  from?: string | null;
  /** Last day: 7 days from the first (five working days) unless given. */
  to?: string | null;
  noticeDate?: string | null;
  contact?: string | null;
}

export function publicityDocument(db: Sqlite, o: PublicityOptions, today = localToday()): PrintDocument {
  const c = requireCampaign(db, o.campaignId);
  const r = results(db, c.id);
  const undecided = undecidedMembers(r);
  if (undecided.length) {
    const some = undecided.slice(0, 5).join('、') + (undecided.length > 5 ? ` 等 ${undecided.length} 人` : '');
    throw new AppError('E_VALIDATION', `还有党员未评定等次（${some}），请先完成组织评定再公示`);
  }
  if (r.members.length === 0) throw new AppError('E_VALIDATION', '这次评议没有参加评定的党员，无需公示');
  const { from, to, noticeDate } = publicityPeriod(getCampaign(db, c.id).stages, today, o);
  if (to < from) throw new AppError('E_VALIDATION', `公示结束日期（${to}）不能早于开始日期（${from}）`);
  return buildPublicityDocument({
    branchName: branchName(db),
    results: r,
    appraised: r.members.length + r.notGraded.filter((m) => !m.excluded).length,
    from,
    to,
    noticeDate,
    contact: o.contact ?? null,
  });
}
