/** The one api instance the stores use; set once at start-up from the detected transport. */
import { ApiError, createApi, type Api } from './client';

let current: Api | null = null;

export function setApi(api: Api): void {
  current = api;
}

export function api(): Api {
  if (!current) throw new ApiError({ code: 'E_INTERNAL', message: '尚未连接到支部工作台后台' });
  return current;
}

const CODE_HINTS: Record<string, string> = {
  E_VALIDATION: '填写的内容有误',
  E_NOT_FOUND: '没有找到这条记录',
  E_CONFLICT: '与已有数据冲突',
  E_BUSY: '有一项任务正在进行',
  E_NO_BRANCH: '尚未建立支部信息',
  E_UNAUTHORIZED: '访问令牌无效，请从启动程序给出的地址重新打开',
  E_UNKNOWN_OPERATION: '程序版本不一致，请重新启动程序',
  E_DB_NEWER: '数据文件由更新版本的程序写入，请升级程序',
  E_DB_LOCKED: '数据文件正被另一个程序窗口使用',
  E_DB_CORRUPT: '数据文件已损坏，请从备份恢复',
  E_INTERNAL: '程序内部错误',
};

/** A clear Chinese sentence for any error an api call can throw. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const hasChinese = /[\u4e00-\u9fff]/.test(e.message);
    return hasChinese ? e.message : (CODE_HINTS[e.code] ?? '操作失败');
  }
  if (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)) return e.message;
  return '操作失败，请重试。如果问题持续出现，请在“系统与数据”中导出诊断信息。';
}

export function errorCode(e: unknown): string | null {
  return e instanceof ApiError ? e.code : null;
}

export { ApiError };
