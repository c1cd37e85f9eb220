/**
 * How the keyboard saves a drawer or dialog form: Enter in a field never submits it (a secretary presses Enter to
 * finish a field, not the form; a textarea keeps its newline), Ctrl+Enter (⌘+Enter) does, and the save button says so.
 */
import type { KeyboardEvent, ReactNode } from 'react';

export const SAVE_SHORTCUT = 'Ctrl+Enter';
/** For the save button: screen readers announce the shortcut, a pointer shows it. */
export const saveShortcutProps = { 'aria-keyshortcuts': 'Control+Enter', title: `${SAVE_SHORTCUT} 保存` } as const;

/**
 * The onKeyDown of an element around a form. It runs after the fields' own handlers (a date picker takes a typed
 * date on Enter, a pick list chooses its option), then stops the browser submitting the form on Enter.
 */
export function formKeyDown(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  if (e.ctrlKey || e.metaKey) {
    e.preventDefault();
    const form = target.closest('form') ?? e.currentTarget.querySelector('form');
    // Leaving the field first lets it take (or refuse) what was typed, as a click on 保存 would.
    if (target instanceof HTMLInputElement) target.blur();
    form?.requestSubmit();
    return;
  }
  if (target instanceof HTMLInputElement) e.preventDefault();
}

/** The small note beside a form's save button. */
export function SaveHint({ action = '保存' }: { action?: string }) {
  return (
    <span className="save-hint" aria-hidden="true">
      {SAVE_SHORTCUT} {action}
    </span>
  );
}

/** A dialog footer with the note before antd's own 取消/保存 buttons (Modal `footer`). */
export function footerWithHint(buttons: ReactNode, action = '保存'): ReactNode {
  return (
    <div className="dialog-footer">
      <SaveHint action={action} />
      {buttons}
    </div>
  );
}
