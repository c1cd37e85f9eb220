/**
 * 党员示范责任区: the branch's zones (name, scope by equipment / area / crew, the member responsible, commitments) and
 * the dated records of what was done in each. A zone opens in a drawer: its fields above, its records below.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { zoneSaveSchema, type Zone } from '../../../../shared/contract/targets';
import { ApiError, errorText } from '../../api';
import { DateInput } from '../../components/DateInput';
import { fromDayjs, RefusedDate } from '../../components/dates';
import { FormDrawer, FormFooter, useRequestClose } from '../../components/FormDrawer';
import { PageTitle } from '../../components/PageTitle';
import { DataTable } from '../../components/table/DataTable';
import { useSavedRow } from './useSavedRow';
import { useConfirmDelete } from '../../components/DetailDrawer';
import { useReturnFocus } from '../../components/useReturnFocus';
import { DatedEntries } from './DatedEntries';
import { MemberSelect } from './MemberSelect';
import { useSchemaChecks } from './recordForm';
import { useZonesStore } from './targetsStore';
import './targets.css';

interface ZoneValues {
  name: string;
  memberId: string | null;
  scopeEquipment: string;
  scopeArea: string;
  scopeCrew: string;
  commitments: string;
  startDate: Dayjs | RefusedDate | null;
  endDate: Dayjs | RefusedDate | null;
  note: string;
}
const ORDER = ['name', 'memberId', 'scopeEquipment', 'scopeArea', 'scopeCrew', 'commitments', 'startDate', 'endDate', 'note'] as const;

function valuesOf(z: Zone | null): ZoneValues {
  return z
    ? {
        name: z.name,
        memberId: z.memberId,
        scopeEquipment: z.scopeEquipment,
        scopeArea: z.scopeArea,
        scopeCrew: z.scopeCrew,
        commitments: z.commitments,
        startDate: dayjs(z.startDate),
        endDate: z.endDate ? dayjs(z.endDate) : null,
        note: z.note,
      }
    : { name: '', memberId: null, scopeEquipment: '', scopeArea: '', scopeCrew: '', commitments: '', startDate: dayjs(), endDate: null, note: '' };
}

function inputOf(v: ZoneValues) {
  return {
    name: v.name ?? '',
    memberId: v.memberId ?? '',
    scopeEquipment: v.scopeEquipment ?? '',
    scopeArea: v.scopeArea ?? '',
    scopeCrew: v.scopeCrew ?? '',
    commitments: v.commitments ?? '',
    startDate: fromDayjs(v.startDate),
    endDate: fromDayjs(v.endDate) || null,
    note: v.note ?? '',
  };
}

/** `zone`: the zone open (null: a new one). */
function ZoneDrawer({ open, zone, onClose, onSaved }: { open: boolean; zone: Zone | null; onClose(): void; onSaved(id: string): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ZoneValues>();
  const [saving, setSaving] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const returnFocus = useReturnFocus(open, '#zones-new');
  const checks = useSchemaChecks(form, ORDER, zoneSaveSchema, inputOf, setSummary);
  const requestClose = useRequestClose(form, saving, onClose);
  const live = useZonesStore((s) => s.zones.find((z) => z.id === zone?.id) ?? zone);

  useEffect(() => {
    if (!open) return;
    setSummary(null);
    checks.reset(valuesOf(zone));
  }, [open, zone?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFinish = async () => {
    if (!checks.trySave()) return;
    setSaving(true);
    try {
      const saved = await useZonesStore.getState().save({ id: zone?.id ?? null, ...inputOf(form.getFieldsValue(true) as ZoneValues), expectedUpdatedAt: live?.updatedAt ?? null });
      message.success(`示范责任区“${saved.name}”已保存`);
      onSaved(saved.id);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) checks.refused(e.issues);
      setSummary(`未能保存：${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const leave = (f: (typeof ORDER)[number]) => ({ onBlur: checks.leave(f) });
  return (
    <FormDrawer open={open} title={zone ? `示范责任区：${zone.name}` : '新增示范责任区'} size={Math.min(860, window.innerWidth - 24)} onClose={requestClose} afterOpenChange={returnFocus}>
      <Form<ZoneValues> form={form} layout="vertical" name="zone" aria-label={zone ? `示范责任区：${zone.name}` : '新增示范责任区'} onFinish={onFinish} onValuesChange={checks.onValuesChange}>
        {summary ? <Alert type="error" showIcon role="alert" title={summary} style={{ marginBottom: 12 }} /> : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="责任区名称" required>
              <Input maxLength={40} placeholder="如：1 号钻机泥浆循环系统责任区" {...leave('name')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="memberId" label="责任党员" required>
              <MemberSelect known={zone ? [{ id: zone.memberId, name: zone.memberName }] : []} aria-label="责任党员" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="scopeEquipment" label="责任范围（设备）">
              <Input maxLength={200} {...leave('scopeEquipment')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="scopeArea" label="责任范围（区域）">
              <Input maxLength={200} {...leave('scopeArea')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="scopeCrew" label="责任范围（班组/人员）">
              <Input maxLength={200} {...leave('scopeCrew')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="commitments" label="承诺事项">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} {...leave('commitments')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startDate" label="开始日期" required>
              <DateInput style={{ width: '100%' }} onBlur={checks.leave('startDate')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endDate" label="结束日期">
              <DateInput allowFuture style={{ width: '100%' }} onBlur={checks.leave('endDate')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="note" label="备注">
              <Input maxLength={200} {...leave('note')} />
            </Form.Item>
          </Col>
        </Row>
        <FormFooter onCancel={requestClose} saving={saving} />
      </Form>
      {live && zone ? (
        <section aria-labelledby="zone-records" style={{ marginTop: 16 }}>
          <h3 id="zone-records" className="form-section-title">
            工作记录（{live.records.length} 条）
          </h3>
          <DatedEntries
            noun="工作记录"
            entries={live.records}
            add={(date, content) => useZonesStore.getState().addRecord({ zoneId: zone.id, date, content })}
            remove={(id) => useZonesStore.getState().deleteRecord(id)}
          />
        </section>
      ) : null}
    </FormDrawer>
  );
}

export function ZonesPage() {
  const [savedId, markSaved] = useSavedRow();
  const { zones, loading, error } = useZonesStore();
  const [open, setOpen] = useState<{ zone: Zone | null } | null>(null);
  const confirmDelete = useConfirmDelete();
  useEffect(() => void useZonesStore.getState().load(), []);

  return (
    <>
      <PageTitle
        title="党员示范责任区"
        extra={
          <Button id="zones-new" type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setOpen({ zone: null })}>
            新增责任区
          </Button>
        }
      />
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      {zones.length === 0 && !loading ? (
        <div className="roster-empty">
          <p>还没有示范责任区。按“就近划分、全员覆盖”为党员划定责任区后，点右上角的“新增责任区”登记。</p>
        </div>
      ) : (
        <DataTable<Zone>
          highlightKey={savedId}
          aria-label="党员示范责任区"
          fillHeight
          dataSource={zones}
          loading={loading && zones.length === 0}
          pagination={false}
          columns={[
            {
              key: 'name',
              title: '责任区',
              dataIndex: 'name',
              width: 220,
              fixed: 'left',
              render: (v: string, z) => (
                <Button type="link" className="targets-name-link" onClick={() => setOpen({ zone: z })} aria-label={`打开责任区${v}`}>
                  {v}
                </Button>
              ),
            },
            { key: 'memberName', title: '责任党员', dataIndex: 'memberName', width: 100 },
            {
              key: 'scope',
              title: '责任范围',
              ellipsis: { showTitle: true },
              render: (_v, z) => [z.scopeEquipment, z.scopeArea, z.scopeCrew].filter(Boolean).join('；') || <span className="muted">未填</span>,
            },
            { key: 'commitments', title: '承诺事项', dataIndex: 'commitments', ellipsis: { showTitle: true } },
            { key: 'startDate', title: '开始日期', dataIndex: 'startDate', width: 110 },
            {
              key: 'records',
              title: '工作记录',
              width: 190,
              render: (_v, z) => (z.records.length ? `${z.records.length} 条，最近 ${z.records[0]!.date}` : <span className="muted">暂无</span>),
            },
            {
              key: 'actions',
              title: '操作',
              width: 110,
              fixed: 'right',
              render: (_v, z) => (
                <span className="row-actions">
                  <Button type="link" size="small" onClick={() => setOpen({ zone: z })} aria-label={`打开${z.name}：查看、修改、记工作`}>
                    打开
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    aria-label={`删除${z.name}`}
                    onClick={() =>
                      confirmDelete({
                        title: `删除示范责任区“${z.name}”？`,
                        content: '它的工作记录一并删除，可以在回收站中恢复。',
                        remove: () => useZonesStore.getState().remove(z.id),
                        done: `已删除示范责任区“${z.name}”`,
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
      )}
      <ZoneDrawer open={open !== null} zone={open?.zone ?? null} onClose={() => setOpen(null)} onSaved={markSaved} />
    </>
  );
}

export default ZonesPage;
