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

export function fromDayjs(d: Dayjs | null | undefined, format = DATE_FORMAT): string {
  return d && d.isValid() ? d.format(format) : '';
}

/** An ISO timestamp from main, shown in local time. */
export function formatTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

export function formatDate(s: string | null | undefined): string {
  return s ? s : '—';
}
