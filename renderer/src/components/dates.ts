/** Dates cross the contract as 'YYYY-MM-DD' strings; antd DatePickers work with dayjs. */
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';
export const MONTH_FORMAT = 'YYYY-MM';
/** What a date field accepts when typed: the first is also how it is shown. */
export const DATE_INPUT_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYY-M-D'];

/** For DatePicker's disabledDate: days after today cannot be picked. */
export const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function toDayjs(s: string | null | undefined, format = DATE_FORMAT): Dayjs | null {
  if (!s) return null;
  const d = dayjs(s, format);
  return d.isValid() ? d : null;
}

/** A refused typed date (see RefusedDate) counts as no date here; the form shows its reason instead. */
export function fromDayjs(d: Dayjs | RefusedDate | null | undefined, format = DATE_FORMAT): string {
  return dayjs.isDayjs(d) && d.isValid() ? d.format(format) : '';
}

/** An ISO timestamp from main, shown in local time. */
export function formatTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

export function formatDate(s: string | null | undefined): string {
  return s ? s : '—';
}

/** A date typed into a DateInput that the field refused: it stays in the form (and on screen) with the reason. */
export class RefusedDate {
  constructor(
    readonly text: string,
    readonly reason: string,
    /** 'YYYY-MM-DD' when the text is a real date the field does not allow (a future one). */
    readonly date?: string,
  ) {}
}

export const DATE_REASONS = {
  future: '未来日期：请填写今天或以前的日期',
  impossible: '不存在的日期，请检查年、月、日',
  format: '格式应为 2026-03-12',
} as const;

/**
 * Reads a typed date the way the date fields accept it (2026-03-12, 20260312, 2026/3/12, 2026.03.12), or says why
 * it cannot be taken. `today` is 'YYYY-MM-DD'; `allowFuture` false refuses days after it.
 */
export function parseTypedDate(
  text: string,
  { allowFuture = false, today = dayjs().format(DATE_FORMAT) }: { allowFuture?: boolean; today?: string } = {},
): { date: string } | { reason: string; date?: string } {
  const t = text.trim();
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(t) ?? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) return { reason: DATE_REASONS.format };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth) return { reason: DATE_REASONS.impossible };
  const date = `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!allowFuture && date > today) return { reason: DATE_REASONS.future, date };
  return { date };
}
