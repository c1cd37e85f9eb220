/**
 * Chinese personal names for demo data: surnames weighted by their share of the population
 * (2020 census ranking, per mille), given names of one or two characters in the style of the
 * decade of birth, and Uyghur names (given name · father's name) for 维吾尔族 members.
 */
import { weightedTable, type Rng } from './random';
import type { Gender } from '../../../shared/domain/member';

const SURNAMES = weightedTable<string>([
  ['王', 71], ['李', 70], ['张', 65], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 21], ['赵', 20], ['吴', 19], ['周', 19],
  ['徐', 14], ['孙', 14], ['马', 13], ['朱', 12], ['胡', 12], ['郭', 12], ['何', 12], ['高', 11], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 6], ['田', 6], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
  ['姚', 4], ['卢', 4], ['姜', 4], ['崔', 4], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3],
  ['熊', 3], ['秦', 3], ['邱', 3], ['江', 3], ['尹', 3], ['薛', 3], ['闫', 3], ['段', 3], ['雷', 3], ['侯', 3],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 2], ['武', 2], ['戴', 2], ['孔', 2], ['常', 2], ['康', 2], ['牛', 2], ['乔', 2],
  ['欧阳', 0.3], ['司马', 0.1], ['诸葛', 0.1],
]);

type Era = 'old' | 'mid' | 'young';

interface GivenNamePool {
  /** Share of one-character given names in this era. */
  single: number;
  singles: readonly string[];
  firsts: readonly string[];
  seconds: readonly string[];
  /** Whole two-character given names typical of the era (e.g. 建国, 欣怡). */
  whole: readonly string[];
}

const POOLS: Record<Era, Record<Gender, GivenNamePool>> = {
  old: {
    男: {
      single: 0.35,
      singles: ['军', '勇', '强', '伟', '刚', '平', '斌', '明', '华', '峰', '林', '涛', '军', '兵', '鹏', '海', '东', '亮'],
      firsts: ['建', '国', '志', '永', '振', '宏', '立', '长', '德', '金', '文', '庆', '春', '向', '卫', '新', '红', '光'],
      seconds: ['国', '军', '华', '平', '明', '强', '林', '生', '成', '东', '民', '伟', '忠', '杰', '波', '峰', '山', '刚'],
      whole: ['建国', '建军', '国强', '卫东', '卫国', '志强', '志刚', '永强', '红军', '建华', '振华', '国庆', '建新', '建设'],
    },
    女: {
      single: 0.3,
      singles: ['红', '霞', '燕', '芳', '丽', '萍', '玲', '敏', '静', '梅', '英', '华', '娟', '秀', '琴', '洁'],
      firsts: ['秀', '玉', '桂', '丽', '春', '海', '红', '淑', '美', '翠', '金', '小', '晓', '素', '建', '彩'],
      seconds: ['英', '兰', '芳', '珍', '华', '梅', '霞', '红', '萍', '琴', '云', '荣', '玲', '莲', '凤', '娟'],
      whole: ['秀英', '桂英', '玉兰', '秀兰', '淑珍', '丽华', '春梅', '红霞', '海燕', '建华', '小红', '晓梅'],
    },
  },
  mid: {
    男: {
      single: 0.3,
      singles: ['磊', '伟', '涛', '超', '杰', '鹏', '斌', '浩', '辉', '亮', '健', '凯', '飞', '鑫', '帅', '波', '宁', '旭', '锋'],
      firsts: ['晓', '俊', '文', '建', '海', '志', '家', '永', '明', '宏', '金', '子', '云', '小', '立', '振', '国', '大'],
      seconds: ['伟', '峰', '涛', '强', '斌', '亮', '鹏', '军', '东', '辉', '明', '龙', '杰', '超', '磊', '刚', '平', '飞'],
      whole: ['海涛', '建伟', '晓东', '志强', '俊杰', '文杰', '晓明', '海龙', '宏伟', '振宇', '家豪', '子龙'],
    },
    女: {
      single: 0.25,
      singles: ['静', '敏', '丽', '娜', '婷', '艳', '燕', '丹', '洁', '颖', '雪', '倩', '莉', '琳', '蕾', '佳'],
      firsts: ['晓', '丽', '雪', '美', '春', '海', '秀', '佳', '思', '文', '小', '亚', '婷', '艳', '慧', '玉'],
      seconds: ['燕', '丽', '娟', '艳', '红', '霞', '婷', '静', '敏', '琳', '雪', '梅', '玲', '颖', '萍', '华'],
      whole: ['婷婷', '丹丹', '晓燕', '丽娜', '雪梅', '春燕', '海燕', '晓丽', '思思', '佳慧', '亚楠', '美玲'],
    },
  },
  young: {
    男: {
      single: 0.12,
      singles: ['浩', '宇', '博', '晨', '昊', '鑫', '阳', '轩', '航', '睿', '凯', '磊', '森', '哲', '帆', '旭'],
      firsts: ['浩', '宇', '子', '俊', '梓', '一', '博', '天', '嘉', '思', '文', '家', '明', '泽', '皓', '志'],
      seconds: ['轩', '宇', '然', '涵', '阳', '博', '豪', '航', '杰', '晨', '鑫', '凯', '文', '伟', '峰', '睿'],
      whole: ['浩然', '子轩', '宇航', '俊杰', '博文', '天宇', '一鸣', '嘉豪', '梓豪', '思远', '明轩', '泽宇'],
    },
    女: {
      single: 0.12,
      singles: ['悦', '琪', '萌', '瑶', '璐', '娇', '妍', '月', '雯', '欣', '晴', '蕊', '茜', '菲', '媛', '洁'],
      firsts: ['欣', '雨', '梓', '思', '诗', '佳', '可', '子', '紫', '梦', '雅', '晓', '一', '语', '心', '依'],
      seconds: ['怡', '涵', '萱', '琪', '彤', '雨', '欣', '悦', '瑶', '琳', '婷', '妍', '雪', '月', '宁', '然'],
      whole: ['欣怡', '梓涵', '雨涵', '思雨', '诗琪', '佳怡', '可欣', '子涵', '雅琪', '梦瑶', '一诺', '语嫣'],
    },
  },
};

const UYGHUR_GIVEN: Record<Gender, readonly string[]> = {
  男: ['艾力', '买买提', '阿不都', '热合曼', '吐尔逊', '依明', '艾尔肯', '卡德尔', '玉素甫', '阿里木', '努尔兰', '麦麦提'],
  女: ['古丽', '阿依古丽', '帕提古丽', '热依拉', '迪丽努尔', '米热古丽', '努尔古丽', '阿娜尔', '再努尔', '祖丽皮亚'],
};
const UYGHUR_FATHER = ['艾则孜', '吾斯曼', '买买提', '阿布拉', '吐尔逊', '热合曼', '依沙克', '司马义', '哈斯木', '亚森', '库尔班'];

function eraOf(birthYear: number): Era {
  return birthYear < 1980 ? 'old' : birthYear < 1993 ? 'mid' : 'young';
}

function givenName(rng: Rng, pool: GivenNamePool): string {
  if (rng.chance(pool.single)) return rng.pick(pool.singles);
  if (rng.chance(0.35)) return rng.pick(pool.whole);
  const first = rng.pick(pool.firsts);
  let second = rng.pick(pool.seconds);
  if (second === first) second = rng.pick(pool.seconds);
  return first + second;
}

/** A name for a person of that gender, born in that year, of that ethnicity. */
export function demoName(rng: Rng, gender: Gender, birthYear: number, ethnicity: string): string {
  if (ethnicity === '维吾尔族') return `${rng.pick(UYGHUR_GIVEN[gender])}·${rng.pick(UYGHUR_FATHER)}`;
  const surname = rng.weighted(SURNAMES);
  return surname + givenName(rng, POOLS[eraOf(birthYear)][gender]);
}
