/**
 * 决议: each with its responsible person, deadline and vote (举手 / 无记名投票: 赞成, 反对, 弃权). The vote's validity
 * and result are shown live, by the shared rules, from the sign-in list as it is now.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, InputNumber, Select, Tag } from 'antd';
import { VOTE_METHODS, VOTE_METHOD_LABELS, voteResult, type MeetingKind } from '../../../../shared/domain/meetings';
import { DateInput } from '../../components/DateInput';
import { signInCounts, type ResolutionValues, type SignInRow } from './meetingModel';

const METHOD_OPTIONS = VOTE_METHODS.map((m) => ({ value: m, label: VOTE_METHOD_LABELS[m] }));
const NEW_RESOLUTION: ResolutionValues = { text: '', responsible: '', deadline: null, vote: { method: 'none', for: null, against: null, abstain: null } };

function VoteCheck({ kind, attendance, resolution }: { kind: MeetingKind; attendance: SignInRow[]; resolution: ResolutionValues | undefined }) {
  const vote = resolution?.vote;
  if (!vote || vote.method === 'none') return null;
  const result = voteResult(kind, signInCounts(attendance), { method: vote.method, for: vote.for ?? 0, against: vote.against ?? 0, abstain: vote.abstain ?? 0 });
  if (!result) return null;
  const color = !result.valid ? 'error' : result.passed ? 'success' : 'warning';
  return (
    <Tag color={color} className="vote-check" data-testid="vote-check">
      {result.text}
    </Tag>
  );
}

export function ResolutionsField({ kind, attendance }: { kind: MeetingKind; attendance: SignInRow[] }) {
  const form = Form.useFormInstance();
  const resolutions = Form.useWatch('resolutions', form) as ResolutionValues[] | undefined;
  const names = attendance.map((r) => ({ value: r.name }));
  return (
    <Form.List name="resolutions">
      {(fields, { add, remove }, { errors }) => (
        <div className="resolutions">
          {fields.length === 0 ? <p className="muted rows-empty">还没有决议</p> : null}
          {fields.map((field, index) => {
            const n = index + 1;
            const method = resolutions?.[index]?.vote?.method ?? 'none';
            return (
              <fieldset key={field.key} className="resolution">
                <legend>第 {n} 项决议</legend>
                <div className="rows-row">
                  <Form.Item name={[field.name, 'text']} className="row-field" style={{ flex: 1 }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} placeholder="决议内容" aria-label={`第 ${n} 项决议内容`} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined aria-hidden="true" />} aria-label={`删除第 ${n} 项决议`} onClick={() => remove(field.name)} />
                </div>
                <div className="resolution-line">
                  <Form.Item name={[field.name, 'responsible']} label="责任人" className="inline-field" layout="horizontal">
                    <AutoComplete options={names} showSearch={{ filterOption: true }} maxLength={30} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'deadline']} label="完成时限" className="inline-field" layout="horizontal">
                    <DateInput allowFuture style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'vote', 'method']} label="表决方式" className="inline-field" layout="horizontal">
                    <Select options={METHOD_OPTIONS} style={{ width: 124 }} />
                  </Form.Item>
                  {method !== 'none' ? (
                    <>
                      <Form.Item name={[field.name, 'vote', 'for']} label="赞成" className="inline-field" layout="horizontal">
                        <InputNumber min={0} max={10000} precision={0} style={{ width: 72 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'vote', 'against']} label="反对" className="inline-field" layout="horizontal">
                        <InputNumber min={0} max={10000} precision={0} style={{ width: 72 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'vote', 'abstain']} label="弃权" className="inline-field" layout="horizontal">
                        <InputNumber min={0} max={10000} precision={0} style={{ width: 72 }} />
                      </Form.Item>
                    </>
                  ) : null}
                </div>
                <VoteCheck kind={kind} attendance={attendance} resolution={resolutions?.[index]} />
              </fieldset>
            );
          })}
          <Button type="dashed" icon={<PlusOutlined aria-hidden="true" />} onClick={() => add(NEW_RESOLUTION)}>
            添加决议
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
