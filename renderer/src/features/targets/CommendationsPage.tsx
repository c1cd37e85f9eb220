/**
 * 评先评优: the year's commendations per member (拟推荐 → 已表彰), and what the year-end assessment, the zones and
 * the finished projects suggest, each taken over with one click (its basis filled in).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Col, Form, Input, Row, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { commendationSaveSchema, type Commendation, type CommendationProposal } from '../../../../shared/contract/targets';
import { COMMENDATION_STATUSES, COMMENDATION_TITLES, type CommendationStatus } from '../../../../shared/domain/targets';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { useConfirmDelete } from '../../components/DetailDrawer';
import { fromDayjs, RefusedDate } from '../../components/dates';
import { FormModal } from '../../components/FormModal';
import { DataTable } from '../../components/table/DataTable';
import { MemberSelect } from './MemberSelect';
import { useSchemaChecks } from './recordForm';
import { TargetsTitle } from './TargetsTitle';
import { useCommendationsStore } from './targetsStore';
import { useYearFromRoute } from './year';
import { StatusTag } from './StatusTag';

interface Values {
  memberId: string | null;
  title: string;
  basis: string;
  status: CommendationStatus;
  decidedDate: Dayjs | RefusedDate | null;
  note: string;
}
const ORDER = ['memberId', 'title', 'basis', 'status', 'decidedDate', 'note'] as const;

/** A new commendation (or one from a proposal), or one being edited. */
type Editing = { commendation: Commendation | null; start: Partial<Values>; memberName?: string };

function CommendationDialog({ year, editing, onClose }: { year: number; editing: Editing | null; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const titles = useCommendationsStore((s) => s.titles);
  const inputOf = (v: Values) => ({
    memberId: v.memberId ?? '',
    year,
    title: v.title ?? '',
    basis: v.basis ?? '',
    status: v.status ?? '拟推荐',
    decidedDate: fromDayjs(v.decidedDate) || null,
    note: v.note ?? '',
  });
  const checks = useSchemaChecks(form, ORDER, commendationSaveSchema, inputOf, setSummary);
  const c = editing?.commendation ?? null;

  useEffect(() => {
    if (!editing) return;
    setSummary(null);
    checks.reset(
      c
        ? { memberId: c.memberId, title: c.title, basis: c.basis, status: c.status, decidedDate: c.decidedDate ? dayjs(c.decidedDate) : null, note: c.note }
        : { memberId: null, title: '', basis: '', status: '拟推荐', decidedDate: null, note: '', ...editing.start },
    );
  }, [editing]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = async () => {
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      const saved = await useCommendationsStore.getState().save({ id: c?.id ?? null, ...inputOf(form.getFieldsValue(true) as Values), expectedUpdatedAt: c?.updatedAt ?? null });
      message.success(`已登记${saved.memberName}“${saved.title}”（${saved.status}）`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues);
      setSummary(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const titleOptions = [...new Set([...titles, ...COMMENDATION_TITLES])].map((t) => ({ value: t }));
  const known = c ? [{ id: c.memberId, name: c.memberName }] : editing?.start.memberId && editing.memberName ? [{ id: editing.start.memberId, name: editing.memberName }] : [];
  return (
    <FormModal<Values>
      open={editing !== null}
      title={c ? `修改评先评优：${c.memberName}` : `登记 ${year} 年评先评优`}
      width={640}
      saving={saving}
      onCancel={onClose}
      form={form}
      name="commendation"
      onFinish={() => void onFinish()}
      onValuesChange={checks.onValuesChange}
    >
      {summary ? <div className="targets-entry-problem" role="alert">{summary}</div> : null}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="memberId" label="党员" required>
            <MemberSelect known={known} aria-label="党员" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="title" label="表彰称号" required>
            <AutoComplete options={titleOptions} maxLength={30} onBlur={checks.leave('title')} placeholder="如：优秀共产党员" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="basis" label="推荐依据">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} onBlur={checks.leave('basis')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="status" label="状态">
            <Select options={COMMENDATION_STATUSES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="decidedDate" label="表彰日期">
            <DateInput style={{ width: '100%' }} onBlur={checks.leave('decidedDate')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="note" label="备注">
            <Input maxLength={200} onBlur={checks.leave('note')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

const SOURCE_LABEL: Record<CommendationProposal['source']['table'], string> = { target_assessments: '年终考核', target_projects: '立项攻关', target_zones: '示范责任区' };

export function CommendationsPage() {
  const year = useYearFromRoute();
  const { commendations, proposals, loading, error } = useCommendationsStore();
  const [editing, setEditing] = useState<Editing | null>(null);
  const confirmDelete = useConfirmDelete();
  useEffect(() => void useCommendationsStore.getState().load(year), [year]);
  const open = proposals.filter((p) => !p.recorded);

  return (
    <>
      <TargetsTitle
        title="评先评优"
        error={error}
        extra={
          <Button id="commendations-new" type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setEditing({ commendation: null, start: {} })}>
            登记评先评优
          </Button>
        }
      />
      <section className="targets-panel" aria-labelledby="proposals-title" style={{ marginBottom: 12 }}>
        <h3 id="proposals-title">按考核结果、责任区和攻关项目推荐（{open.length} 条未登记）</h3>
        <Table<CommendationProposal>
          size="small"
          aria-label="推荐名单"
          rowKey={(p) => `${p.memberId}-${p.title}-${p.source.id}`}
          dataSource={proposals}
          pagination={false}
          scroll={{ y: 180 }}
          locale={{ emptyText: `${year} 年还没有可推荐的：年终考核完成、攻关项目完成后，这里会列出建议。` }}
          columns={[
            { key: 'memberName', title: '党员', dataIndex: 'memberName', width: 100 },
            { key: 'title', title: '建议称号', dataIndex: 'title', width: 140 },
            { key: 'source', title: '来自', width: 100, render: (_v, p) => SOURCE_LABEL[p.source.table] },
            { key: 'basis', title: '依据', dataIndex: 'basis', ellipsis: { showTitle: true } },
            {
              key: 'actions',
              title: '操作',
              width: 130,
              render: (_v, p) =>
                p.recorded ? (
                  <span className="muted">已登记</span>
                ) : (
                  <Button
                    size="small"
                    onClick={() => setEditing({ commendation: null, start: { memberId: p.memberId, title: p.title, basis: p.basis }, memberName: p.memberName })}
                    aria-label={`登记${p.memberName}为${p.title}`}
                  >
                    登记为拟推荐
                  </Button>
                ),
            },
          ]}
        />
      </section>
      <DataTable<Commendation>
        aria-label={`${year} 年评先评优`}
        fillHeight
        minBodyHeight={160}
        dataSource={commendations}
        loading={loading && commendations.length === 0}
        pagination={false}
        locale={{ emptyText: `${year} 年还没有登记评先评优` }}
        columns={[
          { key: 'memberName', title: '党员', dataIndex: 'memberName', width: 100, fixed: 'left' },
          { key: 'title', title: '表彰称号', dataIndex: 'title', width: 150 },
          { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (v: CommendationStatus) => <StatusTag tone={v === '已表彰' ? 'red' : 'blue'}>{v}</StatusTag> },
          { key: 'decidedDate', title: '表彰日期', dataIndex: 'decidedDate', width: 110, render: (v: string | null) => v ?? <span className="muted">—</span> },
          { key: 'basis', title: '推荐依据', dataIndex: 'basis', width: 420, ellipsis: { showTitle: true } },
          {
            key: 'actions',
            title: '操作',
            width: 110,
            fixed: 'right',
            render: (_v, c) => (
              <span className="row-actions">
                <Button type="link" size="small" onClick={() => setEditing({ commendation: c, start: {} })} aria-label={`修改${c.memberName}的${c.title}`}>
                  修改
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger
                  aria-label={`删除${c.memberName}的${c.title}`}
                  onClick={() =>
                    confirmDelete({
                      title: `删除${c.memberName}的“${c.title}”？`,
                      content: '删除后可以在回收站中恢复。',
                      remove: () => useCommendationsStore.getState().remove(c.id),
                      done: `已删除${c.memberName}的“${c.title}”`,
                    })
                  }
                >
                  删除
                </Button>
              </span>
            ),
          },
        ]}
      />
      <CommendationDialog year={year} editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

export default CommendationsPage;
