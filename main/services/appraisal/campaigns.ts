/** Appraisal campaigns: one per year, the members appraised, the ballots issued, the rules in force. */
import { AppError, validationError } from '../../../shared/contract/errors';
import { APPRAISAL_FIELD_LABELS, type AppraisedMember, type Campaign, type CampaignSummary } from '../../../shared/contract/appraisal';
import {
  DEFAULT_RULES,
  allStages,
  isGraded,
  issuedSerials,
  stageOrderProblem,
  type AppraisalRules,
  type StageDate,
  type VoterType,
} from '../../../shared/domain/appraisal';
import { all, first, qb, type Sqlite } from '../../db/query';
import { getRow, insertRow, newCommon, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import type { AppraisalCampaignsTable, AppraisalMembersTable } from './tables';

export function requireCampaign(db: Sqlite, id: string): AppraisalCampaignsTable {
  const row = getRow(db, 'appraisal_campaigns', id);
  if (!row || row.deleted_at) throw new AppError('E_NOT_FOUND', '没有找到这次民主评议（可能已被删除）');
  return row;
}

export function rulesOf(c: AppraisalCampaignsTable): AppraisalRules {
  return {
    excellentCapNum: c.excellent_cap_num,
    excellentCapDen: c.excellent_cap_den,
    unqualifiedPct: c.unqualified_pct,
    basicPct: c.basic_pct,
    excellentPct: c.excellent_pct,
  };
}

function stagesOf(c: AppraisalCampaignsTable): StageDate[] {
  try {
    return allStages(JSON.parse(c.stages_json) as StageDate[]);
  } catch {
    return allStages();
  }
}

export function appraisedRows(db: Sqlite, campaignId: string): AppraisalMembersTable[] {
  return all(db, qb.selectFrom('appraisal_members').selectAll().where('campaign_id', '=', campaignId).where('deleted_at', 'is', null).orderBy('sort_order'));
}

export function toAppraised(r: AppraisalMembersTable): AppraisedMember {
  const excluded = r.excluded === 1;
  return { memberId: r.member_id, name: r.name, category: r.category, excluded, exclusionReason: r.exclusion_reason, graded: isGraded({ category: r.category, excluded }) };
}

/** Sheets collected (first entries), by voter type. */
export function collectedByType(db: Sqlite, campaignId: string): Record<VoterType, number> {
  const rows = all(
    db,
    qb
      .selectFrom('appraisal_sheets')
      .select(['voter_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', '=', campaignId)
      .where('entry', '=', 1)
      .where('deleted_at', 'is', null)
      .groupBy('voter_type'),
  );
  const counts: Record<VoterType, number> = { 党员: 0, 群众: 0 };
  for (const r of rows) counts[r.voter_type as VoterType] = Number(r.n);
  return counts;
}

export function getCampaign(db: Sqlite, id: string): Campaign {
  const c = requireCampaign(db, id);
  return {
    id: c.id,
    year: c.year,
    stages: stagesOf(c),
    issuedMembers: c.issued_members,
    issuedMasses: c.issued_masses,
    doubleEntry: c.double_entry === 1,
    rules: rulesOf(c),
    note: c.note,
    members: appraisedRows(db, id).map(toAppraised),
    collected: collectedByType(db, id),
    updatedAt: c.updated_at,
  };
}

export function listCampaigns(db: Sqlite, branchId: string): CampaignSummary[] {
  const campaigns = all(db, qb.selectFrom('appraisal_campaigns').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null).orderBy('year', 'desc'));
  return campaigns.map((c) => {
    const members = appraisedRows(db, c.id).map(toAppraised);
    const collected = collectedByType(db, c.id);
    const decided = all(db, qb.selectFrom('appraisal_grades').select('id').where('campaign_id', '=', c.id).where('deleted_at', 'is', null)).length;
    return {
      id: c.id,
      year: c.year,
      appraised: members.filter((m) => !m.excluded).length,
      graded: members.filter((m) => m.graded).length,
      issued: c.issued_members + c.issued_masses,
      collected: collected.党员 + collected.群众,
      decided,
    };
  });
}

export function campaignForYear(db: Sqlite, branchId: string, year: number): AppraisalCampaignsTable | undefined {
  return first(db, qb.selectFrom('appraisal_campaigns').selectAll().where('branch_id', '=', branchId).where('year', '=', year).where('deleted_at', 'is', null));
}

/** The active roster: 正常 members take part; 停止党籍 members are listed as excluded with that reason. */
function activeMembers(db: Sqlite, branchId: string) {
  return all(
    db,
    qb
      .selectFrom('members')
      .select(['id', 'name', 'category', 'status'])
      .where('branch_id', '=', branchId)
      .where('deleted_at', 'is', null)
      .where('status', 'in', ['正常', '停止党籍'])
      .orderBy('name_pinyin')
      .orderBy('id'),
  );
}

interface Exclusion {
  memberId: string;
  reason: string;
}

function checkExclusions(exclusions: readonly Exclusion[], memberIds: ReadonlySet<string>): void {
  const problems = exclusions.flatMap((e, i) => (memberIds.has(e.memberId) ? [] : [{ field: `exclusions.${i}.memberId`, message: '所选党员不在这次评议的名单中' }]));
  if (problems.length) throw validationError(problems, APPRAISAL_FIELD_LABELS);
}

function checkStages(stages: readonly StageDate[]): void {
  const problem = stageOrderProblem(stages);
  if (problem) throw validationError([{ field: 'stages', message: problem }], APPRAISAL_FIELD_LABELS);
}

export interface CampaignCreateInput {
  year: number;
  issuedMembers: number;
  issuedMasses: number;
  doubleEntry: boolean;
  rules?: AppraisalRules | null;
  stages: StageDate[];
  exclusions: Exclusion[];
  note: string;
}

const rulesColumns = (r: AppraisalRules) => ({
  excellent_cap_num: r.excellentCapNum,
  excellent_cap_den: r.excellentCapDen,
  unqualified_pct: r.unqualifiedPct,
  basic_pct: r.basicPct,
  excellent_pct: r.excellentPct,
});

export function createCampaign(db: Sqlite, input: CampaignCreateInput): Campaign {
  const branchId = requireBranchId(db);
  return db.transaction(() => {
    if (campaignForYear(db, branchId, input.year)) throw new AppError('E_CONFLICT', `${input.year}年度已有民主评议，请打开它继续`);
    checkStages(input.stages);
    const members = activeMembers(db, branchId);
    checkExclusions(input.exclusions, new Set(members.map((m) => m.id)));
    const campaign = insertRow(db, 'appraisal_campaigns', {
      ...newCommon(branchId),
      year: input.year,
      stages_json: JSON.stringify(allStages(input.stages)),
      issued_members: input.issuedMembers,
      issued_masses: input.issuedMasses,
      double_entry: input.doubleEntry ? 1 : 0,
      ...rulesColumns(input.rules ?? DEFAULT_RULES),
      note: input.note,
    });
    members.forEach((m, i) => {
      const excludedBy = input.exclusions.find((e) => e.memberId === m.id);
      const reason = excludedBy?.reason ?? (m.status === '停止党籍' ? '停止党籍' : '');
      insertRow(db, 'appraisal_members', {
        ...newCommon(branchId),
        campaign_id: campaign.id,
        year: input.year,
        member_id: m.id,
        name: m.name,
        category: m.category,
        excluded: reason ? 1 : 0,
        exclusion_reason: reason,
        sort_order: i + 1,
      });
    });
    return getCampaign(db, campaign.id);
  })();
}

export interface CampaignUpdateInput {
  campaignId: string;
  issuedMembers?: number;
  issuedMasses?: number;
  doubleEntry?: boolean;
  rules?: AppraisalRules;
  stages?: StageDate[];
  exclusions?: Exclusion[];
  note?: string;
  expectedUpdatedAt?: string;
}

export function updateCampaign(db: Sqlite, input: CampaignUpdateInput): Campaign {
  return db.transaction(() => {
    const c = requireCampaign(db, input.campaignId);
    const collected = collectedByType(db, c.id);
    const problems = [];
    if (input.issuedMembers !== undefined && input.issuedMembers < collected.党员) {
      problems.push({ field: 'issuedMembers', message: `已收回党员测评表 ${collected.党员} 张，发放数不能少于此数` });
    }
    if (input.issuedMasses !== undefined && input.issuedMasses < collected.群众) {
      problems.push({ field: 'issuedMasses', message: `已收回群众测评表 ${collected.群众} 张，发放数不能少于此数` });
    }
    if (problems.length) throw validationError(problems, APPRAISAL_FIELD_LABELS);
    if (input.stages) checkStages(input.stages);
    updateRow(
      db,
      'appraisal_campaigns',
      c.id,
      {
        ...(input.issuedMembers !== undefined && { issued_members: input.issuedMembers }),
        ...(input.issuedMasses !== undefined && { issued_masses: input.issuedMasses }),
        ...(input.doubleEntry !== undefined && { double_entry: input.doubleEntry ? 1 : 0 }),
        ...(input.rules && rulesColumns(input.rules)),
        ...(input.stages && { stages_json: JSON.stringify(allStages(input.stages)) }),
        ...(input.note !== undefined && { note: input.note }),
      },
      input.expectedUpdatedAt,
    );
    if (input.exclusions) setExclusions(db, c.id, input.exclusions);
    return getCampaign(db, c.id);
  })();
}

function setExclusions(db: Sqlite, campaignId: string, exclusions: readonly Exclusion[]): void {
  const rows = appraisedRows(db, campaignId);
  checkExclusions(exclusions, new Set(rows.map((r) => r.member_id)));
  for (const r of rows) {
    const reason = exclusions.find((e) => e.memberId === r.member_id)?.reason ?? '';
    updateRow(db, 'appraisal_members', r.id, { excluded: reason ? 1 : 0, exclusion_reason: reason });
  }
}

export function campaignSerials(db: Sqlite, campaignId: string): string[] {
  const c = requireCampaign(db, campaignId);
  return issuedSerials(c.issued_members + c.issued_masses);
}
