/**
 * The columns each export can take, in print order, with the defaults a secretary usually wants.
 * Keys are the contract's (main/services/spreadsheet EXPORT_COLUMNS and main/documents ROSTER_COLUMNS).
 */
export interface ExportColumn {
  key: string;
  label: string;
}

/** The spreadsheet: every importable field, so the file reads back unchanged. */
export const XLSX_COLUMNS: readonly ExportColumn[] = [
  { key: 'name', label: '姓名' },
  { key: 'gender', label: '性别' },
  { key: 'ethnicity', label: '民族' },
  { key: 'birthDate', label: '出生日期' },
  { key: 'idNumber', label: '身份证号' },
  { key: 'education', label: '学历' },
  { key: 'nativePlace', label: '籍贯' },
  { key: 'category', label: '人员类别' },
  { key: 'applicationDate', label: '申请入党日期' },
  { key: 'joinDate', label: '入党日期' },
  { key: 'fullDate', label: '转正日期' },
  { key: 'partyGroup', label: '党小组' },
  { key: 'workUnit', label: '工作单位' },
  { key: 'post', label: '岗位/职务' },
  { key: 'partyPost', label: '党内职务' },
  { key: 'jobCategory', label: '工作岗位' },
  { key: 'phone', label: '联系电话' },
  { key: 'landline', label: '固定电话' },
  { key: 'address', label: '家庭住址' },
  { key: 'status', label: '党籍状态' },
  { key: 'lostContact', label: '是否失联党员' },
  { key: 'lostContactDate', label: '失去联系日期' },
  { key: 'mobileMember', label: '是否流动党员' },
  { key: 'mobileDestination', label: '外出流向' },
  { key: 'remark', label: '备注' },
];
export const XLSX_DEFAULT = XLSX_COLUMNS.map((c) => c.key);

/** The printed 党员花名册 (序号 always comes first). */
export const DOCX_COLUMNS: readonly ExportColumn[] = [
  { key: 'name', label: '姓名' },
  { key: 'gender', label: '性别' },
  { key: 'ethnicity', label: '民族' },
  { key: 'birthDate', label: '出生日期' },
  { key: 'age', label: '年龄' },
  { key: 'nativePlace', label: '籍贯' },
  { key: 'idNumber', label: '身份证号' },
  { key: 'education', label: '学历' },
  { key: 'category', label: '人员类别' },
  { key: 'status', label: '党籍状态' },
  { key: 'applicationDate', label: '申请入党日期' },
  { key: 'joinDate', label: '入党日期' },
  { key: 'fullDate', label: '转正日期' },
  { key: 'partyStanding', label: '党龄' },
  { key: 'jobCategory', label: '工作岗位' },
  { key: 'workUnit', label: '工作单位' },
  { key: 'post', label: '岗位/职务' },
  { key: 'partyPost', label: '党内职务' },
  { key: 'partyGroup', label: '党小组' },
  { key: 'phone', label: '联系电话' },
  { key: 'landline', label: '固定电话' },
  { key: 'address', label: '家庭住址' },
  { key: 'lostContact', label: '是否失联' },
  { key: 'lostContactDate', label: '失联日期' },
  { key: 'mobileMember', label: '是否流动' },
  { key: 'mobileDestination', label: '外出流向' },
  { key: 'remark', label: '备注' },
];
export const DOCX_DEFAULT = ['name', 'gender', 'ethnicity', 'birthDate', 'education', 'idNumber', 'joinDate', 'fullDate', 'category', 'partyGroup', 'post', 'phone'];
