/**
 * A dialog holding one form: its OK button (保存 unless named) and Ctrl+Enter submit it, Enter in a field does not
 * (formKeys); 取消 and the close button do nothing while it saves.
 */
import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { footerWithHint, formKeyDown, saveShortcutProps } from './formKeys';
import { closeButton } from './overlay';

interface FormModalProps<V> {
  open: boolean;
  title: string;
  width: number;
  saving: boolean;
  onCancel: () => void;
  afterClose?: () => void;
  form: FormInstance<V>;
  name: string;
  okText?: string;
  /** A red OK button, for an action that ends something (终止发展). */
  danger?: boolean;
  onFinish: () => void;
  onValuesChange: (changed: Partial<V>) => void;
  children: ReactNode;
}

export function FormModal<V>({ open, title, width, saving, onCancel, afterClose, form, name, okText = '保存', danger = false, onFinish, onValuesChange, children }: FormModalProps<V>) {
  return (
    <Modal
      open={open}
      afterClose={afterClose}
      title={title}
      onCancel={() => !saving && onCancel()}
      okText={okText}
      okButtonProps={{ danger, ...saveShortcutProps, title: `Ctrl+Enter ${okText}` }}
      footer={(buttons) => footerWithHint(buttons, okText)}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      width={width}
      destroyOnHidden
      maskClosable={false}
      closable={closeButton}
    >
      <div onKeyDown={formKeyDown}>
      <Form<V> form={form} layout="vertical" name={name} aria-label={title} onFinish={onFinish} onValuesChange={onValuesChange} scrollToFirstError={false}>
        {children}
      </Form>
      </div>
    </Modal>
  );
}
