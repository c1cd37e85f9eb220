/** Dated entries of a record (a zone's 工作记录, a project's 进展): newest first, one added at a time, each deletable. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, List } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, RefusedDate } from '../../components/dates';

interface Entry {
  id: string;
  date: string;
  content: string;
}

interface Props {
  /** What one entry is called: 工作记录, 进展. */
  noun: string;
  entries: readonly Entry[];
  add(date: string, content: string): Promise<unknown>;
  remove(id: string): Promise<unknown>;
}

export function DatedEntries({ noun, entries, add, remove }: Props) {
  const { message, modal } = App.useApp();
  const [date, setDate] = useState<Dayjs | RefusedDate | null>(() => dayjs());
  const [content, setContent] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const problems = [date instanceof RefusedDate ? `日期：${date.reason}` : !date ? '请填写日期' : null, content.trim() ? null : `请填写${noun}的内容`].filter(Boolean);
    setProblem(problems.join('；') || null);
    if (problems.length) return;
    setSaving(true);
    try {
      await add(fromDayjs(date), content.trim());
      setContent('');
      message.success(`已添加${noun}`);
    } catch (e) {
      setProblem(`未能添加：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const confirmRemove = (e: Entry) =>
    modal.confirm({
      title: `删除 ${e.date} 的${noun}？`,
      content: e.content,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove(e.id);
        } catch (err) {
          message.error(`删除失败：${errorText(err)}`);
        }
      },
    });

  return (
    <div className="targets-entries">
      <div
        className="targets-entry-add"
        role="group"
        aria-label={`添加${noun}`}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <DateInput aria-label={`${noun}日期`} value={date} onChange={setDate} style={{ width: 170, flex: 'none' }} />
        <Input.TextArea aria-label={`${noun}内容`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} value={content} onChange={(e) => setContent(e.target.value)} placeholder={`${noun}：做了什么、结果如何`} />
        <Button icon={<PlusOutlined aria-hidden="true" />} loading={saving} onClick={() => void submit()} title="Ctrl+Enter 添加">
          添加
        </Button>
      </div>
      {problem ? (
        <div className="targets-entry-problem" role="alert">
          {problem}
        </div>
      ) : null}
      <List
        size="small"
        aria-label={`${noun}列表`}
        dataSource={[...entries]}
        locale={{ emptyText: `还没有${noun}` }}
        renderItem={(e) => (
          <List.Item
            actions={[
              <Button key="del" type="text" size="small" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={`删除 ${e.date} 的${noun}`} onClick={() => confirmRemove(e)} />,
            ]}
          >
            <div className="targets-entry">
              <span className="targets-entry-date">{e.date}</span>
              <span className="targets-entry-text">{e.content}</span>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
