/**
 * The app's date field: typed in any of the usual ways, no days after today unless `allowFuture`.
 * A typed date it cannot take is not cleared: the text stays, and the field's value becomes a RefusedDate
 * carrying the reason, which useInlineChecks shows under the field (and on 保存) instead of 请填写….
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, type ComponentProps, type FocusEvent } from 'react';
import { DATE_INPUT_FORMATS, future, parseTypedDate, RefusedDate } from './dates';

type PickerProps = ComponentProps<typeof DatePicker>;

interface DateInputProps extends Omit<PickerProps, 'value' | 'onChange'> {
  value?: Dayjs | RefusedDate | null;
  onChange?: (value: Dayjs | RefusedDate | null) => void;
  allowFuture?: boolean;
}

export function DateInput({ value, onChange, onBlur, allowFuture = false, ...props }: DateInputProps) {
  /** While a typed date is refused the picker keeps its last good value, so it leaves the typed text alone. */
  const lastGood = useRef<Dayjs | null>(null);
  if (!(value instanceof RefusedDate)) lastGood.current = value ?? null;
  /**
   * The text last typed, until the picker takes a date: the picker empties the box itself when Tab leaves a date
   * it may not take (a future one), before the field is left.
   */
  const typed = useRef<string | null>(null);

  const checkTyped = (e: FocusEvent<HTMLElement>) => {
    const shown = e.target instanceof HTMLInputElement ? e.target.value.trim() : '';
    const text = shown || (typed.current ?? '').trim();
    typed.current = null;
    if (!text) {
      if (value instanceof RefusedDate) onChange?.(null);
      return;
    }
    const parsed = parseTypedDate(text, { allowFuture });
    if ('reason' in parsed) {
      if (!(value instanceof RefusedDate && value.text === text)) onChange?.(new RefusedDate(text, parsed.reason, parsed.date));
    } else if (value instanceof RefusedDate || !value || value.format('YYYY-MM-DD') !== parsed.date) {
      onChange?.(dayjs(parsed.date));
    }
  };

  /** What the picker shows: a refused real date (a future one) as that date, any other refused text as typed. */
  const shownValue = value instanceof RefusedDate ? (value.date ? dayjs(value.date) : lastGood.current) : (value ?? null);

  return (
    <span style={{ display: 'contents' }} onInputCapture={(e) => (typed.current = (e.target as HTMLInputElement).value)}>
      <DatePicker
        format={DATE_INPUT_FORMATS}
        placeholder="年-月-日"
        disabledDate={allowFuture ? undefined : future}
        preserveInvalidOnBlur
        {...props}
        value={shownValue}
        onChange={(d) => {
          typed.current = null;
          onChange?.((d as Dayjs | null) ?? null);
        }}
        onBlur={(e, info) => {
          checkTyped(e);
          onBlur?.(e, info);
        }}
      />
    </span>
  );
}
