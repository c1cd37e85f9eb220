/** Input pieces several capabilities' operations share. */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';

export const id = z.string().uuid({ error: '记录编号无效' });
export const none = z.object({}).strict();
/** A branch named by the caller (committee roll-up); main checks that it exists. Omitted: the local branch. */
export const branchRef = z.string().uuid({ error: '所选支部无效' }).nullish();

export const optionalDate = z
  .union([z.literal(''), z.string().refine(isIsoDate, { error: '请填写有效日期' })])
  .nullish()
  .transform((v) => v || null);
export const password = z.string().max(200).nullish();
/** File content in base64 (the renderer reads files the user picks; both transports carry JSON). */
export const fileData = z.string().max(700 * 1024 * 1024, { error: '文件过大' });
