/**
 * Target management in the demo seeder: the plans of last year and this year, post templates, every member's
 * letter for both years (one adjusted by hand), last year's year-end assessment and this year's as far as the
 * date allows, demonstration zones with monthly records, tackling projects (among them the crew's classic: two
 * members rebuilding one gearbox from two broken ones to keep a rig running), commendations and the branch's own
 * letter. Everything goes through the services, so every record passes the rules.
 *
 * Rosters above MAX_LETTER_MEMBERS (the scale demos of 10,000 members and more; no branch is that big) get no
 * letters or assessments: only the plan, templates, zones and projects.
 */
import { addDays } from '../../../shared/domain/dates';
import type { Member } from '../../../shared/domain/member';
import { DEFAULT_ASSESSMENT_METHOD, DEFAULT_OTHER_TERMS, DEFAULT_REWARD_RULES, type LetterItem, type PlanItemInput } from '../../../shared/domain/targets';
import type { Sqlite } from '../../db/query';
import { getLocalBranch } from '../branch/branch';
import { branchLetterSaveSchema, planSaveSchema } from '../../../shared/contract/targets';
import { createRng, type Rng } from '../demo/random';
import type { DemoCapability, DemoCounts, DemoPlan, DemoState } from '../demo/types';
import { recordAssessment } from './assessments';
import { saveBranchLetter } from './branchLetters';
import { proposeCommendations, saveCommendation } from './commendations';
import { generateLetters, getLetter, letterItems, lettersOfYear, listLetters, updateLetter } from './letters';
import { savePlan } from './plans';
import { addProjectNote, saveProject } from './projects';
import { saveTemplate } from './templates';
import { addZoneRecord, saveZone } from './zones';

export const MAX_LETTER_MEMBERS = 1000;

type ItemDraft = Omit<LetterItem, 'key'>;
const item = (category: string, content: string, points: number, rule: string): ItemDraft => ({ category, content, points, rule });

const STUDY = (points: number) => item('思想建设', '按时参加“三会一课”和主题党日，完成个人学习计划，每年撰写心得体会 2 篇', points, '缺席一次扣 2 分，未完成心得体会每篇扣 2 分');
const ORGANISATION = (points: number) => item('组织建设', '按时足额交纳党费，参加组织生活，如实向党组织汇报思想和工作', points, '未按时交纳党费一次扣 3 分，无故不参加组织生活一次扣 2 分');
const INTEGRITY = (points: number) => item('党风廉政建设', '遵守党的纪律和廉洁从业规定，不利用岗位谋取私利', points, '受党纪政务处分的本项不得分');
const CONDUCT = (points: number) => item('作风建设', '发挥党员先锋模范作用，急难险重任务冲在前，服务职工群众', points, '群众投诉经核实一次扣 5 分，急难险重任务不带头一次扣 5 分');
const SAFETY = (points: number, content = '本人及身边人员无违章，全年无安全事故，安全考试合格') =>
  item('生产经营/中心工作', content, points, '违章一次扣 5 分，发生事故的本项不得分');

/** Templates by post (posts of the default code list, and 通用 for every other post). */
const TEMPLATES: { post: string; items: ItemDraft[] }[] = [
  {
    post: '通用',
    items: [STUDY(20), ORGANISATION(15), item('生产经营/中心工作', '完成本岗位生产任务和各项指标', 30, '未完成一项扣 5 分'), SAFETY(15), INTEGRITY(10), CONDUCT(10)],
  },
  {
    post: '司钻',
    items: [
      STUDY(15),
      ORGANISATION(10),
      item('生产经营/中心工作', '带班完成钻井进尺和起下钻作业，执行钻井设计和操作规程', 30, '操作失误造成损失一次扣 5 分'),
      SAFETY(25, '带好本班“党员身边无违章”，本班无违章、无事故，井控演练达标'),
      INTEGRITY(10),
      item('作风建设', '传帮带，带好徒弟 1 名，班组团结', 10, '未带徒或徒弟考核不合格扣 5 分'),
    ],
  },
  {
    post: '技术员',
    items: [
      STUDY(15),
      ORGANISATION(10),
      item('生产经营/中心工作', '参加或牵头技术攻关项目 1 项，解决现场技术难题', 30, '未参加攻关扣 10 分，技术失误造成损失一次扣 5 分'),
      item('生产经营/中心工作', '井身质量、固井质量合格率 100%，资料齐全准确', 20, '质量不合格一井次扣 5 分，资料差错一处扣 1 分'),
      INTEGRITY(10),
      CONDUCT(15),
    ],
  },
  {
    post: '机械师',
    items: [
      STUDY(15),
      ORGANISATION(10),
      item('生产经营/中心工作', '设备完好率不低于 95%，修旧利废，降低材料消耗', 30, '完好率每低 1 个百分点扣 2 分'),
      SAFETY(20, '设备无重大故障，本人无违章'),
      INTEGRITY(10),
      CONDUCT(15),
    ],
  },
  {
    post: '炊事员',
    items: [
      STUDY(20),
      ORGANISATION(10),
      item('生产经营/中心工作', '保证一线职工按时就餐，饭菜质量好，食品安全无事故', 35, '发生食品安全事故的本项不得分，职工投诉属实一次扣 3 分'),
      item('生产经营/中心工作', '营地食堂卫生达标，节约成本', 15, '卫生检查不合格一次扣 3 分'),
      INTEGRITY(10),
      CONDUCT(10),
    ],
  },
];

function planItems(year: number, officers: Map<string, Member>): PlanItemInput[] {
  const who = (post: string) => officers.get(post) ?? null;
  const row = (category: string, content: string, measure: string, points: number, officer: string): PlanItemInput => ({
    category,
    content,
    measure,
    points,
    responsibleMemberId: who(officer)?.id ?? null,
    responsible: who(officer) ? '' : officer,
    deadline: `${year}-12-31`,
  });
  return [
    row('思想建设', '组织党员集中学习不少于 12 次，每名党员撰写心得体会 2 篇', '每月第一周主题党日集中学习，井场分散学习用“学习强国”补课', 15, '宣传委员'),
    row('组织建设', '按期召开“三会一课”，发展党员 1 名，党费按时足额收缴', '支委会每月 1 次、党小组会每月 1 次、党课每季度 1 次', 20, '组织委员'),
    row('作风建设', '开展“党员身边无违章”活动，党员带头解决生产难题 4 项', '设党员示范责任区，立项攻关项目年初立项、年底验收', 15, '副书记'),
    row('制度建设', '完善支部工作台账，“三会一课”记录规范完整', '每季度自查一次台账，迎接公司党委检查', 10, '组织委员'),
    row('党风廉政建设', '全年党员无违纪违法，开展警示教育 2 次', '签订廉洁从业承诺书，节前廉洁提醒', 15, '纪检委员'),
    row('生产经营/中心工作', `完成钻井进尺 ${year % 2 ? '4.5' : '4.2'} 万米，全年无一般及以上安全事故`, '党员带头抓井控、抓提速，党员示范岗覆盖每个班组', 25, '书记'),
  ];
}

const ZONES: { name: string; equipment: string; area: string; crew: string; commitments: string }[] = [
  { name: '钻台党员安全责任区', equipment: '转盘、绞车、液压猫道', area: '钻台及二层台', crew: '钻井一班', commitments: '班前检查不漏项，钻台区域零违章，井控演练班班到位' },
  { name: '泥浆循环系统党员示范区', equipment: '泥浆泵 2 台、振动筛、除砂器', area: '循环罐区', crew: '泥浆班', commitments: '泥浆性能每班检测，固控设备完好，不跑冒滴漏' },
  { name: '发电房党员责任区', equipment: '柴油发电机组 3 台、配电柜', area: '发电房', crew: '电气班', commitments: '供电不间断，设备巡检每日两次，节约柴油' },
  { name: '营地食堂党员示范岗', equipment: '厨房设备、冷库', area: '营地食堂', crew: '后勤', commitments: '饭菜按时上井，食品安全零事故，职工满意' },
  { name: '机房设备党员责任区', equipment: '柴油机 3 台、传动箱', area: '机房', crew: '机修班', commitments: '设备完好率 95% 以上，修旧利废' },
  { name: '井控设备党员责任区', equipment: '防喷器组、节流压井管汇', area: '井口及远控房', crew: '钻井二班', commitments: '井控设备试压合格，每周检查记录齐全' },
  { name: '材料房党员责任区', equipment: '备品备件', area: '材料房', crew: '队部', commitments: '账物相符，急需材料 2 小时内送到井场' },
  { name: '井场HSE党员示范区', equipment: '消防器材、应急物资', area: '井场及营地', crew: '技术组', commitments: '隐患当日整改，环保设施完好' },
];

const ZONE_RECORDS = [
  '开展班前安全检查，整改隐患 2 处',
  '组织责任区设备保养，更换密封件',
  '月度巡检，设备运转正常，记录齐全',
  '带领班组清理现场，规范物料摆放',
  '参加井控演练，关井时间达标',
  '责任区党员向党小组汇报本月履责情况',
  '更新责任区标识牌和责任人信息',
  '帮助新员工熟悉岗位操作，讲解安全要点',
];

export interface PreparedTargets {
  seed: number;
}

function pickMember(rng: Rng, members: readonly Member[], posts: readonly string[]): Member | undefined {
  const fitting = members.filter((m) => posts.includes(m.post));
  const pool = fitting.length ? fitting : members;
  return pool.length ? rng.pick(pool) : undefined;
}

/**
 * Scores of one member: a member's overall shortfall `q` (most lose 5–30 % of the points, a few weak ones more)
 * spread over the items; self scores at or above the branch's, group scores between.
 */
function demoScores(rng: Rng, items: readonly LetterItem[]) {
  const q = rng.chance(0.06) ? 0.35 + rng.next() * 0.2 : 0.05 + rng.next() * 0.25;
  return items.map((i) => {
    const lossShare = Math.min(1, q * (0.3 + rng.next() * 1.4));
    const branch = Math.round(i.points * (1 - lossShare) * 2) / 2;
    const self = Math.min(i.points, branch + rng.int(0, 3));
    const group = Math.min(self, Math.max(branch, self - rng.int(0, 2)));
    return { itemKey: i.key, self, group, branch, note: branch < i.points && rng.chance(0.3) ? '有缺席或违章记录，按细则扣分' : '' };
  });
}

function assessYear(db: Sqlite, rng: Rng, branchId: string, year: number, period: 'mid' | 'final', date: string): number {
  const letters = lettersOfYear(db, branchId, year);
  for (const letter of letters) recordAssessment(db, letter, { period, scores: demoScores(rng, letterItems(letter)), note: '', assessedDate: date });
  return letters.length;
}

function writeLettersAndAssessments(db: Sqlite, rng: Rng, branchId: string, year: number, today: string): DemoCounts {
  const last = generateLetters(db, year - 1);
  const current = generateLetters(db, year);
  // One letter adjusted by hand: a driller who also leads the rig move this year.
  const driller = listLetters(db, year).find((l) => l.post === '司钻') ?? listLetters(db, year)[0];
  if (driller) {
    const letter = getLetter(db, driller.id);
    const items = letter.items.map((i) =>
      i.category === '生产经营/中心工作' && i.points === 30 ? { ...i, content: `${i.content}；负责 7 号钻机搬迁安装，按期开钻`, rule: `${i.rule}；搬迁延误一天扣 2 分` } : i,
    );
    updateLetter(db, { ...letter, items, signedDate: `${year}-01-15`, expectedUpdatedAt: letter.updatedAt });
  }
  const counts: DemoCounts = { targetLetters: last.created + current.created, targetAssessments: 0 };
  counts.targetAssessments! += assessYear(db, rng, branchId, year - 1, 'mid', `${year - 1}-07-10`);
  counts.targetAssessments! += assessYear(db, rng, branchId, year - 1, 'final', `${year}-01-12`);
  if (today >= `${year}-07-10`) counts.targetAssessments! += assessYear(db, rng, branchId, year, 'mid', `${year}-07-10`);
  if (today >= `${year}-12-20`) counts.targetAssessments! += assessYear(db, rng, branchId, year, 'final', `${year}-12-20`);
  return counts;
}

function writeZones(db: Sqlite, rng: Rng, members: readonly Member[], today: string): DemoCounts {
  const count = Math.max(2, Math.min(ZONES.length, Math.round(members.length / 12)));
  let records = 0;
  ZONES.slice(0, count).forEach((z, i) => {
    const responsible = rng.pick(members);
    const start = addDays(today, -rng.int(300, 420));
    const zone = saveZone(db, {
      name: z.name,
      memberId: responsible.id,
      scopeEquipment: z.equipment,
      scopeArea: z.area,
      scopeCrew: z.crew,
      commitments: z.commitments,
      startDate: start,
      endDate: null,
      note: '',
    });
    // Monthly records (some months missed), the last one a few days ago.
    for (let d = addDays(start, 20 + i); d <= today; d = addDays(d, rng.int(26, 36))) {
      if (rng.chance(0.15)) continue;
      addZoneRecord(db, { zoneId: zone.id, date: d, content: rng.pick(ZONE_RECORDS) });
      records++;
    }
  });
  return { targetZones: count, targetZoneRecords: records };
}

function writeProjects(db: Sqlite, rng: Rng, members: readonly Member[], today: string): DemoCounts {
  const mechanic = pickMember(rng, members, ['机械师']) ?? rng.pick(members);
  const fitter = pickMember(rng, members.filter((m) => m.id !== mechanic.id), ['机修工', '司钻', '副司钻']) ?? mechanic;
  const technician = pickMember(rng, members, ['技术员', '工程师']) ?? rng.pick(members);
  const helper = pickMember(rng, members.filter((m) => m.id !== technician.id), ['泥浆大班', '泥浆工']) ?? technician;

  const start = addDays(today, -rng.int(150, 230));
  const gearbox = saveProject(db, {
    title: '两台报废转盘齿轮箱拼修一台保钻机运转',
    problem: '7 号钻机转盘齿轮箱输入轴断裂，备用齿轮箱也已报废，新齿轮箱订货周期约 25 天，钻机面临停待。',
    leaderId: mechanic.id,
    memberIds: fitter.id === mechanic.id ? [] : [fitter.id],
    startDate: start,
    plannedEnd: addDays(start, 12),
    status: '进行中',
    finishedDate: null,
    outcome: '',
    benefitYuan: null,
    benefitDays: null,
    note: '',
  });
  const notes: [number, string][] = [
    [0, '拆解两台报废齿轮箱，逐件检查齿轮、轴承和壳体，列出可用件清单'],
    [3, '选用一台的壳体和输入轴、另一台的伞齿轮副，研磨齿面，更换全部轴承和油封'],
    [7, '装配完成，调整齿侧间隙，空载试运转 2 小时，温升和噪声正常'],
    [8, '装机投用，带负荷运转正常，钻机恢复钻进'],
  ];
  for (const [day, content] of notes) addProjectNote(db, { projectId: gearbox.id, date: addDays(start, day), content });
  saveProject(db, {
    ...gearbox,
    status: '已完成',
    finishedDate: addDays(start, 8),
    outcome: '用两台报废齿轮箱的完好部件拼修一台，试运转合格后装机，钻机未因等件停钻。',
    benefitYuan: 126000,
    benefitDays: 17,
    expectedUpdatedAt: null,
  });

  const running = addDays(today, -rng.int(40, 80));
  const desander = saveProject(db, {
    title: '除砂器底流口改造降低钻井液损耗',
    problem: '除砂器底流跑浆严重，每口井钻井液损耗比设计多约 30 方。',
    leaderId: technician.id,
    memberIds: helper.id === technician.id ? [] : [helper.id],
    startDate: running,
    plannedEnd: addDays(today, rng.int(20, 60)),
    status: '进行中',
    finishedDate: null,
    outcome: '',
    benefitYuan: null,
    benefitDays: null,
    note: '',
  });
  addProjectNote(db, { projectId: desander.id, date: addDays(running, 10), content: '测量底流口磨损情况，试装可调式底流口两只' });
  addProjectNote(db, { projectId: desander.id, date: addDays(running, 30), content: '对比试验一周，钻井液损耗下降约四成，继续观察' });

  const winter = addDays(today, -rng.int(300, 340));
  saveProject(db, {
    title: '冬季循环系统防冻保温攻关',
    problem: '冬季施工高压管汇和循环罐易冻堵，去年冬季因冻堵停等 3 次。',
    leaderId: fitter.id,
    memberIds: [],
    startDate: winter,
    plannedEnd: addDays(winter, 30),
    status: '已完成',
    finishedDate: addDays(winter, 26),
    outcome: '管汇加装电伴热和保温层，循环罐加装蒸汽盘管，整个冬季未发生冻堵。',
    benefitYuan: 15000,
    benefitDays: 3,
    note: '',
  });
  return { targetProjects: 3 };
}

function writeCommendations(db: Sqlite, year: number): DemoCounts {
  let count = 0;
  const proposals = proposeCommendations(db, year - 1);
  for (const p of proposals.filter((p) => p.title === '优秀共产党员').slice(0, 3)) {
    saveCommendation(db, { memberId: p.memberId, year: year - 1, title: p.title, basis: p.basis, status: '已表彰', decidedDate: `${year}-01-20`, note: '', id: null });
    count++;
  }
  for (const p of proposeCommendations(db, year).filter((p) => p.title === '党员先锋岗')) {
    saveCommendation(db, { memberId: p.memberId, year, title: p.title, basis: p.basis, status: '拟推荐', decidedDate: null, note: '', id: null });
    count++;
  }
  return { targetCommendations: count };
}

function writeBranchLetter(db: Sqlite, year: number, committee: string): void {
  const items = [
    { category: '组织建设', content: '“三会一课”、主题党日按期开展，记录规范', points: 25, rule: '少开一次扣 2 分' },
    { category: '思想建设', content: '理论学习计划落实，党员教育培训全覆盖', points: 15, rule: '未完成计划扣 5 分' },
    { category: '党风廉政建设', content: '党员干部无违纪违法问题', points: 15, rule: '出现问题的本项不得分' },
    { category: '作风建设', content: '党员示范责任区、立项攻关有成效', points: 15, rule: '未设立扣 10 分' },
    { category: '生产经营/中心工作', content: '完成公司下达的钻井进尺和安全生产指标', points: 30, rule: '未完成按比例扣分' },
  ];
  saveBranchLetter(db, branchLetterSaveSchema.parse({
    year,
    committee,
    items,
    assessmentMethod: '半年自检 1 次，年终由公司党委总评 1 次，以党委评分为准。',
    rewardsText: '总评 95 分及以上的推荐为先进党支部；低于 80 分的支部书记年度考核不得评为优秀。',
    otherTerms: DEFAULT_OTHER_TERMS,
    signedDate: `${year}-01-10`,
  }));
}

function officersOf(members: readonly Member[]): Map<string, Member> {
  const map = new Map<string, Member>();
  for (const m of members) if (m.partyPost && !map.has(m.partyPost)) map.set(m.partyPost, m);
  return map;
}

export const targetsDemo: DemoCapability<PreparedTargets> = {
  key: 'targets',
  label: '目标管理',
  size: () => 0,
  // eslint-disable-next-line require-yield
  *prepare(plan: DemoPlan) {
    return { seed: plan.seed };
  },
  write(db: Sqlite, prepared: PreparedTargets, state: DemoState, plan: DemoPlan): DemoCounts {
    const members = state.members.filter((m) => m.status === '正常' && m.category === '正式党员');
    if (members.length < 2) return {};
    const rng = createRng(prepared.seed, 'targets');
    const year = Number(plan.today.slice(0, 4));
    const officers = officersOf(members);
    for (const y of [year - 1, year]) savePlan(db, planSaveSchema.parse({ year: y, title: `${y}年度党建工作目标`, items: planItems(y, officers) }));
    for (const t of TEMPLATES) {
      saveTemplate(db, {
        id: null,
        post: t.post,
        items: t.items.map((i) => ({ ...i, key: null })),
        assessmentMethod: DEFAULT_ASSESSMENT_METHOD,
        rewardRules: [...DEFAULT_REWARD_RULES],
        otherTerms: DEFAULT_OTHER_TERMS,
        note: '',
        expectedUpdatedAt: null,
      });
    }
    const counts: DemoCounts = { targetTemplates: TEMPLATES.length };
    if (state.members.length <= MAX_LETTER_MEMBERS) Object.assign(counts, writeLettersAndAssessments(db, rng, state.branchId, year, plan.today));
    Object.assign(counts, writeZones(db, rng, members, plan.today), writeProjects(db, rng, members, plan.today));
    Object.assign(counts, writeCommendations(db, year));
    writeBranchLetter(db, year, getLocalBranch(db)?.parentCommittee ?? '');
    return counts;
  },
};
