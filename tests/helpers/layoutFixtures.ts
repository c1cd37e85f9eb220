/** Model fixtures for the layout tests: a 300-member roster, a 30-group statistics table and a 20-page 公文 report. */
import { fitColumns } from '../../shared/documents/fit';
import type { PrintDocument, TableCell } from '../../shared/documents/model';
import { RECORD, textWidth } from '../../shared/documents/presets';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华';
const GIVEN = ['伟', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '建华', '志强'];
const GROUPS = ['钻井一班党小组', '钻井二班党小组', '钻井二十二班党小组', '机关党小组', '后勤保障党小组', '退休党小组'];

export function rosterFixture(count = 300): PrintDocument {
  const columns = [
    { header: '序号' },
    { header: '姓名', wrap: true },
    { header: '性别' },
    { header: '民族' },
    { header: '出生日期' },
    { header: '身份证号' },
    { header: '入党时间' },
    { header: '党小组', wrap: true },
    { header: '联系电话' },
  ];
  const rows = Array.from({ length: count }, (_, i) => {
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!;
    const year = 1950 + (i % 50);
    const month = String((i % 12) + 1).padStart(2, '0');
    return [
      String(i + 1),
      name,
      i % 3 === 0 ? '女' : '男',
      i % 9 === 0 ? '维吾尔族' : '汉族',
      `${year}.${month}.15`,
      `650102${year}${month}15${String(100 + (i % 900)).padStart(3, '0')}${i % 11 === 0 ? 'X' : String(i % 10)}`,
      `${year + 22}.07.01`,
      GROUPS[i % GROUPS.length]!,
      `138${String(10000000 + i * 7919).slice(0, 8)}`,
    ];
  });
  const width = textWidth(RECORD, 'landscape');
  const fit = fitColumns(columns, rows, width, [12, 10.5]);
  return {
    preset: 'record',
    orientation: 'landscape',
    title: '党员花名册',
    fileStem: 'roster',
    blocks: [
      { kind: 'title', lines: ['第一钻井队党支部党员花名册'] },
      { kind: 'subtitle', text: '截至2026年12月4日' },
      {
        kind: 'table',
        columns: fit.widths.map((w, i) => ({ width: w, nowrap: !columns[i]!.wrap })),
        header: [columns.map((c) => c.header)],
        rows,
        fontSize: fit.size,
      },
    ],
  };
}

export function statisticsFixture(groups = 30): PrintDocument {
  const width = textWidth(RECORD, 'portrait');
  const weights = [3, 5, 2, 2, 2, 2, 2];
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * width));
  widths[0]! += width - widths.reduce((a, b) => a + b, 0);
  const rows: (string | TableCell)[][] = [];
  for (let g = 0; g < groups; g++) {
    const label: TableCell = { text: '党小组', rowSpan: groups };
    rows.push([...(g === 0 ? [label] : []), `第${g + 1}党小组`, String(10 + g), String(3 + (g % 4)), String(7 + (g % 5)), String(g % 3), String(1 + (g % 2))]);
  }
  return {
    preset: 'record',
    orientation: 'portrait',
    title: '党员统计表',
    fileStem: 'statistics',
    blocks: [
      { kind: 'title', lines: ['第一钻井队党支部', '党员基本情况统计表'] },
      { kind: 'subtitle', text: '截至2026年12月4日' },
      {
        kind: 'table',
        columns: widths.map((w) => ({ width: w })),
        header: [['项目', '类别', '人数', '女', '少数民族', '预备党员', '流动党员']],
        rows: [[{ text: '合计', colSpan: 2 }, '400', '120', '60', '20', '12'], ...rows],
        fontSize: 12,
        rowHeight: 480,
        repeatSpanLabels: true,
      },
    ],
  };
}

const SENTENCES = [
  '今年以来，党支部坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，认真落实全面从严治党主体责任。',
  '支部共召开支部党员大会12次、支委会24次，组织集中学习18次，党员参学率达到98.5%，于2026.07.01开展“七一”主题党日活动。',
  '围绕钻井生产中心任务，设立党员先锋岗6个、党员责任区9个，全年完成进尺12.6万米，安全生产无事故，联系电话0990-6881234。',
  '严格落实“三会一课”制度，规范组织生活，按期完成党员发展工作，发展预备党员3名，预备党员按期转正2名（其中女同志1名）。',
  '加强党员教育管理，开展“学习强国”积分评比，建立流动党员台账，及时掌握外出务工党员思想动态，做到离家不离党、流动不流失。',
];

export function officialFixture(): PrintDocument {
  const blocks: PrintDocument['blocks'] = [{ kind: 'title', lines: ['第一钻井队党支部', '2026年度工作总结'] }];
  let s = 0;
  const para = (n: number) => {
    let text = '';
    for (let k = 0; k < n; k++) text += SENTENCES[s++ % SENTENCES.length]!;
    return text;
  };
  for (let h1 = 1; h1 <= 5; h1++) {
    blocks.push({ kind: 'heading', level: 1, text: `第${h1}部分工作情况` });
    for (let h2 = 1; h2 <= 3; h2++) {
      blocks.push({ kind: 'heading', level: 2, text: '加强思想政治建设。', rest: SENTENCES[(h1 + h2) % SENTENCES.length] });
      for (let p = 0; p < 3; p++) blocks.push({ kind: 'paragraph', text: para(2 + ((h1 + h2 + p) % 3)) });
      blocks.push({ kind: 'heading', level: 3, text: '具体措施' });
      blocks.push({ kind: 'paragraph', text: para(2) });
    }
  }
  return { preset: 'official', orientation: 'portrait', title: '工作总结', fileStem: 'official', blocks };
}
