/**
 * The drawer a long form opens in, its 取消/保存 footer, and the question before closing unsaved input.
 * Enter in a field does not save; Ctrl+Enter does (formKeys).
 */
import { App, Button, Drawer, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { formKeyDown, saveShortcutProps, SaveHint } from './formKeys';
import { closeButton, type DrawerBasics } from './overlay';

interface FormDrawerProps extends DrawerBasics {
  children: ReactNode;
  /** Actions in the header, right of the title (打印预览 of what the drawer shows). */
  extra?: ReactNode;
}

export function FormDrawer({ open, title, size, onClose, afterOpenChange, extra, children }: FormDrawerProps) {
  return (
    <Drawer
      afterOpenChange={afterOpenChange}
      open={open}
      title={title}
      extra={extra}
      size={size}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      closable={closeButton}
      styles={{ body: { paddingBottom: 0 } }}
    >
      <div onKeyDown={formKeyDown}>{children}</div>
    </Drawer>
  );
}

export function FormFooter({ onCancel, saving }: { onCancel: () => void; saving: boolean }) {
  return (
    <div className="form-footer">
      <SaveHint />
      <Button size="large" onClick={onCancel}>
        取消
      </Button>
      <Button type="primary" size="large" htmlType="submit" loading={saving} {...saveShortcutProps}>
        保存
      </Button>
    </div>
  );
}

/** Closing is refused while saving, and asked about when the user has typed something. */
export function useRequestClose(form: FormInstance, saving: boolean, close: () => void, content = '关闭后，刚才填写或修改的内容不会保存。') {
  const { modal } = App.useApp();
  return () => {
    if (saving) return;
    if (!form.isFieldsTouched()) return close();
    modal.confirm({ title: '放弃未保存的内容？', content, okText: '放弃并关闭', cancelText: '继续填写', onOk: close });
  };
}
