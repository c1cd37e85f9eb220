/** Why a date field refuses a typed date (DateInput), and how the refusal replaces 请填写… at its field. */
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { DATE_REASONS, fromDayjs, parseTypedDate, RefusedDate } from '../../../renderer/src/components/dates';
import { withRefusedDates } from '../../../renderer/src/components/useInlineChecks';

const today = '2026-03-12';

describe('parseTypedDate', () => {
  it('takes the usual ways of typing a date and gives it as YYYY-MM-DD', () => {
    for (const text of ['2026-01-01', '20260101', '2026/1/1', '2026.01.01', '2026-1-1', '2026年1月1日', ' 2026-01-01 ']) {
      expect(parseTypedDate(text, { today }), text).toEqual({ date: '2026-01-01' });
    }
    expect(parseTypedDate('2024-02-29', { today })).toEqual({ date: '2024-02-29' });
    expect(parseTypedDate(today, { today })).toEqual({ date: today });
  });

  it('refuses a day after today, naming it, unless the field allows the future', () => {
    expect(parseTypedDate('2026-03-13', { today })).toEqual({ reason: DATE_REASONS.future, date: '2026-03-13' });
    expect(parseTypedDate('20990501', { today })).toEqual({ reason: DATE_REASONS.future, date: '2099-05-01' });
    expect(parseTypedDate('2026-03-13', { today, allowFuture: true })).toEqual({ date: '2026-03-13' });
    expect(DATE_REASONS.future).toMatch(/^未来日期/);
  });

  it('refuses a day that does not exist', () => {
    for (const text of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '20260230', '2026-01-00']) {
      expect(parseTypedDate(text, { today }), text).toEqual({ reason: DATE_REASONS.impossible });
    }
    expect(DATE_REASONS.impossible).toMatch(/^不存在的日期/);
  });

  it('refuses text that is no date, showing the expected form', () => {
    for (const text of ['abc', '2026-3', '2026-3月', '26-03-12', '202603', '2026-03-12-01', '12.03.2026']) {
      expect(parseTypedDate(text, { today }), text).toEqual({ reason: '格式应为 2026-03-12' });
    }
  });
});

describe('refused dates in a form', () => {
  it('count as no date when the form builds its input', () => {
    expect(fromDayjs(new RefusedDate('2026-02-30', DATE_REASONS.impossible))).toBe('');
    expect(fromDayjs(dayjs('2026-01-02'))).toBe('2026-01-02');
    expect(fromDayjs(null)).toBe('');
  });

  it('show their reason at the field instead of what the other checks say about it', () => {
    const values = { fullDate: new RefusedDate('2099-05-01', DATE_REASONS.future, '2099-05-01'), joinDate: null, name: '张三' };
    const problems = withRefusedDates(values, [
      { field: 'fullDate', message: '请填写转正日期' },
      { field: 'joinDate', message: '请填写入党日期' },
    ]);
    expect(problems).toEqual([
      { field: 'fullDate', message: DATE_REASONS.future },
      { field: 'joinDate', message: '请填写入党日期' },
    ]);
    expect(withRefusedDates({ joinDate: null }, [])).toEqual([]);
  });
});
