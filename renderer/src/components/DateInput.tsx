/** The app's date field: typed in any of the usual ways, no days after today. */
import { DatePicker } from 'antd';
import type { ComponentProps } from 'react';
import { DATE_INPUT_FORMATS, future } from './dates';

export function DateInput(props: ComponentProps<typeof DatePicker>) {
  return <DatePicker format={DATE_INPUT_FORMATS} placeholder="年-月-日" disabledDate={future} {...props} />;
}
