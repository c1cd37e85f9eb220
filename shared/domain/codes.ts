/** Code lists used as pick lists (domain.md 1.3). */

/** GB/T 3304: the 56 ethnic groups, in code order 01..56. */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族',
  '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族',
  '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族',
  '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族',
  '德昂族', '保安族', '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

export function ethnicityCode(name: string): string | undefined {
  const i = (ETHNICITIES as readonly string[]).indexOf(name);
  return i < 0 ? undefined : String(i + 1).padStart(2, '0');
}

export interface CodeItem {
  code: string;
  label: string;
  /** Set on detailed codes: the code of their group (e.g. '21' -> '20'). */
  group?: string;
}

/** 毕业, 结业, 肄业 of one course of study: three codes in a row from `first` (GB/T 4658 numbers them so). */
function completions(first: number, course: string): [string, string][] {
  return ['毕业', '结业', '肄业'].map((how, i) => [String(first + i), course + how]);
}

/** A group code (x0) and the detailed codes under it. */
function educationLevel(code: string, label: string, details: [string, string][]): CodeItem[] {
  return [{ code, label }, ...details.map(([detail, detailLabel]) => ({ code: detail, label: detailLabel, group: code }))];
}

/** GB/T 4658-2006 education codes. Group codes (x0) may be used when the detail is unknown. */
export const EDUCATION: readonly CodeItem[] = [
  ...educationLevel('10', '研究生', [...completions(11, '博士研究生'), ...completions(14, '硕士研究生'), ...completions(17, '研究生班')]),
  ...educationLevel('20', '大学本科', [...completions(21, '大学本科'), ['28', '大学普通班毕业']]),
  ...educationLevel('30', '大学专科', completions(31, '大学专科')),
  ...educationLevel('40', '中等职业教育', [...completions(41, '中等专科'), ...completions(44, '职业高中'), ...completions(47, '技工学校')]),
  ...educationLevel('60', '普通高中', completions(61, '普通高中')),
  ...educationLevel('70', '初中', [['71', '初中毕业'], ['73', '初中肄业']]),
  ...educationLevel('80', '小学', [['81', '小学毕业'], ['83', '小学肄业']]),
  ...educationLevel('90', '其他', []),
];

/** Short words people write in spreadsheets for an education level, mapped to a group code. */
export const EDUCATION_ALIASES: Record<string, string> = {
  博士: '11', 博士研究生: '11', 硕士: '14', 硕士研究生: '14', 研究生: '10',
  本科: '21', 大学: '21', 大本: '21', 大学本科: '21',
  专科: '31', 大专: '31', 大学专科: '31',
  中专: '41', 中技: '47', 技校: '47', 职高: '44',
  高中: '61', 初中: '71', 小学: '81', 其他: '90',
};

export const EDUCATION_GROUPS = EDUCATION.filter((e) => !e.group);
/** The roster's education filter for 高中及以下: every code outside 研究生, 大学本科, 大学专科 and 中专 (as the statistics count). */
export const HIGH_SCHOOL_OR_BELOW = { code: '60+', label: '高中及以下' } as const;

/** The codes an education filter (a group code, or HIGH_SCHOOL_OR_BELOW) finds; `below`: those it must not find instead. */
export function educationFilterCodes(filter: string): { codes: string[]; below: boolean } {
  if (filter === HIGH_SCHOOL_OR_BELOW.code) {
    return { codes: EDUCATION.filter((e) => ['10', '20', '30', '40'].includes(e.group ?? e.code)).map((e) => e.code), below: true };
  }
  return { codes: EDUCATION.filter((e) => e.code === filter || e.group === filter).map((e) => e.code), below: false };
}

export function educationLabel(code: string): string {
  return EDUCATION.find((e) => e.code === code)?.label ?? code;
}

/** The group (研究生, 大学本科, …) an education code belongs to; used for statistics and filters. */
export function educationGroup(code: string): string {
  return EDUCATION.find((e) => e.code === code)?.group ?? code;
}

/** Accepts a code, a full label or a common short word. */
export function resolveEducation(text: string): string | undefined {
  const t = text.trim();
  if (EDUCATION.some((e) => e.code === t)) return t;
  return EDUCATION.find((e) => e.label === t)?.code ?? EDUCATION_ALIASES[t];
}

/** 工作岗位 categories of the Party statistics (third-party implementation; the official code book was not seen). */
export const JOB_CATEGORIES: readonly CodeItem[] = [
  { code: '0', label: '在岗职工' },
  { code: '01', label: '公有制单位', group: '0' },
  { code: '011', label: '党政机关工作人员', group: '01' },
  { code: '012', label: '事业单位管理人员', group: '01' },
  { code: '013', label: '事业单位专业技术人员', group: '01' },
  { code: '014', label: '企业管理人员', group: '01' },
  { code: '015', label: '企业专业技术人员', group: '01' },
  { code: '016', label: '工勤技能人员', group: '01' },
  { code: '0164', label: '农民工（公有制单位）', group: '016' },
  { code: '02', label: '非公有制单位', group: '0' },
  { code: '021', label: '企业管理人员（非公）', group: '02' },
  { code: '022', label: '企业专业技术人员（非公）', group: '02' },
  { code: '023', label: '民办非企业单位管理人员', group: '02' },
  { code: '024', label: '民办非企业单位专业技术人员', group: '02' },
  { code: '025', label: '工勤技能人员（非公）', group: '02' },
  { code: '0253', label: '农民工（非公有制单位）', group: '025' },
  { code: '1', label: '农牧渔民' },
  { code: '113', label: '外出务工经商人员', group: '1' },
  { code: '2', label: '军人、武警' },
  { code: '3', label: '学生' },
  { code: '4', label: '离退休人员' },
  { code: '5', label: '其他' },
];

export function jobCategoryLabel(code: string): string {
  return JOB_CATEGORIES.find((j) => j.code === code)?.label ?? code;
}

/** GB/T 4762 political status. */
export const POLITICAL_STATUS = [
  '中共党员', '中共预备党员', '共青团员', '民革会员', '民盟盟员', '民建会员', '民进会员', '农工党党员',
  '致公党党员', '九三学社社员', '台盟盟员', '无党派人士', '群众',
] as const;

export const PARTY_POSTS = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '委员', '党小组长'] as const;
