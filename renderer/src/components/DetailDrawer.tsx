/** The drawer one record's details open in: 修改 and 删除 at the top, a loading or error line until the record is read. */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../api';
import { closeButton, type DrawerBasics } from './overlay';

interface DetailDrawerProps extends DrawerBasics {
  error: string | null;
  /** The record is read: the buttons show, and the loading spinner does not. */
  loaded: boolean;
  onEdit: () => void;
  /** 修改 is the main button unless the drawer has one of its own. */
  editPrimary: boolean;
  onDelete: () => void;
  children: ReactNode;
}

export function DetailDrawer({ error, loaded, onEdit, editPrimary, onDelete, children, ...drawer }: DetailDrawerProps) {
  return (
    <Drawer
      {...drawer}
      closable={closeButton}
      extra={
        loaded ? (
          <Space>
            <Button type={editPrimary ? 'primary' : undefined} icon={<EditOutlined aria-hidden="true" />} onClick={onEdit}>
              修改
            </Button>
            <Button danger icon={<DeleteOutlined aria-hidden="true" />} onClick={onDelete}>
              删除
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
      {!loaded && !error ? <Spin /> : null}
      {children}
    </Drawer>
  );
}

interface DeleteQuestion {
  title: string;
  content: string;
  remove: () => Promise<unknown>;
  /** The message once it is done. */
  done: string;
}

/** 删除 asks first; a refusal from main is shown as 删除失败. */
export function useConfirmDelete() {
  const { message, modal } = App.useApp();
  return ({ title, content, remove, done }: DeleteQuestion) =>
    modal.confirm({
      title,
      content,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove();
          message.success(done);
        } catch (e) {
          message.error(`删除失败：${errorText(e)}`);
        }
      },
    });
}
