/** 备份与恢复: the backups of this database; make one now, check one, restore one (after backing up the current state). */
import { CloudUploadOutlined, DownloadOutlined, FolderOpenOutlined, SafetyCertificateOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract/handover';
import { api, errorText } from '../../api';
import dayjs from 'dayjs';
import { PageTitle } from '../../components/PageTitle';
import { useBackupStore } from './backupStore';
import { downloadBase64, formatSize, readAsBase64 } from '../../components/files';

/** To the second: backups made a minute apart must be told apart. */
function formatTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

export function BackupPage() {
  const { backups, loading, error, verified, folder } = useBackupStore();
  const fileInput = useRef<HTMLInputElement>(null);
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void useBackupStore.getState().load();
    void useBackupStore.getState().loadFolder().catch(() => undefined);
  }, []);

  /** Electron opens the folder in the file manager; the browser host cannot, and the path beside the button stays to copy. */
  const openFolder = async () => {
    try {
      const r = await api().call('app.openFolder', { which: 'backups' });
      if (r.opened) message.success('已打开备份文件夹');
      else message.info(r.error || '在浏览器中不能直接打开文件夹，请复制旁边的位置，粘贴到文件管理器的地址栏');
    } catch (e) {
      message.error(`无法打开备份文件夹：${errorText(e)}`);
    }
  };

  /** 保存到…: the backup file is saved like every export (a download; Electron asks where, e.g. a USB stick). */
  const saveCopy = async (b: BackupInfo) => {
    setBusy(`save:${b.name}`);
    try {
      const copy = await useBackupStore.getState().readCopy(b.name);
      downloadBase64(copy.data, copy.fileName);
      setNotice({ type: 'success', text: `已保存备份文件“${copy.fileName}”（${formatSize(copy.size)}）。需要时可以用“从备份文件恢复…”选择这个文件恢复。` });
    } catch (e) {
      setNotice({ type: 'error', text: `保存失败：${errorText(e)}` });
    } finally {
      setBusy(null);
    }
  };

  const onPickedFile = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    let data: string;
    try {
      data = await readAsBase64(file);
    } catch (e) {
      setNotice({ type: 'error', text: `无法读取“${file.name}”：${errorText(e)}` });
      return;
    }
    modal.confirm({
      title: `用备份文件“${file.name}”恢复？`,
      width: 560,
      content: (
        <div style={{ fontSize: 16 }}>
          <p>程序会先检查这个文件是否是完好的支部工作台备份，然后把程序中的数据换成文件里的数据。</p>
          <p>恢复前，程序会先把现在的数据自动备份一份（类型为“恢复前自动备份”），需要时可以再恢复回来。</p>
        </div>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setBusy('restore-file');
        setNotice(null);
        try {
          const r = await useBackupStore.getState().restoreFile(data, file.name);
          setNotice({
            type: 'success',
            text: `已用备份文件“${r.fileName}”恢复。恢复前的数据已备份为 ${formatTime(r.undo.createdAt)} 的“${r.undo.reasonLabel}”备份，需要时可以再恢复回来。`,
          });
        } catch (e) {
          setNotice({ type: 'error', text: `恢复失败：${errorText(e)}` });
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const create = async () => {
    setCreating(true);
    setNotice(null);
    try {
      const b = await useBackupStore.getState().create();
      setNotice({ type: 'success', text: `已备份当前数据（${formatTime(b.createdAt)}，${formatSize(b.size)}）` });
    } catch (e) {
      setNotice({ type: 'error', text: `备份失败：${errorText(e)}` });
    } finally {
      setCreating(false);
    }
  };

  const verify = async (b: BackupInfo) => {
    setBusy(`verify:${b.name}`);
    try {
      const r = await useBackupStore.getState().verify(b.name);
      if (r.ok) message.success(`${formatTime(b.createdAt)} 的备份完好`);
      else message.error(`${formatTime(b.createdAt)} 的备份有问题，请不要用它恢复`);
    } catch (e) {
      modal.error({ title: '无法检查这个备份', content: errorText(e), okText: '知道了' });
    } finally {
      setBusy(null);
    }
  };

  const restore = (b: BackupInfo) => {
    modal.confirm({
      title: `恢复到 ${formatTime(b.createdAt)} 的备份？`,
      width: 560,
      content: (
        <div style={{ fontSize: 16 }}>
          <p>程序中的数据会换成这个备份里的数据，这个备份之后所做的修改将不再显示。</p>
          <p>恢复前，程序会先把现在的数据自动备份一份。如果恢复后发现不对，可以在这个列表中找到那份备份（类型为“恢复前自动备份”），再恢复回来。</p>
        </div>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setBusy(`restore:${b.name}`);
        setNotice(null);
        try {
          const r = await useBackupStore.getState().restore(b.name);
          setNotice({
            type: 'success',
            text: `已恢复到 ${formatTime(r.restored.createdAt)} 的备份。恢复前的数据已备份为 ${formatTime(r.undo.createdAt)} 的“${r.undo.reasonLabel}”备份，需要时可以再恢复回来。`,
          });
        } catch (e) {
          setNotice({ type: 'error', text: `恢复失败：${errorText(e)}` });
        } finally {
          setBusy(null);
        }
      },
    });
  };

  return (
    <>
      <PageTitle
        title="备份与恢复"
        extra={
          <Space>
            <Button size="large" icon={<FolderOpenOutlined aria-hidden="true" />} loading={busy === 'restore-file'} onClick={() => fileInput.current?.click()}>
              从备份文件恢复…
            </Button>
            <Button type="primary" size="large" icon={<CloudUploadOutlined aria-hidden="true" />} loading={creating} onClick={() => void create()}>
              立即备份
            </Button>
          </Space>
        }
      />
      <input
        ref={fileInput}
        type="file"
        accept=".sqlite,.db"
        aria-label="选择备份文件"
        data-testid="backup-file"
        style={{ display: 'none' }}
        onChange={(e) => void onPickedFile(e.target.files?.[0])}
      />
      <p className="muted" style={{ marginTop: -8, maxWidth: 960 }}>
        程序每天第一次打开时、导入交接包前和恢复备份前都会自动备份。为防电脑损坏，请定期用“保存到…”把备份另存到U盘或其他电脑；换电脑或重装后，用“从备份文件恢复…”选择那个文件即可恢复。
      </p>
      {folder ? (
        <p style={{ marginTop: -4 }} data-testid="backup-folder">
          <span className="muted">本机备份文件夹：</span>
          <Typography.Text copyable={{ text: folder, tooltips: ['复制路径', '已复制'] }}>{folder}</Typography.Text>
          <Button type="link" icon={<FolderOpenOutlined aria-hidden="true" />} onClick={() => void openFolder()}>
            打开备份文件夹
          </Button>
        </p>
      ) : null}
      {notice ? (
        <Alert type={notice.type} showIcon role={notice.type === 'error' ? 'alert' : 'status'} title={notice.text} style={{ marginBottom: 12 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Table<BackupInfo>
        aria-label="备份列表"
        rowKey="name"
        loading={loading && backups.length === 0}
        dataSource={backups}
        pagination={backups.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: '还没有备份。点右上角的“立即备份”备份当前数据。' }}
        columns={[
          { title: '备份时间', dataIndex: 'createdAt', width: 200, render: (v: string) => formatTime(v) },
          { title: '类型', dataIndex: 'reasonLabel', width: 160 },
          { title: '大小', dataIndex: 'size', width: 120, align: 'right', render: (v: number) => formatSize(v) },
          {
            title: '检查结果',
            key: 'verified',
            width: 140,
            render: (_, b) => {
              const r = verified[b.name];
              if (!r) return <span className="muted">未检查</span>;
              return r.ok ? (
                <Tag color="success" style={{ fontSize: 15 }}>
                  完好
                </Tag>
              ) : (
                <Tag color="error" style={{ fontSize: 15 }} title={r.integrity}>
                  有问题
                </Tag>
              );
            },
          },
          {
            title: '操作',
            key: 'actions',
            width: 340,
            render: (_, b) => (
              <Space>
                <Button
                  icon={<DownloadOutlined aria-hidden="true" />}
                  loading={busy === `save:${b.name}`}
                  onClick={() => void saveCopy(b)}
                  aria-label={`把 ${formatTime(b.createdAt)} 的备份保存到…`}
                >
                  保存到…
                </Button>
                <Button
                  icon={<SafetyCertificateOutlined aria-hidden="true" />}
                  loading={busy === `verify:${b.name}`}
                  onClick={() => void verify(b)}
                  aria-label={`检查 ${formatTime(b.createdAt)} 的备份`}
                >
                  检查
                </Button>
                <Button
                  icon={<UndoOutlined aria-hidden="true" />}
                  loading={busy === `restore:${b.name}`}
                  onClick={() => restore(b)}
                  aria-label={`恢复 ${formatTime(b.createdAt)} 的备份`}
                >
                  恢复
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default BackupPage;
