/**
 * A realistic 公文 for the preview-vs-LibreOffice agreement test: the 2026 annual work report (年度工作总结) of a
 * drilling-team Party branch, about 20 pages: a two-line title, four heading levels (some with body text run in),
 * paragraphs with figures, percentages and dates, a small table, a page break before the appendix, signer and date.
 * Deterministic: the same document on every call.
 */
import type { Block, PrintDocument, TableBlock } from '../../shared/documents/model';
import { OFFICIAL, textWidth } from '../../shared/documents/presets';

const BRANCH = '中共西部钻探公司第一钻井队党支部';

const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
const WELLS = ['玛湖1-H23井', '玛湖2-H07井', '风城011井', '百口泉3-J15井', '夏子街H108井', '克85-2井', '艾湖022井', '金龙47井'];
const CREWS = ['钻井一班', '钻井二班', '钻井三班', '钻井四班', '机修班', '泥浆班', '队部'];

/** A paragraph of figures that differ with `n`, so no two read alike and line breaks fall differently. */
function progress(topic: string, n: number): string {
  const month = MONTHS[n % 12]!;
  const well = WELLS[n % WELLS.length]!;
  const crew = CREWS[n % CREWS.length]!;
  const meetings = 12 + (n % 9);
  const people = 38 + ((n * 7) % 45);
  const rate = (92 + ((n * 13) % 80) / 10).toFixed(1);
  const meters = 2100 + ((n * 379) % 3400);
  return (
    `围绕${topic}，支部于2026年${month}月制定了专项工作方案，明确责任人${3 + (n % 4)}名、完成时限${month}月${10 + (n % 18)}日。` +
    `全年共组织相关活动${meetings}次，参加党员${people}人次，参与率达到${rate}%；${crew}结合${well}施工实际，` +
    `把工作要求落实到每一个班次，累计进尺${meters}米，较上年同期增长${(4 + (n % 11) * 0.7).toFixed(1)}%。` +
    `在推进过程中，支部坚持“一月一督导、一季一讲评”，发现问题${5 + (n % 6)}个，已整改${4 + (n % 6)}个。`
  );
}

function reflection(topic: string, n: number): string {
  return (
    `从${topic}的实践看，基层党建工作只有与安全生产深度融合，才能真正转化为队伍的战斗力。` +
    `今年${MONTHS[(n + 3) % 12]}月以来，支部先后在${WELLS[(n + 2) % WELLS.length]}、${WELLS[(n + 5) % WELLS.length]}开展“党员责任区”创建，` +
    `${2 + (n % 5)}名党员主动承担关键岗位值守任务，连续${30 + (n % 60)}天无违章、无事故，得到甲方书面表扬${1 + (n % 3)}次。`
  );
}

interface Topic {
  heading: string;
  parts: { heading: string; lead: string; items: string[] }[];
}

const TOPICS: Topic[] = [
  {
    heading: '坚持把政治建设摆在首位，理论武装持续深化',
    parts: [
      { heading: '扎实开展理论学习', lead: '全年严格落实“第一议题”制度。', items: ['支部委员会集中学习', '党小组专题学习', '党员自学与交流研讨'] },
      { heading: '认真落实意识形态工作责任制', lead: '支部书记履行第一责任人职责。', items: ['阵地管理', '网络舆情应对', '职工思想动态分析'] },
      { heading: '深入开展形势任务教育', lead: '结合油田增储上产目标开展宣讲。', items: ['“钻井精神”宣讲', '先进典型事迹报告'] },
    ],
  },
  {
    heading: '坚持夯实基层基础，组织建设规范有序',
    parts: [
      { heading: '严格落实“三会一课”制度', lead: '全年召开支部党员大会4次。', items: ['支部委员会', '党小组会', '党课'] },
      { heading: '规范发展党员工作', lead: '严格按照发展党员工作细则办理。', items: ['入党积极分子培养', '发展对象考察', '预备党员教育管理'] },
      { heading: '加强党员日常管理', lead: '建立党员积分管理台账。', items: ['党费收缴', '流动党员管理', '组织关系转接'] },
      { heading: '推进党支部标准化规范化建设', lead: '对照标准逐项自查。', items: ['活动场所建设', '工作台账规范'] },
    ],
  },
  {
    heading: '坚持围绕中心服务大局，党建与生产深度融合',
    parts: [
      { heading: '开展党员先锋工程', lead: '设立党员示范岗12个、党员责任区7个。', items: ['提速提效攻关', '复杂井段技术攻关', '设备保养竞赛'] },
      { heading: '推进安全生产责任落实', lead: '支部把安全作为第一责任。', items: ['隐患排查治理', '反违章专项行动', '应急演练'] },
      { heading: '助力降本增效', lead: '党员带头开展修旧利废。', items: ['材料消耗管控', '节能降耗'] },
    ],
  },
  {
    heading: '坚持全面从严治党，党风廉政建设深入推进',
    parts: [
      { heading: '落实全面从严治党主体责任', lead: '年初签订党风廉政建设责任书。', items: ['责任清单', '廉洁风险防控'] },
      { heading: '加强作风建设', lead: '持续整治形式主义、官僚主义。', items: ['精简会议文件', '为基层减负'] },
      { heading: '开展警示教育', lead: '组织观看警示教育片3部。', items: ['典型案例通报', '廉洁家访'] },
    ],
  },
  {
    heading: '坚持以人民为中心，群团工作和队伍建设成效明显',
    parts: [
      { heading: '关心关爱职工群众', lead: '全年走访慰问困难职工家庭。', items: ['困难帮扶', '野外一线送温暖', '职工健康管理'] },
      { heading: '加强人才队伍建设', lead: '实施“师带徒”工程。', items: ['岗位练兵', '技能鉴定', '青年骨干培养'] },
      { heading: '发挥群团组织作用', lead: '支持工会、共青团依章程开展工作。', items: ['劳动竞赛', '青年突击队'] },
    ],
  },
  {
    heading: '存在的问题和不足',
    parts: [
      { heading: '理论学习的深度还不够', lead: '个别党员学用结合不紧。', items: ['学习形式单一', '研讨交流不深'] },
      { heading: '党建与生产融合还有差距', lead: '部分工作存在“两张皮”现象。', items: ['载体创新不足', '考核评价不够精准'] },
    ],
  },
  {
    heading: '2027年工作打算',
    parts: [
      { heading: '持续加强政治建设', lead: '把学习贯彻党的创新理论作为首要任务。', items: ['完善学习制度', '丰富学习形式'] },
      { heading: '持续提升组织力', lead: '以标准化规范化建设为抓手。', items: ['优化党小组设置', '严格组织生活', '做好发展党员工作'] },
      { heading: '持续推动融合发展', lead: '围绕年度钻井进尺和安全目标开展工作。', items: ['党员先锋工程', '安全生产责任区'] },
    ],
  },
];

const FIGURES: TableBlock = (() => {
  const width = textWidth(OFFICIAL);
  const columns = [0.28, 0.24, 0.24, 0.24].map((share) => ({ width: Math.floor(width * share), align: 'center' as const }));
  columns[0]!.width += width - columns.reduce((a, c) => a + c.width, 0);
  return {
    kind: 'table',
    columns,
    header: [['项目', '2025年', '2026年', '增减（%）']],
    rows: [
      ['党员人数（名）', '41', '44', '7.3'],
      ['入党积极分子（名）', '6', '8', '33.3'],
      ['“三会一课”（次）', '68', '72', '5.9'],
      ['钻井进尺（米）', '48620', '53115', '9.2'],
      ['安全生产天数（天）', '365', '365', '0.0'],
    ],
  };
})();

function topicBlocks(topic: Topic, t: number): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: topic.heading }];
  topic.parts.forEach((part, p) => {
    const n = t * 10 + p;
    blocks.push({ kind: 'heading', level: 2, text: `${part.heading}。`, rest: part.lead + progress(part.heading, n) });
    // Each part: its lead paragraph, every other part the first item at level 3; the first part also a level-4 pair and a reflection.
    const item = part.items[0]!;
    if (p % 2 === 0) blocks.push({ kind: 'heading', level: 3, text: `${item}。`, rest: progress(item, n + 1) });
    if (p === 0) {
      blocks.push({ kind: 'heading', level: 4, text: '主要做法。', rest: reflection(item, n) });
      blocks.push({ kind: 'heading', level: 4, text: '取得成效。', rest: progress(`${item}成效`, n + 7) });
      blocks.push({ kind: 'paragraph', text: reflection(part.heading, n) });
    }
  });
  return blocks;
}

export function officialSample(): PrintDocument {
  const [first, ...rest] = TOPICS;
  return {
    preset: 'official',
    orientation: 'portrait',
    title: `${BRANCH}2026年度工作总结`,
    fileStem: `${BRANCH}2026年度工作总结`,
    blocks: [
      { kind: 'title', lines: [BRANCH, '2026年度工作总结'] },
      {
        kind: 'paragraph',
        text:
          '2026年，在公司党委的坚强领导下，第一钻井队党支部坚持以习近平新时代中国特色社会主义思想为指导，' +
          '全面贯彻党的二十大和二十届历次全会精神，紧紧围绕“安全、提速、增效”中心任务，' +
          '全年完成钻井进尺53115米、交井11口，实现安全生产365天。现将全年工作总结如下。',
      },
      ...topicBlocks(first!, 0),
      { kind: 'paragraph', text: '全年主要指标完成情况见下表。' },
      FIGURES,
      { kind: 'note', text: '注：数据截至2026年11月30日，钻井进尺含完钻未交井。' },
      ...rest.flatMap((topic, t) => topicBlocks(topic, t + 1)),
      {
        kind: 'paragraph',
        text:
          '新的一年，支部将坚持以高质量党建引领高质量发展，团结带领全队党员职工，' +
          '为完成公司下达的各项目标任务作出新的更大贡献。',
      },
      { kind: 'blank' },
      { kind: 'signature', signer: BRANCH, date: '2026-12-04' },
      { kind: 'pageBreak' },
      { kind: 'paragraph', text: '附件：2026年度党员先锋岗名单', indent: false },
      ...CREWS.map((crew, i): Block => ({ kind: 'paragraph', text: `${i + 1}.${crew}：党员示范岗${1 + (i % 3)}个，责任区${1 + ((i + 1) % 2)}个。` })),
    ],
  };
}
