/**
 * 附件: photos of the sign-in sheet and the like (jpg, png, pdf), stored in the database with the record. A photo is
 * viewed here; a PDF is saved to open it (the app shows no embedded documents).
 */
import { DeleteOutlined, EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { Attachment, AttachmentInfo } from '../../../../shared/contract/meetings';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_MEETING } from '../../../../shared/domain/meetings';
import { api, errorText } from '../../api';
import { closeButton } from '../../components/overlay';
import { downloadBase64, formatSize, readAsBase64 } from '../../components/files';

const isImage = (a: AttachmentInfo) => a.mimeType.startsWith('image/');

export function AttachmentsPanel({ meetingId, initial, editable }: { meetingId: string; initial: AttachmentInfo[]; editable: boolean }) {
  const { message, modal } = App.useApp();
  const [list, setList] = useState(initial);
  const [uploading, setUploading] = useState(false);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  useEffect(() => setList(initial), [initial]);

  const upload = async (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      message.error(`“${file.name}”超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB，未添加`);
      return;
    }
    setUploading(true);
    try {
      const data = await readAsBase64(file);
      const info = await api().call('meetings.addAttachment', { meetingId, fileName: file.name, data, caption: '' });
      setList((l) => [...l, info]);
      message.success(`已添加附件“${info.fileName}”`);
    } catch (e) {
      message.error(`未能添加“${file.name}”：${errorText(e)}`);
    } finally {
      setUploading(false);
    }
  };

  const open = async (a: AttachmentInfo) => {
    try {
      const file = await api().call('meetings.getAttachment', { id: a.id });
      if (isImage(a)) setViewing(file);
      else downloadBase64(file.data, a.fileName, a.mimeType);
    } catch (e) {
      message.error(`未能打开“${a.fileName}”：${errorText(e)}`);
    }
  };

  const remove = (a: AttachmentInfo) =>
    modal.confirm({
      title: `删除附件“${a.fileName}”？`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api().call('meetings.deleteAttachment', { id: a.id });
          setList((l) => l.filter((x) => x.id !== a.id));
        } catch (e) {
          message.error(`删除失败：${errorText(e)}`);
        }
      },
    });

  return (
    <div className="attachments" data-testid="attachments">
      {list.length === 0 ? <p className="muted">没有附件</p> : null}
      <ul className="attachment-list" aria-label="附件">
        {list.map((a) => (
          <li key={a.id}>
            <PaperClipOutlined aria-hidden="true" />
            <span className="attachment-name">{a.fileName}</span>
            <span className="muted">{formatSize(a.sizeBytes)}</span>
            <Button size="small" type="link" icon={<EyeOutlined aria-hidden="true" />} onClick={() => void open(a)} aria-label={`${isImage(a) ? '查看' : '保存'}附件${a.fileName}`}>
              {isImage(a) ? '查看' : '保存'}
            </Button>
            {editable ? (
              <Button size="small" type="link" danger icon={<DeleteOutlined aria-hidden="true" />} onClick={() => remove(a)} aria-label={`删除附件${a.fileName}`}>
                删除
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <Upload
          accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
          multiple
          showUploadList={false}
          disabled={list.length >= ATTACHMENTS_PER_MEETING}
          beforeUpload={(file) => {
            void upload(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden="true" />} loading={uploading}>
            添加附件（签到表照片等，jpg、png、pdf）
          </Button>
        </Upload>
      ) : null}
      <Modal open={!!viewing} title={viewing?.info.fileName} footer={null} width={900} onCancel={() => setViewing(null)} closable={closeButton} destroyOnHidden>
        {viewing ? <img className="attachment-image" src={`data:${viewing.info.mimeType};base64,${viewing.data}`} alt={viewing.info.caption || viewing.info.fileName} /> : null}
      </Modal>
    </div>
  );
}
