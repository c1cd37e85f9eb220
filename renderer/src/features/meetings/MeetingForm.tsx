/**
 * 新建会议记录 / 修改草稿 / 修订: the record's header, the sign-in list filled from the roster as of the date (or the
 * party group, or the committee), guests, topics, content, speeches and resolutions with their votes, checked live
 * with the shared rules. 保存草稿 keeps a draft; 定稿 makes it final (asked first: afterwards only 修订 changes it);
 * 修订 changes a final record with a reason, keeping the earlier version in the history.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/domain/meetings';
import { ApiError, api, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs } from '../../components/dates';
import { FormDrawer, useRequestClose } from '../../components/FormDrawer';
import { SaveHint, saveShortcutProps } from '../../components/formKeys';
import { summaryAfterTry, useInlineChecks } from '../../components/useInlineChecks';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useGroupsStore } from '../groups/groupsStore';
import { AttachmentsPanel } from './Attachments';
import { MEETING_FIELD_ORDER, emptyMeeting, expectedSource, finalProblems, meetingInput, meetingProblems, meetingValues, parseMeeting, signInRows, type MeetingValues, type SignInRow } from './meetingModel';
import { useMeetingsStore } from './meetingsStore';
import { MeetingPrintButtons } from './MeetingPrint';
import { ResolutionsField } from './ResolutionsField';
import { SignInList } from './SignInList';

const KIND_OPTIONS = MEETING_KINDS.map((k) => ({ value: k.kind, label: k.label }));

function titleOf(mode: string, record: MeetingDetail | null): string {
  if (mode === 'amend' && record) return `修订会议记录：${record.title}`;
  if (mode === 'draft' && record) return `会议记录（草稿）：${record.title}`;
  return '新建会议记录';
}

/** Names on the sign-in list, for the host, recorder and speaker boxes (any other name may be typed). */
function nameOptions(rows: SignInRow[] | undefined) {
  return (rows ?? []).map((r) => ({ value: r.name, label: r.role ? `${r.name}（${r.role}）` : r.name }));
}

export function MeetingForm() {
  const open = useMeetingsStore((s) => s.formOpen);
  const mode = useMeetingsStore((s) => s.formMode);
  const record = useMeetingsStore((s) => s.formRecord);
  const preset = useMeetingsStore((s) => s.preset);
  const close = useMeetingsStore((s) => s.closeForm);
  const groups = useGroupsStore((s) => s.groups);
  const { message, modal } = App.useApp();
  const returnFocus = useReturnFocus(open, '#meeting-new');
  const [form] = Form.useForm<MeetingValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [refilling, setRefilling] = useState(false);
  /** The draft as saved so far (a new record has one after its first 保存草稿). */
  const [saved, setSaved] = useState<MeetingDetail | null>(null);
  const requestClose = useRequestClose(form, saving, close);
  const amending = mode === 'amend';

  const values = () => ({ ...emptyMeeting(), ...(form.getFieldsValue(true) as Partial<MeetingValues>) }) as MeetingValues;
  const checks = useInlineChecks(form, MEETING_FIELD_ORDER, () => meetingProblems(values(), amending), summaryAfterTry(setFormError));
  const leave = (field: string) => checks.leave(field);

  const kind = (Form.useWatch('kind', form) ?? 'committee') as MeetingKind;
  const attendance = Form.useWatch('attendance', form) as SignInRow[] | undefined;

  /** Reads who should attend (as of the date) and puts them on the sign-in list, keeping what was marked. */
  const latestFill = useRef(0);
  const refill = async () => {
    const v = values();
    const date = fromDayjs(v.date);
    if (!date || (v.kind === 'groupMeeting' && !v.groupId)) return;
    const mine = ++latestFill.current;
    setRefilling(true);
    try {
      const expected = await api().call('meetings.expected', { kind: v.kind, date, groupId: v.kind === 'groupMeeting' ? v.groupId : null });
      if (mine !== latestFill.current) return;
      form.setFieldValue('attendance', signInRows(expected, form.getFieldValue('attendance') as SignInRow[]));
      checks.revalidate();
    } catch (e) {
      message.error(`未能读取应到人员：${errorText(e)}`);
    } finally {
      if (mine === latestFill.current) setRefilling(false);
    }
  };

  useEffect(() => {
    if (!open) return;
    setSaved(mode === 'draft' ? record : null);
    setFormError(null);
    if (!useGroupsStore.getState().loaded) void useGroupsStore.getState().load();
    if (record) {
      checks.reset(meetingValues(record));
    } else {
      checks.reset(emptyMeeting(preset?.kind, preset?.date, preset?.groupId));
      void refill();
    }
  }, [open, record, mode, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onValuesChange = (changed: Partial<MeetingValues>) => {
    if ('kind' in changed && changed.kind !== 'groupMeeting') form.setFieldValue('groupId', null);
    if ('kind' in changed || 'date' in changed || 'groupId' in changed) void refill();
    checks.onValuesChange(changed);
  };

  const refusedBy = (e: unknown) => {
    if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues.map((p) => ({ ...p, field: p.field.replace(/^fields\./, '') })));
    setFormError(
      e instanceof ApiError && e.code === 'E_CONFLICT' ? '这条记录刚刚已在别处被修改，您这次的修改尚未保存。请关闭后重新打开再修改。' : `未能保存：${errorText(e)}`,
    );
  };

  const afterSave = async (detail: MeetingDetail, text: string) => {
    message.success(text);
    close();
    await useMeetingsStore.getState().showSaved(detail);
  };

  /** 保存草稿 (Ctrl+Enter), or 保存修订 when amending. */
  const onFinish = async () => {
    if (!checks.trySave()) return;
    const fields = meetingInput(values());
    if (amending) {
      const parsed = parseMeeting(values());
      const problems = parsed.fields ? finalProblems(parsed.fields) : [];
      if (problems.length) return checks.refused(problems);
    }
    setSaving(true);
    try {
      const store = useMeetingsStore.getState();
      if (amending && record) {
        const detail = await store.amend(record.id, values().reason.trim(), fields, record.updatedAt);
        await afterSave(detail, `已保存修订，“${detail.title}”现为第 ${detail.version} 版`);
      } else {
        const detail = await store.saveDraft(saved?.id ?? null, fields, saved?.updatedAt);
        await afterSave(detail, `已保存草稿“${detail.title}”`);
      }
    } catch (e) {
      refusedBy(e);
    } finally {
      setSaving(false);
    }
  };

  /**
   * 定稿: what is typed is saved and made final in one call (one transaction); asked first, since only 修订 changes
   * it afterwards. If 定稿 is refused nothing is stored and the form keeps what was typed.
   */
  const finalize = () => {
    if (!checks.trySave()) return;
    const parsed = parseMeeting(values());
    if (!parsed.fields) return;
    const problems = finalProblems(parsed.fields);
    if (problems.length) {
      setFormError(`还不能定稿：${problems.map((p) => p.message).join('；')}`);
      return checks.refused(problems);
    }
    modal.confirm({
      title: '定稿这份会议记录？',
      content: '定稿后记录计入三会一课台账；以后只能通过“修订”更改（需填写修订原因，原稿保留在历史版本中）。',
      okText: '定稿',
      cancelText: '再看看',
      onOk: async () => {
        setSaving(true);
        try {
          const store = useMeetingsStore.getState();
          // A draft opened and finalised unchanged is not sent again.
          const unchanged = saved && !form.isFieldsTouched();
          const final = await store.finalize(saved?.id ?? null, saved?.updatedAt, unchanged ? undefined : meetingInput(values()));
          await afterSave(final, `“${final.title}”已定稿`);
        } catch (e) {
          refusedBy(e);
        } finally {
          setSaving(false);
        }
      },
    });
  };

  const deleteDraft = () => {
    if (!saved) return;
    modal.confirm({
      title: '删除这份草稿？',
      content: `“${saved.title}”将移到回收站，可以从回收站恢复。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await useMeetingsStore.getState().remove(saved.id);
          message.success(`已删除草稿“${saved.title}”`);
          close();
        } catch (e) {
          message.error(`删除失败：${errorText(e)}`);
        }
      },
    });
  };

  const title = titleOf(mode, record);
  const names = nameOptions(attendance);

  return (
    <FormDrawer afterOpenChange={returnFocus} open={open} title={title} size={1080} onClose={requestClose}>
      <Form<MeetingValues> form={form} layout="vertical" name="meeting" aria-label={title} onFinish={onFinish} onValuesChange={onValuesChange} scrollToFirstError={false}>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        {amending ? (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`这份记录已定稿（第 ${record?.version ?? 1} 版）。保存修订后成为第 ${(record?.version ?? 1) + 1} 版，原稿保留在历史版本中。`} />
            <Form.Item name="reason" label="修订原因" required>
              <Input.TextArea autoFocus rows={2} maxLength={200} showCount placeholder="如：补记王某某的发言；更正缺席原因" onBlur={leave('reason')} />
            </Form.Item>
          </>
        ) : null}
        <h3 className="form-section-title">会议信息</h3>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="kind" label="会议类型" required>
              <Select options={KIND_OPTIONS} autoFocus={!amending} onBlur={leave('kind')} />
            </Form.Item>
          </Col>
          {kind === 'groupMeeting' ? (
            <Col span={6}>
              <Form.Item name="groupId" label="党小组" required>
                <Select options={groups.map((g) => ({ value: g.id, label: g.name }))} placeholder="请选择" notFoundContent="还没有党小组" onBlur={leave('groupId')} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={kind === 'groupMeeting' ? 12 : 18}>
            <Form.Item name="title" label="会议名称" extra="不填则按类型和次数命名，如：2026年第3次支委会">
              <Input maxLength={80} onBlur={leave('title')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="date" label="会议日期" required>
              <DateInput allowFuture style={{ width: '100%' }} onBlur={leave('date')} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="startTime" label="开始时间">
              <Input placeholder="09:00" maxLength={5} onBlur={leave('startTime')} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="endTime" label="结束时间">
              <Input placeholder="10:30" maxLength={5} onBlur={leave('endTime')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label="会议地点">
              <Input maxLength={60} placeholder="如：队部会议室" onBlur={leave('place')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="hostName" label="主持人">
              <AutoComplete options={names} showSearch={{ filterOption: true }} maxLength={30} onBlur={leave('hostName')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="recorderName" label="记录人">
              <AutoComplete options={names} showSearch={{ filterOption: true }} maxLength={30} onBlur={leave('recorderName')} />
            </Form.Item>
          </Col>
          {kind === 'lecture' ? (
            <Col span={6}>
              <Form.Item name="lecturer" label="讲课人">
                <Input maxLength={30} onBlur={leave('lecturer')} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={6}>
            <Form.Item name="classHours" label="计入学时" extra="学习教育计入到会党员的学时">
              <InputNumber min={0} max={40} precision={0} style={{ width: '100%' }} onBlur={leave('classHours')} />
            </Form.Item>
          </Col>
          <Col span={kind === 'lecture' ? 6 : 12}>
            <Form.Item name="alsoCounts" label="同时计为" extra="如党员大会在主题党日召开，也计为主题党日">
              <Select
                mode="multiple"
                allowClear
                placeholder="不计为其他会议"
                options={KIND_OPTIONS.filter((o) => o.value !== kind && o.value !== 'groupMeeting')}
                onBlur={leave('alsoCounts')}
              />
            </Form.Item>
          </Col>
        </Row>

        <h3 className="form-section-title">签到</h3>
        <Form.Item name="attendance">
          <SignInList kind={kind} source={expectedSource(kind)} onRefill={() => void refill()} refilling={refilling} />
        </Form.Item>
        <ListOfRows name="guests" label="列席人员" addText="添加列席人员" emptyText="没有列席人员">
          {(field, index) => (
            <>
              <Form.Item name={[field.name, 'name']} className="row-field" style={{ width: 180 }}>
                <Input maxLength={30} placeholder="姓名" aria-label={`第 ${index + 1} 位列席人员姓名`} />
              </Form.Item>
              <Form.Item name={[field.name, 'unit']} className="row-field" style={{ flex: 1 }}>
                <Input maxLength={60} placeholder="单位或列席事由" aria-label={`第 ${index + 1} 位列席人员单位或事由`} />
              </Form.Item>
            </>
          )}
        </ListOfRows>

        <h3 className="form-section-title">议题与内容</h3>
        <ListOfRows name="topics" label="议题" addText="添加议题" emptyText="还没有议题" newRow="">
          {(field, index) => (
            <Form.Item name={field.name} className="row-field" style={{ flex: 1 }}>
              <Input maxLength={200} placeholder={`议题 ${index + 1}`} aria-label={`议题 ${index + 1}`} />
            </Form.Item>
          )}
        </ListOfRows>
        <Form.Item name="content" label="会议内容" extra="主持人讲话、传达的文件、学习内容等">
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20000} onBlur={leave('content')} />
        </Form.Item>
        <ListOfRows name="speeches" label="发言记录" addText="添加发言" emptyText="还没有发言记录" newRow={{ speaker: '', text: '' }}>
          {(field, index) => (
            <>
              <Form.Item name={[field.name, 'speaker']} className="row-field" style={{ width: 160 }}>
                <AutoComplete options={names} showSearch={{ filterOption: true }} maxLength={30} placeholder="发言人" aria-label={`第 ${index + 1} 条发言的发言人`} />
              </Form.Item>
              <Form.Item name={[field.name, 'text']} className="row-field" style={{ flex: 1 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} maxLength={5000} placeholder="发言内容" aria-label={`第 ${index + 1} 条发言的内容`} />
              </Form.Item>
            </>
          )}
        </ListOfRows>

        <h3 className="form-section-title">决议与表决</h3>
        <ResolutionsField kind={kind} attendance={attendance ?? []} />

        <h3 className="form-section-title">附件</h3>
        {saved && !amending ? (
          <AttachmentsPanel meetingId={saved.id} initial={saved.attachments} editable />
        ) : record && amending ? (
          <AttachmentsPanel meetingId={record.id} initial={record.attachments} editable={false} />
        ) : (
          <p className="muted">保存草稿后可以添加签到表照片等附件。</p>
        )}

        <div className="form-footer meeting-footer">
          {saved && !amending ? (
            <>
              <MeetingPrintButtons meetingId={saved.id} title={saved.title} />
              <Button danger onClick={deleteDraft} disabled={saving}>
                删除草稿
              </Button>
            </>
          ) : null}
          <span className="meeting-footer-gap" />
          <SaveHint action={amending ? '保存修订' : '保存草稿'} />
          <Button size="large" onClick={requestClose}>
            取消
          </Button>
          {amending ? (
            <Button type="primary" size="large" htmlType="submit" loading={saving} {...saveShortcutProps}>
              保存修订
            </Button>
          ) : (
            <>
              <Button size="large" htmlType="submit" loading={saving} {...saveShortcutProps}>
                保存草稿
              </Button>
              <Button type="primary" size="large" onClick={finalize} disabled={saving}>
                定稿
              </Button>
            </>
          )}
        </div>
      </Form>
    </FormDrawer>
  );
}

/** A list of rows the user adds to and removes from (guests, topics, speeches), with the problems of the list under it. */
function ListOfRows({
  name,
  label,
  addText,
  emptyText,
  newRow = { name: '', unit: '' },
  children,
}: {
  name: string;
  label: string;
  addText: string;
  emptyText: string;
  newRow?: unknown;
  children: (field: { key: number; name: number }, index: number) => React.ReactNode;
}) {
  return (
    <Form.Item label={label} className="rows-field">
      <Form.List name={name}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.length === 0 ? <p className="muted rows-empty">{emptyText}</p> : null}
            {fields.map((field, index) => (
              <div key={field.key} className="rows-row">
                {children(field, index)}
                <Button type="text" icon={<DeleteOutlined aria-hidden="true" />} aria-label={`删除${label}第 ${index + 1} 条`} onClick={() => remove(field.name)} />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden="true" />} onClick={() => add(newRow)}>
              {addText}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
