/** What the drawers and dialogs here have in common. */
import { CloseOutlined } from '@ant-design/icons';

/** The × of every drawer and dialog: named 关闭 for screen readers, its icon hidden from them. */
export const closeButton = { 'aria-label': '关闭', closeIcon: <CloseOutlined aria-hidden="true" /> };

/** A drawer's own props; afterOpenChange gives the focus back (useReturnFocus). */
export interface DrawerBasics {
  open: boolean;
  title: string;
  size: number;
  onClose: () => void;
  afterOpenChange: (open: boolean) => void;
}
