/**
 * One member's responsibility letter, opened from the list: the parties and period, then the items, method, rewards
 * and terms as the template gave them, adjustable by hand (saved as 已调整). Once the letter has been assessed its
 * items stay as scored.
 */
import { App, Alert, Col, Descriptions, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { PERIOD_LABELS, type Letter } from '../../../../shared/contract/targets';
import { api, ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, RefusedDate } from '../../components/dates';
import { FormDrawer, FormFooter } from '../../components/FormDrawer';
import { useReturnFocus } from '../../components/useReturnFocus';
import { contentInput, contentProblems, draftOf, LetterContentEditor, type ContentDraft } from './LetterContent';
import { useLettersStore } from './targetsStore';
import { StatusTag } from './StatusTag';
import { DocumentButtons } from './DocumentButtons';

interface PartiesValues {
  secretary: string;
  periodStart: Dayjs | RefusedDate | null;
  periodEnd: Dayjs | RefusedDate | null;
  signedDate: Dayjs | RefusedDate | null;
}

const DATE_FIELDS = [
  ['periodStart', '责任期限起'],
  ['periodEnd', '责任期限止'],
  ['signedDate', '签订日期'],
] as const;

function partiesProblems(v: PartiesValues): string[] {
  const problems: string[] = [];
  for (const [field, label] of DATE_FIELDS) {
    const value = v[field];
    if (value instanceof RefusedDate) problems.push(`${label}：${value.reason}`);
    else if (!value && field !== 'signedDate') problems.push(`请填写${label}`);
  }
  const [start, end] = [fromDayjs(v.periodStart), fromDayjs(v.periodEnd)];
  if (start && end && end < start) problems.push('责任期限止不能早于责任期限起');
  return problems;
}

export function LetterDrawer({ letterId, onClose, onSaved }: { letterId: string | null; onClose(): void; onSaved?(id: string): void }) {
  const open = letterId !== null;
  const { message, modal } = App.useApp();
  const returnFocus = useReturnFocus(open, '#letters-generate');
  const [form] = Form.useForm<PartiesValues>();
  const [letter, setLetter] = useState<Letter | null>(null);
  const [draft, setDraft] = useState<ContentDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    setLetter(null);
    setDraft(null);
    setDirty(false);
    setProblems([]);
    setLoadError(null);
    if (!letterId) return;
    let live = true;
    useLettersStore
      .getState()
      .get(letterId)
      .then((l) => {
        if (!live) return;
        setLetter(l);
        setDraft(draftOf(l));
        form.setFieldsValue({ secretary: l.secretary, periodStart: dayjs(l.periodStart), periodEnd: dayjs(l.periodEnd), signedDate: l.signedDate ? dayjs(l.signedDate) : null });
      })
      .catch((e) => live && setLoadError(errorText(e)));
    return () => {
      live = false;
    };
  }, [letterId, form]);

  const assessed = (letter?.assessed.length ?? 0) > 0;
  const allProblems = (d: ContentDraft) => [...partiesProblems(form.getFieldsValue(true) as PartiesValues), ...contentProblems(d)];

  const save = async () => {
    if (!letter || !draft) return;
    const found = allProblems(draft);
    setProblems(found);
    if (found.length) return;
    const v = form.getFieldsValue(true) as PartiesValues;
    setSaving(true);
    try {
      await useLettersStore.getState().update({
        id: letter.id,
        secretary: v.secretary ?? '',
        periodStart: fromDayjs(v.periodStart),
        periodEnd: fromDayjs(v.periodEnd),
        signedDate: fromDayjs(v.signedDate) || null,
        ...contentInput(draft),
        expectedUpdatedAt: letter.updatedAt,
      });
      message.success(`${letter.memberName}的责任书已保存（已调整）`);
      onSaved?.(letter.id);
      onClose();
    } catch (e) {
      setProblems([
        e instanceof ApiError && e.code === 'E_CONFLICT' ? '这份责任书刚刚已在别处被修改，您这次的修改尚未保存。请关闭后重新打开再修改。' : `未能保存：${errorText(e)}`,
        ...(e instanceof ApiError && e.issues ? e.issues.map((p) => p.message) : []),
      ]);
    } finally {
      setSaving(false);
    }
  };

  const requestClose = () => {
    if (saving) return;
    if (!dirty) return onClose();
    modal.confirm({ title: '放弃未保存的修改？', content: '关闭后，刚才对责任书的修改不会保存。', okText: '放弃并关闭', cancelText: '继续修改', onOk: onClose });
  };

  const title = letter ? `责任书：${letter.memberName}（${letter.post || '未填岗位'}）` : '责任书';
  // The buttons print the letter as saved; with unsaved changes they wait for 保存.
  const print = letter ? (
    <span className="drawer-actions" title={dirty ? '先保存修改，再打印这份责任书' : undefined}>
      <DocumentButtons
        what={`${letter.memberName}的责任书`}
        disabled={dirty}
        preview={async () => (await api().call('targetLetters.preview', { year: letter.year, ids: [letter.id] })).document}
        exportWord={() => api().call('targetLetters.export', { year: letter.year, ids: [letter.id] })}
      />
    </span>
  ) : null;
  return (
    <FormDrawer open={open} title={title} extra={print} size={Math.min(1240, window.innerWidth - 24)} onClose={requestClose} afterOpenChange={returnFocus}>
      {loadError ? <Alert type="error" showIcon role="alert" title={`未能打开这份责任书：${loadError}`} /> : null}
      {letter && draft ? (
        <Form<PartiesValues>
          form={form}
          layout="vertical"
          name="letter"
          aria-label={title}
          onFinish={() => void save()}
          onValuesChange={() => {
            setDirty(true);
            if (problems.length) setProblems(allProblems(draft));
          }}
        >
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'title', label: '标题', children: letter.title, span: 3 },
              { key: 'a', label: '甲方', children: letter.branchName },
              { key: 'b', label: '乙方', children: `${letter.memberName}${letter.partyGroupName ? `（${letter.partyGroupName}）` : ''}` },
              {
                key: 'state',
                label: '状态',
                children: (
                  <>
                    {letter.adjusted ? <StatusTag tone="orange">已调整</StatusTag> : <StatusTag tone="grey">按模板生成</StatusTag>}
                    {letter.assessed.map((p) => (
                      <StatusTag key={p} tone="blue">
                        {PERIOD_LABELS[p]}已评分
                      </StatusTag>
                    ))}
                  </>
                ),
              },
            ]}
          />
          <Row gutter={16} style={{ marginTop: 12 }}>
            <Col span={6}>
              <Form.Item name="secretary" label="甲方代表（书记）">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            {DATE_FIELDS.map(([field, label]) => (
              <Col span={6} key={field}>
                <Form.Item name={field} label={label} required={field !== 'signedDate'}>
                  <DateInput allowFuture={field !== 'signedDate'} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          {problems.length ? (
            <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title="还不能保存" description={<ul className="targets-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
          ) : null}
          {assessed ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="这份责任书已经评分，目标条目不能再改；考核办法、奖惩和其他约定仍可修改。" /> : null}
          <LetterContentEditor
            draft={draft}
            label={`${letter.memberName}的责任书`}
            readOnlyItems={assessed}
            onChange={(d) => {
              setDraft(d);
              setDirty(true);
              if (problems.length) setProblems(allProblems(d));
            }}
          />
          <FormFooter onCancel={requestClose} saving={saving} />
        </Form>
      ) : null}
    </FormDrawer>
  );
}
