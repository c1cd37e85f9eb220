/**
 * Places for demo data: real GB/T 2260 county-level codes from the provinces of China's oilfields
 * (长庆/延长 in 陕西 and 甘肃, 克拉玛依 and 塔里木 in 新疆, 大庆, 胜利 in 东营, 华北 in 任丘,
 * 西南 in 四川, 大港 in 天津, 中原 in 濮阳, 辽河 in 盘锦), with the native place (籍贯,
 * written ××省××县) and the city used for home addresses.
 */
import { idCheckChar } from '../../../shared/domain/idNumber';
import { weightedTable, type Rng, type WeightedTable } from './random';

export interface Region {
  code: string;
  /** 籍贯 as the roster writes it. */
  nativePlace: string;
  /** Start of a home address in that place. */
  city: string;
}

const r = (code: string, nativePlace: string, city: string): Region => ({ code, nativePlace, city });

/** Regions grouped by oilfield province, each with its weight among the crew's members. */
const PROVINCES: readonly (readonly [Region[], number])[] = [
  [[r('130982', '河北省任丘市', '河北省任丘市'), r('130984', '河北省河间市', '河北省河间市'), r('130925', '河北省盐山县', '河北省沧州市'),
    r('130926', '河北省肃宁县', '河北省沧州市'), r('130902', '河北省沧州市', '河北省沧州市')], 26],
  [[r('120116', '天津市滨海新区', '天津市滨海新区'), r('120110', '天津市东丽区', '天津市东丽区')], 8],
  [[r('370502', '山东省东营市', '山东省东营市'), r('370503', '山东省东营市河口区', '山东省东营市'), r('370522', '山东省利津县', '山东省东营市'),
    r('370523', '山东省广饶县', '山东省东营市')], 14],
  [[r('230602', '黑龙江省大庆市', '黑龙江省大庆市'), r('230604', '黑龙江省大庆市', '黑龙江省大庆市'), r('230621', '黑龙江省肇州县', '黑龙江省大庆市'),
    r('230622', '黑龙江省肇源县', '黑龙江省大庆市'), r('230623', '黑龙江省林甸县', '黑龙江省大庆市')], 10],
  [[r('610602', '陕西省延安市', '陕西省延安市'), r('610625', '陕西省志丹县', '陕西省延安市'), r('610626', '陕西省吴起县', '陕西省延安市'),
    r('610629', '陕西省洛川县', '陕西省延安市'), r('610802', '陕西省榆林市', '陕西省榆林市'), r('610103', '陕西省西安市', '陕西省西安市')], 12],
  [[r('620981', '甘肃省玉门市', '甘肃省玉门市'), r('621002', '甘肃省庆阳市', '甘肃省庆阳市'), r('621021', '甘肃省庆城县', '甘肃省庆阳市'),
    r('621022', '甘肃省环县', '甘肃省庆阳市'), r('620102', '甘肃省兰州市', '甘肃省兰州市')], 8],
  [[r('511302', '四川省南充市', '四川省南充市'), r('511321', '四川省南部县', '四川省南充市'), r('510903', '四川省遂宁市', '四川省遂宁市'),
    r('510106', '四川省成都市', '四川省成都市')], 8],
  [[r('410902', '河南省濮阳市', '河南省濮阳市'), r('410922', '河南省清丰县', '河南省濮阳市'), r('410927', '河南省台前县', '河南省濮阳市')], 6],
  [[r('211103', '辽宁省盘锦市', '辽宁省盘锦市'), r('211122', '辽宁省盘山县', '辽宁省盘锦市')], 4],
  [[r('650203', '新疆维吾尔自治区克拉玛依市', '新疆维吾尔自治区克拉玛依市'), r('650202', '新疆维吾尔自治区克拉玛依市', '新疆维吾尔自治区克拉玛依市'),
    r('652801', '新疆维吾尔自治区库尔勒市', '新疆维吾尔自治区库尔勒市'), r('650102', '新疆维吾尔自治区乌鲁木齐市', '新疆维吾尔自治区乌鲁木齐市')], 4],
];

const XINJIANG = PROVINCES[PROVINCES.length - 1]![0];
const REGIONS: WeightedTable<Region[]> = weightedTable(PROVINCES);

/** A region of birth; members of ethnicities of the north-west are mostly born there. */
export function demoRegion(rng: Rng, ethnicity: string): Region {
  if (ethnicity === '维吾尔族') return rng.pick(XINJIANG);
  return rng.pick(rng.weighted(REGIONS));
}

/** Any region, for a native place that differs from the place of birth. */
export function anyRegion(rng: Rng): Region {
  return rng.pick(rng.weighted(REGIONS));
}

const COMMUNITIES = ['石油新村', '油田小区', '钻井生活区', '幸福小区', '建设小区', '华油小区', '友谊小区', '兴油小区', '石油花园', '矿区小区'];

export function demoAddress(rng: Rng, region: Region): string {
  const building = rng.int(1, 36);
  const unit = rng.int(1, 4);
  const room = `${rng.int(1, 6)}0${rng.int(1, 4)}`;
  return `${region.city}${rng.pick(COMMUNITIES)}${building}号楼${unit}单元${room}室`;
}

/**
 * An 18-digit ID number: region, birth date, a three-digit sequence whose last digit is odd for
 * men and even for women, and the MOD 11-2 check character. `taken` keeps numbers unique.
 */
export function demoIdNumber(rng: Rng, region: Region, birthDate: string, male: boolean, taken: Set<string>): string {
  const prefix = region.code + birthDate.replaceAll('-', '');
  for (;;) {
    const sequence = male ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
    const first17 = prefix + String(sequence).padStart(3, '0');
    const id = first17 + idCheckChar(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
