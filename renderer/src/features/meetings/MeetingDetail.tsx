/**
 * A final record: read-only, with 修订 (the only way to change it), the printed documents, and its history — every
 * version, each of which can be viewed as it was.
 */
import { EditOutlined, HistoryOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Modal, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { MeetingVersion } from '../../../../shared/contract/meetings';
import { errorText } from '../../api';
import { formatTime } from '../../components/dates';
import { closeButton } from '../../components/overlay';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useMeetingsStore, statusLabel } from './meetingsStore';
import { MeetingPrintButtons, meetingDocument, useDocumentPreview } from './MeetingPrint';
import { MeetingView } from './MeetingView';

function History({ id, updatedAt }: { id: string; updatedAt: string }) {
  const [versions, setVersions] = useState<MeetingVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<MeetingVersion | null>(null);
  const print = useDocumentPreview(viewing?.meeting.title ?? '');
  useEffect(() => {
    let live = true;
    setVersions(null);
    useMeetingsStore
      .getState()
      .history(id)
      .then((v) => live && setVersions(v))
      .catch((e) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [id, updatedAt]);

  if (error) return <Alert type="error" showIcon title={`历史版本读取失败：${error}`} />;
  if (!versions) return <Spin />;
  return (
    <>
      <Table<MeetingVersion>
        size="small"
        rowKey="version"
        pagination={false}
        aria-label="历史版本"
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
        columns={[
          { key: 'version', title: '版本', width: 110, render: (_, v) => <>第 {v.version} 版 {v.current ? <Tag color="processing">当前</Tag> : null}</> },
          { key: 'finalizedAt', title: '定稿或修订时间', width: 160, render: (_, v) => (v.finalizedAt ? formatTime(v.finalizedAt) : '—') },
          { key: 'reason', title: '修订原因', render: (_, v) => v.reason || (v.version === 1 ? '首次定稿' : '—') },
          {
            key: 'view',
            title: '操作',
            width: 80,
            render: (_, v) => (
              <Button size="small" type="link" onClick={() => setViewing(v)} aria-label={`查看第 ${v.version} 版`}>
                查看
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!viewing}
        width={960}
        title={viewing ? `第 ${viewing.version} 版${viewing.current ? '（当前）' : ''}：${viewing.meeting.title}` : ''}
        footer={
          <Space>
            {viewing ? (
              <Button icon={<PrinterOutlined aria-hidden="true" />} loading={print.loading} onClick={() => void print.show(meetingDocument('minutes', id, viewing.version))}>
                打印第 {viewing.version} 版会议记录
              </Button>
            ) : null}
            <Button onClick={() => setViewing(null)}>关闭</Button>
          </Space>
        }
        onCancel={() => setViewing(null)}
        closable={closeButton}
        destroyOnHidden
      >
        {viewing ? (
          <>
            {!viewing.current ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`这是被修订前的版本${viewing.supersededAt ? `，${formatTime(viewing.supersededAt)} 起由第 ${viewing.version + 1} 版代替` : ''}。`}
              />
            ) : null}
            <MeetingView meeting={viewing.meeting} showAttachments={false} />
          </>
        ) : null}
      </Modal>
      {print.element}
    </>
  );
}

export function MeetingDetailDrawer() {
  const detailId = useMeetingsStore((s) => s.detailId);
  const detail = useMeetingsStore((s) => s.detail);
  const error = useMeetingsStore((s) => s.detailError);
  const open = detailId !== null;
  const returnFocus = useReturnFocus(open, '#meeting-search');
  const close = () => useMeetingsStore.getState().closeDetail();

  return (
    <Drawer
      open={open}
      size={980}
      title={detail ? `${detail.title}（${statusLabel(detail)}）` : '会议记录'}
      onClose={close}
      afterOpenChange={returnFocus}
      closable={closeButton}
      destroyOnHidden
      extra={
        detail ? (
          <Space wrap>
            <MeetingPrintButtons meetingId={detail.id} title={detail.title} />
            <Button type="primary" icon={<EditOutlined aria-hidden="true" />} onClick={() => useMeetingsStore.getState().openAmend(detail)}>
              修订
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon role="alert" title={`无法打开这份记录：${error}`} /> : null}
      {!detail && !error ? <Spin /> : null}
      {detail ? (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="这份记录已定稿，计入三会一课台账。需要更改时请点“修订”，并填写修订原因；原稿保留在历史版本中。" />
          <MeetingView meeting={detail} />
          <h3 className="form-section-title" style={{ marginTop: 24 }}>
            <HistoryOutlined aria-hidden="true" /> 历史版本
          </h3>
          <History id={detail.id} updatedAt={detail.updatedAt} />
        </>
      ) : null}
    </Drawer>
  );
}
