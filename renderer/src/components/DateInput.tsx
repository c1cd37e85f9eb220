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

  const checkTyped = (e: FocusEvent<HTMLElement>) => {
    const text = e.target instanceof HTMLInputElement ? e.target.value.trim() : '';
    if (!text) {
      if (value instanceof RefusedDate) onChange?.(null);
      return;
    }
    const typed = parseTypedDate(text, { allowFuture });
    if ('reason' in typed) {
      if (!(value instanceof RefusedDate && value.text === text)) onChange?.(new RefusedDate(text, typed.reason));
    } else if (value instanceof RefusedDate || !value || value.format('YYYY-MM-DD') !== typed.date) {
      onChange?.(dayjs(typed.date));
    }
  };

  return (
    <DatePicker
      format={DATE_INPUT_FORMATS}
      placeholder="年-月-日"
      disabledDate={allowFuture ? undefined : future}
      preserveInvalidOnBlur
      {...props}
      value={value instanceof RefusedDate ? lastGood.current : (value ?? null)}
      onChange={(d) => onChange?.((d as Dayjs | null) ?? null)}
      onBlur={(e, info) => {
        checkTyped(e);
        onBlur?.(e, info);
      }}
    />
  );
}
