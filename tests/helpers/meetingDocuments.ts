/**
 * Sample inputs of the meeting documents (issue 12): a 支部党员大会 with 25 members expected, 22 present and 3 absent
 * with reasons, two resolutions voted on; a sign-in sheet of 60 members; a notice; a talk and a home visit. Deterministic.
 */
import { deflateSync } from 'node:zlib';
import type { MinutesInput } from '../../main/services/meetings/documents/minutes';
import type { NoticeInput } from '../../main/services/meetings/documents/notice';
import type { SignInInput } from '../../main/services/meetings/documents/signIn';
import type { TalkInput } from '../../main/services/meetings/documents/talk';

export const BRANCH = '中共渤海钻探第一钻井队支部委员会';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '欧阳', '司马'];
const GIVEN = ['伟', '芳', '建国', '秀英', '敏', '静', '志强', '强', '磊', '军', '海洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];
const GROUPS = ['钻井一班党小组', '钻井二班党小组', '钻井三班党小组', '机关党小组'];

/** Distinct names of at most four characters for i < 400. */
export function sampleName(i: number): string {
  return SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]!;
}

export const ABSENTEES = [
  { name: sampleName(22), reason: '病假' },
  { name: sampleName(23), reason: '公差' },
  { name: sampleName(24), reason: '事假（家中老人住院）' },
];

export function sampleMinutes(over: Partial<MinutesInput> = {}): MinutesInput {
  return {
    branchName: BRANCH,
    kindLabel: '支部党员大会',
    heading: '2026年第1次支部党员大会会议记录',
    date: '2026-03-12',
    startTime: '09:00',
    endTime: '10:30',
    place: '队部二楼会议室',
    host: { name: sampleName(0), post: '书记' },
    recorder: { name: sampleName(1), post: '组织委员' },
    expected: 25,
    present: 22,
    absentees: ABSENTEES,
    guests: [{ name: '郑红梅', note: '公司党委组织部，指导' }],
    topics: ['传达学习公司党委2026年党建工作会议精神', '讨论接收张志强同志为预备党员', '研究部署一季度安全生产重点工作'],
    content:
      `${sampleName(0)}同志主持会议，传达了公司党委2026年党建工作会议精神，通报了支部2025年工作完成情况和2026年工作要点。\n` +
      '会议按照发展党员工作程序，听取了发展对象张志强同志的自我介绍、入党介绍人的意见和支部委员会的审查情况，与会党员进行了充分讨论。',
    speeches: [
      { speaker: `${sampleName(2)}（入党介绍人）`, text: '张志强同志入党动机端正，工作中吃苦耐劳，在玛湖1-H23井施工中带头攻关，我同意接收他为预备党员。' },
      { speaker: sampleName(3), text: '该同志理论学习还需加强，希望今后多读原著，在班组中发挥更大作用。' },
      { speaker: sampleName(0), text: '一季度是全年安全生产的关键期，各党小组要把“党员责任区”落到每个班次，\n党员要在冬季施工中亮身份、作表率。' },
    ],
    resolutions: [
      {
        text: '同意接收张志强同志为中共预备党员，报上级党委审批。',
        responsible: sampleName(1),
        deadline: '2026-03-31',
        vote: { method: '无记名投票', votingExpected: 23, votingPresent: 21, for: 20, against: 0, abstain: 1, valid: true, passed: true },
      },
      {
        text: '一季度在各班组设立党员责任区7个，由各党小组长负责落实。',
        responsible: '各党小组长',
        deadline: '2026-03-20',
        vote: { method: '举手表决', votingExpected: 23, votingPresent: 21, for: 21, against: 0, abstain: 0, valid: true, passed: true },
      },
    ],
    status: 'final',
    version: { number: 1 },
    ...over,
  };
}

export function sampleSignIn(members = 60): SignInInput {
  return {
    branchName: BRANCH,
    heading: '2026年第1次支部党员大会',
    date: '2026-03-12',
    startTime: '09:00',
    endTime: '10:30',
    place: '队部二楼会议室',
    members: Array.from({ length: members }, (_, i) => ({
      name: sampleName(i),
      groupName: GROUPS[i % GROUPS.length],
      remark: i % 11 === 4 ? '预备党员' : '',
    })),
    guests: [{ name: '郑红梅', note: '公司党委组织部' }],
  };
}

export function sampleNotice(): NoticeInput {
  return {
    branchName: BRANCH,
    heading: '2026年第1次支部党员大会',
    date: '2026-03-12',
    startTime: '09:00',
    endTime: '10:30',
    place: '队部二楼会议室',
    audience: '各党小组、全体党员',
    attendees: '支部全体党员（预备党员参加，无表决权）',
    guests: '公司党委组织部郑红梅同志',
    topics: ['传达学习公司党委2026年党建工作会议精神', '讨论接收张志强同志为预备党员', '研究部署一季度安全生产重点工作'],
    requirements: [],
    noticeDate: '2026-03-05',
  };
}

export function sampleTalk(kind: TalkInput['kind'] = 'talk'): TalkInput {
  return {
    branchName: BRANCH,
    kind,
    date: '2026-04-08',
    time: '15:00',
    place: kind === 'visit' ? '克拉玛依市白碱滩区幸福小区' : '队部书记办公室',
    form: kind === 'visit' ? '上门' : '当面',
    talkers: [`${sampleName(0)}（书记）`],
    subject: `${sampleName(5)}（钻井二班司钻）`,
    familyMet: kind === 'visit' ? '妻子、母亲' : null,
    trigger: '家庭困难或生病',
    summary: '了解到其母亲近期住院手术，家中经济压力较大，本人思想有波动，担心影响倒班。书记肯定了他一年来在井上的表现，鼓励他安心工作。',
    problems: '希望调整近两周的倒班，便于照顾母亲。',
    help: '与队长商量调整其倒班；协调工会申请困难职工补助。',
    outcome: '思想顾虑消除，表示会兼顾好家庭和工作。',
    followUpDate: '2026-04-22',
  };
}

// ---- A picture to attach: a "photo" of a sign-in sheet drawn as a PNG (grey paper, ruled rows). ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A grey-scale PNG `width` × `height`: light paper with dark ruled lines every 24 pixels and a border. */
export function ruledPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1);
    for (let x = 0; x < width; x++) {
      const line = y % 24 === 0 || x === 0 || x === width - 1 || y === height - 1 || x === Math.floor(width * 0.3);
      row[x + 1] = line ? 40 : 235 - ((x + y) % 16);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey scale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
