/**
 * The development pipeline of the demo seeder: applicants at every stage, with steps dated in the
 * current and the previous year, and the development records of the roster's recent members
 * (probationers and those made full members lately), linked to their member records.
 * Everything is written through the pipeline services, so every step passes the rules.
 */
import { AppError } from '../../../shared/contract/errors';
import { addDays, addYears, daysBetween, fullYearsBetween } from '../../../shared/domain/dates';
import type { Gender, Member } from '../../../shared/domain/member';
import { earliestTargetDate, STEP, type ApplicantFields, type StepInputRaw } from '../../../shared/domain/pipeline';
import { stepInputSchema } from '../../../shared/domain/pipeline';
import type { Sqlite } from '../../db/query';
import { createApplicant, terminateApplicant } from '../pipeline/applicants';
import { recordStep } from '../pipeline/steps';
import { listGroups } from '../roster/groups';
import { TEAM_POSTS } from '../demo/crew';
import { demoName } from '../demo/names';
import { createRng, type Rng } from '../demo/random';
import { demoIdNumber, demoRegion } from '../demo/regions';
import type { DemoCapability, DemoCounts, DemoPlan, DemoState } from '../demo/types';

const NOTES: Record<number, string> = {
  1: '本人递交书面入党申请书',
  2: '支部书记与其谈话，了解入党动机和对党的认识',
  3: '经党员推荐、群团组织推优，支委会研究确定',
  4: '报公司党委组织部备案',
  6: '半年考察合格，按季度递交思想汇报',
  7: '听取党小组、培养联系人、党员和群众意见，支委会研究确定',
  8: '报公司党委组织部备案',
  10: '政治审查合格，形成政审结论材料',
  11: '参加公司党委党校发展对象培训班，考试合格',
  12: '支委会审查合格',
  13: '公司党委预审合格，发放入党志愿书',
  14: '在入党介绍人指导下填写入党志愿书',
  15: '支部大会表决通过，接收为预备党员',
  16: '公司党委组织员谈话',
  17: '公司党委审批同意接收为预备党员',
  18: '报上级党委组织部备案',
  19: '编入所在班组党小组',
  20: '参加公司党委集中入党宣誓',
  21: '预备期内按季度递交思想汇报，参加组织生活',
  22: '本人递交转正申请书',
  23: '支部大会讨论同意按期转正',
  24: '公司党委审批同意按期转为正式党员',
  25: '入党材料归入本人人事档案',
};

/** Where a newly generated applicant stands: the last step recorded, or stopped after it. */
interface Target {
  last: number;
  terminated?: boolean;
  /** Days between the last dated event and today. */
  lag: [number, number];
}

/** One of each in turn, so a small branch has every stage (and a late talk and a stopped development). */
const TARGETS: Target[] = [
  { last: 1, lag: [35, 70] },
  { last: 4, lag: [5, 90] },
  { last: 9, lag: [5, 60] },
  { last: 2, lag: [3, 120] },
  { last: 14, lag: [3, 40] },
  { last: 3, terminated: true, lag: [20, 200] },
  { last: 6, lag: [5, 90] },
  { last: 11, lag: [5, 60] },
  { last: 16, lag: [3, 25] },
];

interface DemoApplicant {
  fields: Omit<ApplicantFields, 'partyGroupId'>;
  groupPick: number;
  /** Step dates 1..last, index = step. */
  dates: string[];
  terminated: { date: string; reason: string } | null;
  training: { days: number; hours: number };
  peoplePick: number[];
}

export interface PreparedPipeline {
  applicants: DemoApplicant[];
}

const between = (rng: Rng, [a, b]: [number, number]) => rng.int(a, b);

/** Dates from the application on, step after step with the usual intervals (more than a year as activist). */
function forwardDates(rng: Rng, application: string, last: number): string[] {
  const dates = ['', application];
  const gaps: Record<number, [number, number]> = {
    2: [7, 28], 3: [45, 110], 4: [5, 15], 5: [1, 7], 6: [150, 200], 8: [5, 15], 9: [3, 10], 10: [10, 30],
    11: [10, 30], 12: [5, 15], 13: [7, 20], 14: [5, 15], 15: [10, 30], 16: [7, 20],
  };
  for (let step = 2; step <= last; step++) {
    dates[step] = step === STEP.target ? addDays(earliestTargetDate(dates[STEP.activist]!), rng.int(10, 60)) : addDays(dates[step - 1]!, between(rng, gaps[step]!));
  }
  return dates;
}

function shift(dates: string[], days: number): string[] {
  return dates.map((d) => (d ? addDays(d, days) : d));
}

function demoFields(rng: Rng, today: string, taken: Set<string>, application: string): DemoApplicant['fields'] {
  const gender: Gender = rng.chance(0.12) ? '女' : '男';
  const ethnicity = rng.chance(0.93) ? '汉族' : rng.pick(['回族', '满族', '蒙古族', '土家族']);
  const birth = addDays(addYears(application, -rng.int(20, 34)), -rng.int(0, 364));
  const region = demoRegion(rng, ethnicity);
  const post = rng.weighted(TEAM_POSTS[rng.pick(['drilling', 'drilling', 'mechanical', 'mud', 'technical'] as const)]);
  return {
    name: demoName(rng, gender, Number(birth.slice(0, 4)), ethnicity),
    gender,
    ethnicity: ethnicity as ApplicantFields['ethnicity'],
    idNumber: demoIdNumber(rng, region, birth, gender === '男', taken),
    birthDate: birth,
    education: rng.pick(['21', '31', '31', '41', '61']),
    nativePlace: region.nativePlace,
    politicalStatus: fullYearsBetween(birth, today) < 28 && rng.chance(0.8) ? '共青团员' : '群众',
    phone: rng.pick(['138', '139', '150', '186', '187']) + String(rng.int(10_000_000, 99_999_999)),
    workUnit: '',
    post: post.post,
    remark: '',
  };
}

function demoApplicant(rng: Rng, target: Target, today: string, taken: Set<string>): DemoApplicant {
  const draft = forwardDates(rng, '2000-01-01', target.last);
  const end = target.terminated ? addDays(draft[target.last]!, rng.int(30, 120)) : draft[target.last]!;
  const offset = daysBetween(end, addDays(today, -between(rng, target.lag)));
  const dates = shift(draft, offset);
  return {
    fields: demoFields(rng, today, taken, dates[1]!),
    groupPick: rng.int(0, 1000),
    dates,
    terminated: target.terminated ? { date: addDays(end, offset), reason: rng.pick(['本人申请撤回入党申请', '调离本单位，材料转交新单位党组织', '考察期间表现不符合条件，支委会研究终止培养']) } : null,
    training: rng.chance(0.6) ? { days: 3, hours: 24 } : { days: 5, hours: 40 },
    peoplePick: [rng.int(0, 1000), rng.int(0, 1000)],
  };
}

/** Records of each kind (new applicants; recent members' records) at most, whatever the size of the roster. */
const MAX_RECORDS = 40;

function applicantCount(plan: DemoPlan): number {
  return Math.min(MAX_RECORDS, Math.max(6, Math.round(plan.members / 8)));
}

/** The data of the steps that need people or training, drawn from the branch's full members. */
function stepExtras(step: number, a: Pick<DemoApplicant, 'training' | 'peoplePick'>, formal: readonly Member[]): Partial<StepInputRaw> {
  const pick = (k: number) => formal[(a.peoplePick[k]! + k) % formal.length]!.id;
  const two = formal.length > 1 ? [pick(0), formal[(a.peoplePick[0]! + 1) % formal.length]!.id] : [pick(0)];
  if (step === STEP.cultivators) return { cultivatorIds: a.peoplePick[1]! % 2 ? two : [pick(0)] };
  if (step === STEP.introducers) return { introducerIds: two };
  if (step === STEP.training) return { trainingDays: a.training.days, trainingHours: a.training.hours };
  return {};
}

function recordDates(db: Sqlite, id: string, a: Pick<DemoApplicant, 'training' | 'peoplePick'>, dates: readonly string[], formal: readonly Member[], today: string): void {
  for (let step = 2; step < dates.length; step++) {
    const date = dates[step]!;
    if (date > today) return;
    recordStep(db, id, stepInputSchema.parse({ step, date, note: NOTES[step] ?? '', ...stepExtras(step, a, formal) }), today);
  }
}

/** The development record of a member already on the roster, step 15 on the day the member joined. */
function memberDates(rng: Rng, m: Member): string[] | null {
  if (!m.applicationDate) return null;
  const d: string[] = ['', m.applicationDate];
  d[2] = addDays(d[1]!, rng.int(10, 25));
  d[3] = addDays(d[1]!, rng.int(40, 90));
  d[4] = addDays(d[3]!, rng.int(5, 15));
  d[5] = addDays(d[4]!, rng.int(1, 7));
  d[15] = m.joinDate;
  for (let step = 14; step >= 7; step--) d[step] = addDays(d[step + 1]!, -rng.int(step === 14 ? 10 : 5, step >= 10 ? 25 : 12));
  if (d[7]! < earliestTargetDate(d[3]!)) return null;
  d[6] = addDays(d[5]!, Math.floor(daysBetween(d[5]!, d[7]!) / 2));
  const end = addYears(m.joinDate, 1);
  const after: [number, string, number, number][] = [[16, d[15]!, 7, 20], [17, '', 10, 40], [18, '', 7, 20], [19, '', 1, 5], [20, '', 1, 20], [21, '', 90, 150]];
  for (const [step, from, lo, hi] of after) d[step] = addDays(from || d[step - 1]!, rng.int(lo, hi));
  d[22] = addDays(end, -rng.int(10, 20));
  d[23] = addDays(end, rng.int(0, 10));
  d[24] = addDays(d[23]!, rng.int(10, 30));
  d[25] = addDays(d[24]!, rng.int(7, 30));
  return d;
}

/**
 * Recent members (the latest MAX_RECORDS to join): probationers, and full members whose probation
 * ended last year or this year without extension.
 */
function recentMembers(state: DemoState, today: string): Member[] {
  const since = `${Number(today.slice(0, 4)) - 1}-01-01`;
  return state.members
    .filter(
      (m) =>
        m.status === '正常' &&
        m.joinDate <= addDays(today, -60) &&
        (m.category === '预备党员' || (m.fullDate !== null && m.fullDate >= since && m.fullDate === addYears(m.joinDate, 1))),
    )
    .sort((a, b) => b.joinDate.localeCompare(a.joinDate) || a.idNumber.localeCompare(b.idNumber))
    .slice(0, MAX_RECORDS);
}

function memberApplicantFields(m: Member, today: string): Omit<ApplicantFields, 'partyGroupId'> & { partyGroupId: string | null } {
  return {
    name: m.name, gender: m.gender, ethnicity: m.ethnicity, idNumber: m.idNumber, birthDate: m.birthDate, education: m.education,
    nativePlace: m.nativePlace, politicalStatus: fullYearsBetween(m.birthDate, m.applicationDate ?? today) < 28 ? '共青团员' : '群众',
    phone: m.phone, workUnit: m.workUnit, post: m.post, partyGroupId: m.partyGroupId, remark: '',
  };
}

/** Writes one record in its own savepoint; a record the rules refuse is left out (and counted). */
function tryWrite(db: Sqlite, write: () => void): boolean {
  try {
    db.transaction(write)();
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

export const pipelineDemo: DemoCapability<PreparedPipeline> = {
  key: 'pipeline',
  label: '发展党员',
  // At most MAX_RECORDS small records: preparing them takes no time worth reporting or slicing.
  size: () => 0,
  *prepare(plan: DemoPlan) {
    const rng = createRng(plan.seed, 'pipeline');
    const taken = new Set<string>();
    const applicants: DemoApplicant[] = [];
    for (let i = 0; i < applicantCount(plan); i++) applicants.push(demoApplicant(rng, TARGETS[i % TARGETS.length]!, plan.today, taken));
    return { applicants };
  },
  write(db: Sqlite, { applicants }: PreparedPipeline, state: DemoState, plan: DemoPlan): DemoCounts {
    const formal = state.members.filter((m) => m.category === '正式党员' && m.status === '正常' && !m.mobileMember);
    if (formal.length < 2) return { applicants: 0, applicantsLinked: 0, applicantsSkipped: 0 };
    const groups = listGroups(db);
    const onRoster = new Set(state.members.map((m) => m.idNumber));
    let written = 0;
    let skipped = 0;
    for (const a of applicants) {
      if (onRoster.has(a.fields.idNumber)) continue;
      const partyGroupId = groups.length ? groups[a.groupPick % groups.length]!.id : null;
      const ok = tryWrite(db, () => {
        const created = createApplicant(db, { ...a.fields, workUnit: plan.workUnit, partyGroupId, applicationDate: a.dates[1]!, note: NOTES[1]! }, plan.today);
        recordDates(db, created.id, a, a.dates, formal, plan.today);
        if (a.terminated) terminateApplicant(db, created.id, a.terminated, plan.today);
      });
      ok ? written++ : skipped++;
    }
    const rng = createRng(plan.seed, 'pipeline-members');
    let linked = 0;
    for (const m of recentMembers(state, plan.today)) {
      const dates = memberDates(rng, m);
      const a = { training: { days: 3, hours: 24 }, peoplePick: [rng.int(0, 1000), rng.int(0, 1000)] };
      if (!dates) continue;
      const ok = tryWrite(db, () => {
        const created = createApplicant(db, { ...memberApplicantFields(m, plan.today), applicationDate: dates[1]!, note: NOTES[1]! }, plan.today);
        recordDates(db, created.id, a, dates, formal.filter((f) => f.id !== m.id), plan.today);
      });
      ok ? linked++ : skipped++;
    }
    return { applicants: written + linked, applicantsLinked: linked, applicantsSkipped: skipped };
  },
};
