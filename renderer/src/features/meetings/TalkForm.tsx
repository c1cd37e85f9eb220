/** 记录谈心谈话 / 家访: who talked with whom (a member, or a worker or family not on the roster), what was said, the follow-up. */
import { Alert, App, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Talk } from '../../../../shared/contract/meetings';
import { TALK_FORMS, TALK_KIND_CODES, TALK_KIND_LABELS, TALK_TRIGGERS, talkFieldProblems, talkFieldsSchema, type TalkFieldsInput, type TalkKind } from '../../../../shared/domain/meetings';
import type { FieldProblem } from '../../../../shared/domain/member';
import { zodProblems } from '../../../../shared/contract/validate';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, toDayjs, type RefusedDate } from '../../components/dates';
import { FormDrawer, FormFooter, useRequestClose } from '../../components/FormDrawer';
import { summaryAfterTry, useInlineChecks } from '../../components/useInlineChecks';
import { useReturnFocus } from '../../components/useReturnFocus';
import { useTalksStore } from './talksStore';

interface TalkValues {
  kind: TalkKind;
  date: Dayjs | RefusedDate | null;
  form: string;
  place: string;
  talkerIds: string[];
  /** Talkers not on the roster, separated by 、 or commas. */
  otherTalkers: string;
  /** A member of the roster, or someone else named in personName. */
  personIsMember: boolean;
  memberId: string | null;
  personName: string;
  personUnit: string;
  familyMet: string;
  trigger: string;
  topic: string;
  summary: string;
  problems: string;
  help: string;
  outcome: string;
  followUpDate: Dayjs | RefusedDate | null;
  resolved: boolean;
}

const ORDER = ['kind', 'date', 'form', 'place', 'talkerIds', 'otherTalkers', 'memberId', 'personName', 'personUnit', 'familyMet', 'trigger', 'topic', 'summary', 'problems', 'help', 'outcome', 'followUpDate', 'resolved'] as const;

function emptyTalk(): TalkValues {
  return {
    kind: 'talk', date: null, form: '当面', place: '', talkerIds: [], otherTalkers: '', personIsMember: true, memberId: null, personName: '', personUnit: '',
    familyMet: '', trigger: '日常', topic: '', summary: '', problems: '', help: '', outcome: '', followUpDate: null, resolved: false,
  };
}

function talkValues(t: Talk): TalkValues {
  return {
    ...t,
    date: toDayjs(t.date),
    followUpDate: toDayjs(t.followUpDate),
    otherTalkers: t.talkerNames.slice(t.talkerIds.length).join('、'),
    personIsMember: !!t.memberId,
    personName: t.memberId ? '' : t.personName,
  };
}

function talkInput(v: TalkValues): TalkFieldsInput {
  return {
    kind: v.kind,
    date: fromDayjs(v.date),
    form: v.form as TalkFieldsInput['form'],
    place: v.place ?? '',
    talkerIds: v.talkerIds ?? [],
    talkerNames: (v.otherTalkers ?? '').split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean),
    memberId: v.personIsMember ? (v.memberId ?? null) : null,
    personName: v.personIsMember ? '' : (v.personName ?? '').trim(),
    personUnit: v.personUnit ?? '',
    familyMet: v.familyMet ?? '',
    trigger: v.trigger as TalkFieldsInput['trigger'],
    topic: v.topic ?? '',
    summary: v.summary ?? '',
    problems: v.problems ?? '',
    help: v.help ?? '',
    outcome: v.outcome ?? '',
    followUpDate: fromDayjs(v.followUpDate),
    resolved: !!v.resolved,
  };
}

/** The form names the talkers' fields as the contract does, but the person is one of two fields. */
function formField(field: string, v: TalkValues): string {
  if (field.startsWith('talkerIds')) return 'talkerIds';
  if (field.startsWith('talkerNames')) return v.talkerIds?.length ? 'otherTalkers' : 'talkerIds';
  if (field === 'personName' && v.personIsMember) return 'memberId';
  return field;
}

function talkProblems(v: TalkValues, today: string): FieldProblem[] {
  const input = talkInput(v);
  const missing: FieldProblem[] = input.date ? [] : [{ field: 'date', message: '请填写谈话日期' }];
  const parsed = talkFieldsSchema.safeParse(input);
  const problems = parsed.success ? talkFieldProblems(parsed.data, today) : zodProblems(parsed.error).filter((p) => !(p.field === 'date' && missing.length));
  return [...missing, ...problems].map((p) => ({ ...p, field: formField(p.field, v) }));
}

export function TalkForm() {
  const open = useTalksStore((s) => s.formOpen);
  const editing = useTalksStore((s) => s.editing);
  const members = useTalksStore((s) => s.members);
  const close = useTalksStore((s) => s.closeForm);
  const { message } = App.useApp();
  const returnFocus = useReturnFocus(open, '#talk-new');
  const [form] = Form.useForm<TalkValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const requestClose = useRequestClose(form, saving, close);
  const today = () => new Date().toLocaleDateString('sv-SE');
  const values = () => ({ ...emptyTalk(), ...(form.getFieldsValue(true) as Partial<TalkValues>) }) as TalkValues;
  const checks = useInlineChecks(form, ORDER, () => talkProblems(values(), today()), summaryAfterTry(setFormError));
  const leave = (f: string) => checks.leave(f);
  const personIsMember = Form.useWatch('personIsMember', form) ?? true;
  const kind = (Form.useWatch('kind', form) ?? 'talk') as TalkKind;

  useEffect(() => {
    if (!open) return;
    checks.reset(editing ? talkValues(editing) : emptyTalk());
    setFormError(null);
    if (!useTalksStore.getState().members.length) void useTalksStore.getState().loadMembers();
  }, [open, editing, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = async () => {
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      const talk = await useTalksStore.getState().save(editing?.id ?? null, talkInput(values()), editing?.updatedAt);
      message.success(editing ? `已保存与${talk.personLabel}的谈话记录` : `已记录与${talk.personLabel}的${TALK_KIND_LABELS[talk.kind]}`);
      close();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues.map((p) => ({ ...p, field: formField(p.field.replace(/^fields\./, ''), values()) })));
      setFormError(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const memberOptions = members.map((m) => ({ value: m.id, label: m.name }));
  const title = editing ? `修改谈话记录：${editing.personLabel} ${editing.date}` : '记录谈心谈话';
  const visit = kind === 'visit';

  return (
    <FormDrawer afterOpenChange={returnFocus} open={open} title={title} size={860} onClose={requestClose}>
      <Form<TalkValues> form={form} layout="vertical" name="talk" aria-label={title} onFinish={onFinish} onValuesChange={checks.onValuesChange} scrollToFirstError={false}>
        {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
        <h3 className="form-section-title">谈话</h3>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="kind" label="谈话类型" required>
              <Select autoFocus options={TALK_KIND_CODES.map((k) => ({ value: k, label: TALK_KIND_LABELS[k] }))} onBlur={leave('kind')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="date" label={visit ? '家访日期' : '谈话日期'} required>
              <DateInput style={{ width: '100%' }} onBlur={leave('date')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="form" label="形式">
              <Select options={TALK_FORMS.map((f) => ({ value: f, label: f }))} onBlur={leave('form')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="place" label="地点">
              <Input maxLength={60} onBlur={leave('place')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="talkerIds" label={visit ? '走访人' : '谈话人'} required extra="名册中的党员，可选多人">
              <Select mode="multiple" options={memberOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="输入姓名查找" onBlur={leave('talkerIds')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="otherTalkers" label="其他谈话人" extra="不在名册中的，写姓名，用顿号分开">
              <Input maxLength={100} onBlur={leave('otherTalkers')} />
            </Form.Item>
          </Col>
        </Row>
        <h3 className="form-section-title">{visit ? '走访对象' : '谈话对象'}</h3>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="personIsMember" label="对象是">
              <Radio.Group
                options={[
                  { value: true, label: '名册中的党员' },
                  { value: false, label: '职工、家属等（不在名册中）' },
                ]}
              />
            </Form.Item>
          </Col>
          {personIsMember ? (
            <Col span={8}>
              <Form.Item name="memberId" label="谈话对象" required>
                <Select options={memberOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="输入姓名查找" allowClear onBlur={leave('memberId')} />
              </Form.Item>
            </Col>
          ) : (
            <Col span={8}>
              <Form.Item name="personName" label="对象姓名" required>
                <Input maxLength={30} onBlur={leave('personName')} />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item name="personUnit" label="单位或岗位">
              <Input maxLength={60} onBlur={leave('personUnit')} />
            </Form.Item>
          </Col>
          {visit ? (
            <Col span={8}>
              <Form.Item name="familyMet" label="见到的家庭成员">
                <Input maxLength={100} onBlur={leave('familyMet')} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={8}>
            <Form.Item name="trigger" label="起因" extra="五必谈、政治生日或日常">
              <Select options={TALK_TRIGGERS.map((t) => ({ value: t, label: t }))} onBlur={leave('trigger')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="topic" label="主题">
              <Input maxLength={100} onBlur={leave('topic')} />
            </Form.Item>
          </Col>
        </Row>
        <h3 className="form-section-title">内容与跟进</h3>
        <Form.Item name="summary" label={visit ? '家庭情况与谈话内容' : '谈话内容'}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10000} onBlur={leave('summary')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="problems" label="反映的问题或困难">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} onBlur={leave('problems')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="help" label="帮助措施">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} onBlur={leave('help')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="outcome" label="谈话效果">
              <Input maxLength={1000} onBlur={leave('outcome')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="followUpDate" label="回访日期">
              <DateInput allowFuture style={{ width: '100%' }} onBlur={leave('followUpDate')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="resolved" label="问题是否解决" valuePropName="checked">
              <Checkbox>已解决</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <FormFooter onCancel={requestClose} saving={saving} />
      </Form>
    </FormDrawer>
  );
}
