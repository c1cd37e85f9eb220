/**
 * The appraisal of the demo seeder: last year's campaign with its ballots entered (members' and 群众代表's sheets,
 * one 废票, most members marked 合格 or 优秀, a few with doubts, one 不合格 with its follow-up) and the grades decided
 * as proposed; this year's campaign in progress (mobilised, no ballots yet). Written through the services, so every sheet passes the checks.
 */
import { allStages, GRADES, STAGES, type Grade } from '../../../shared/domain/appraisal';
import type { Sqlite } from '../../db/query';
import { createRng, type Rng } from '../demo/random';
import type { DemoCapability, DemoCounts, DemoPlan, DemoState } from '../demo/types';
import { decideGrades, enterSheet, results } from './ballots';
import { campaignForYear, createCampaign } from './campaigns';
import { listFollowUps, updateFollowUp } from './followups';

/** Ballots are entered for branches up to this many members (a sheet has a row per member; larger demos get campaigns only). */
const MAX_BALLOT_MEMBERS = 150;
const MASS_REPRESENTATIVES = 5;

/** How the branch sees a member: the weights of 优秀, 合格, 基本合格, 不合格 on a sheet. */
const STANDINGS: readonly (readonly number[])[] = [
  [0.7, 0.28, 0.02, 0], // well regarded
  [0.2, 0.75, 0.05, 0],
  [0.2, 0.75, 0.05, 0],
  [0.1, 0.8, 0.1, 0],
  [0.02, 0.48, 0.4, 0.1], // doubts (often absent from organisational life)
  [0, 0.15, 0.25, 0.6], // one member long absent without reason: proposed 不合格, which opens a follow-up
];
const UNQUALIFIED_STANDING = 5;

function pickGrade(rng: Rng, weights: readonly number[]): Grade | null {
  if (rng.chance(0.03)) return null; // left unmarked
  let r = rng.next();
  for (let i = 0; i < GRADES.length; i++) {
    r -= weights[i]!;
    if (r < 0) return GRADES[i]!;
  }
  return '合格';
}

function lastYearStages(year: number) {
  const dates = [`${year}-11-03`, `${year}-11-20`, `${year}-12-05`, `${year}-12-05`, `${year}-12-12`, `${year}-12-15`, `${year}-12-26`];
  return allStages(STAGES.map((stage, i) => ({ stage, date: dates[i]! })));
}

function seedLastYear(db: Sqlite, rng: Rng, year: number, state: DemoState, today: string): DemoCounts {
  const probe = state.members.filter((m) => m.status === '正常' || m.status === '停止党籍');
  if (probe.length === 0) return {};
  const voters = probe.filter((m) => m.status === '正常').length;
  const issuedMembers = Math.max(1, voters - 2); // two on shift, not at the meeting
  const campaign = createCampaign(db, {
    year,
    issuedMembers,
    issuedMasses: MASS_REPRESENTATIVES,
    doubleEntry: false,
    rules: null,
    stages: lastYearStages(year),
    exclusions: [],
    note: '结合年度组织生活会进行',
  });
  const ballot = campaign.members.filter((m) => m.graded);
  if (ballot.length === 0 || ballot.length > MAX_BALLOT_MEMBERS) return { appraisalCampaigns: 1, appraisalSheets: 0, appraisalGrades: 0 };
  // Index 3 takes the place of one of the doubtful (i % 7 === 3), so the random draws stay as they were.
  const standing = new Map(ballot.map((m, i) => [m.memberId, STANDINGS[i === 3 ? UNQUALIFIED_STANDING : i % 7 === 3 ? 4 : rng.int(0, 3)]!]));
  const total = issuedMembers + MASS_REPRESENTATIVES;
  const spoiltSerial = rng.int(1, total);
  for (let serial = 1; serial <= total; serial++) {
    const voterType = serial <= issuedMembers ? '党员' : '群众';
    const grades: Record<string, Grade> = {};
    for (const m of ballot) {
      const g = pickGrade(rng, standing.get(m.memberId)!);
      if (g) grades[m.memberId] = g;
    }
    enterSheet(db, { campaignId: campaign.id, serial: String(serial), entry: 1, voterType, spoilt: serial === spoiltSerial, grades });
  }
  const tally = results(db, campaign.id);
  const decisions = tally.members.filter((m) => m.proposed).map((m) => ({ memberId: m.memberId, grade: m.proposed, reason: '', note: '' }));
  if (decisions.length) decideGrades(db, campaign.id, decisions, today);
  const followUps = followUpLastYear(db, campaign.id, today);
  return { appraisalCampaigns: 1, appraisalSheets: total, appraisalGrades: decisions.length, appraisalFollowUps: followUps };
}

/** The 不合格 of last year: 限期改正, a talk recorded; closed as 已改正 once its deadline has passed. */
function followUpLastYear(db: Sqlite, campaignId: string, today: string): number {
  const followUps = listFollowUps(db, campaignId);
  for (const f of followUps) {
    const done = f.deadline !== null && f.deadline < today;
    updateFollowUp(db, {
      followUpId: f.id,
      state: done ? '已改正' : '进行中',
      note: done
        ? `${f.decidedDate} 支部书记谈话提醒，本人作出书面检查并制定改正措施；期满经支委会考察，能按时参加组织生活、交纳党费，认定已改正。`
        : `${f.decidedDate} 支部书记谈话提醒，本人作出书面检查并制定改正措施，指定一名支委帮带。`,
    });
  }
  return followUps.length;
}

function seedThisYear(db: Sqlite, year: number, today: string): DemoCounts {
  const mobilised = `${year}-11-03` <= today ? `${year}-11-03` : today;
  createCampaign(db, {
    year,
    issuedMembers: 0,
    issuedMasses: 0,
    doubleEntry: true,
    rules: null,
    stages: [{ stage: '学习动员', date: mobilised }],
    exclusions: [],
    note: '',
  });
  return { appraisalCampaigns: 1 };
}

export const appraisalDemo: DemoCapability<null> = {
  key: 'appraisal',
  label: '民主评议',
  size: () => 0,
  *prepare() {
    return null;
  },
  write(db: Sqlite, _prepared: null, state: DemoState, plan: DemoPlan): DemoCounts {
    const rng = createRng(plan.seed, 'appraisal');
    const year = Number(plan.today.slice(0, 4));
    const counts: DemoCounts = { appraisalCampaigns: 0, appraisalSheets: 0, appraisalGrades: 0 };
    const add = (c: DemoCounts) => Object.entries(c).forEach(([k, v]) => (counts[k] = (counts[k] ?? 0) + v));
    if (!campaignForYear(db, state.branchId, year - 1)) add(seedLastYear(db, rng, year - 1, state, plan.today));
    if (!campaignForYear(db, state.branchId, year)) add(seedThisYear(db, year, plan.today));
    return counts;
  },
};
