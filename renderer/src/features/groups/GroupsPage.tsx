/** 党小组: list with leader and member counts; a group opens to its members (moved between groups there); add, edit, delete. */
import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { PartyGroup } from '../../../../shared/domain/branch';
import { partyGroupFieldsSchema } from '../../../../shared/domain/branch';
import { zodProblems } from '../../../../shared/contract/validate';
import { ApiError, errorText } from '../../api';
import { applyProblems } from '../../components/formErrors';
import { closeButton } from '../../components/overlay';
import { footerWithHint, formKeyDown, saveShortcutProps } from '../../components/formKeys';
import { PageTitle } from '../../components/PageTitle';
import { DataTable } from '../../components/table/DataTable';
import { compareGroupNames } from '../../../../shared/domain/statistics';
import { useDebounced } from '../../components/useDebounced';
import { GroupMembersDrawer } from './GroupMembers';
import { useGroupsStore } from './groupsStore';
import './groups.css';

interface GroupValues {
  name: string;
  leaderMemberId: string | null;
  sortOrder: number | null;
}
const FIELDS = [['name'], ['leaderMemberId'], ['sortOrder']];

function GroupDialog({ group, open, onClose }: { group: PartyGroup | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<GroupValues>();
  const { message } = App.useApp();
  const save = useGroupsStore((s) => s.save);
  const findMembers = useGroupsStore((s) => s.findMembers);
  const groups = useGroupsStore((s) => s.groups);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setSearch('');
    form.resetFields();
    form.setFieldsValue(
      group
        ? { name: group.name, leaderMemberId: group.leaderMemberId, sortOrder: group.sortOrder }
        : { name: '', leaderMemberId: null, sortOrder: (groups.reduce((m, g) => Math.max(m, g.sortOrder), 0) || 0) + 1 },
    );
  }, [open, group, form, groups]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    findMembers(q)
      .then((rows) => {
        if (!live) return;
        const opts = rows.map((r) => ({ value: r.id, label: `${r.name}（${r.partyGroup ?? '未分组'}）` }));
        if (group?.leaderMemberId && group.leaderName && !opts.some((o) => o.value === group.leaderMemberId))
          opts.unshift({ value: group.leaderMemberId, label: group.leaderName });
        setOptions(opts);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [q, open, group, findMembers]);

  const onFinish = async (v: GroupValues) => {
    const input = { id: group?.id ?? null, name: v.name ?? '', leaderMemberId: v.leaderMemberId ?? null, sortOrder: v.sortOrder ?? 0 };
    const parsed = partyGroupFieldsSchema.safeParse(input);
    if (!parsed.success) {
      applyProblems(form, FIELDS, zodProblems(parsed.error));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await save(input);
      message.success(group ? '党小组已保存' : `已添加党小组“${input.name}”`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues?.length) applyProblems(form, FIELDS, e.issues);
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={group ? `修改党小组：${group.name}` : '新增党小组'}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      okButtonProps={saveShortcutProps}
      footer={(buttons) => footerWithHint(buttons)}
      destroyOnHidden
      width={560}
      closable={closeButton}
    >
      {/* Enter in a field does not save; Ctrl+Enter does (as in every form dialog). */}
      <Form form={form} layout="vertical" name="group" onFinish={onFinish} aria-label="党小组" onKeyDown={formKeyDown}>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="name" label="党小组名称" required>
          <Input maxLength={30} autoFocus placeholder="如：钻井一班党小组" />
        </Form.Item>
        <Form.Item name="leaderMemberId" label="组长" extra="输入姓名或拼音首字母查找">
          <Select
            allowClear={{ label: '清除' }}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={options}
            placeholder="未指定"
            notFoundContent="没有找到党员"
          />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序（数字小的排在前面）">
          <InputNumber min={0} max={9999} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function GroupsPage() {
  const { groups, loading, error } = useGroupsStore();
  const remove = useGroupsStore((s) => s.remove);
  const openMembers = useGroupsStore((s) => s.openMembers);
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<{ open: boolean; group: PartyGroup | null }>({ open: false, group: null });
  const largest = Math.max(0, ...groups.map((g) => g.memberCount));

  useEffect(() => {
    void useGroupsStore.getState().load();
  }, []);

  const confirmDelete = (g: PartyGroup) =>
    modal.confirm({
      title: `删除党小组“${g.name}”？`,
      content: '只有没有党员的党小组才能删除。删除后可以在回收站中恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove(g.id);
          message.success(`已删除党小组“${g.name}”`);
        } catch (e) {
          modal.error({ title: '无法删除这个党小组', content: errorText(e), okText: '知道了' });
        }
      },
    });

  return (
    <>
      <PageTitle
        title="党小组"
        extra={
          <Button id="groups-new" type="primary" size="large" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setDialog({ open: true, group: null })}>
            新增党小组
          </Button>
        }
      />
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <p className="group-summary muted" role="status" data-testid="groups-summary">
        共 {groups.length} 个党小组，组内党员 {groups.reduce((n, g) => n + g.memberCount, 0)} 名；点党小组名称或“党员”查看组员、调整分组。
      </p>
      {/* One compact row per group, the body filling the window: 30 groups fit a 768-pixel-high screen. */}
      <DataTable<PartyGroup>
        aria-label="党小组"
        fillHeight
        minBodyHeight={160}
        loading={loading && groups.length === 0}
        dataSource={groups}
        pagination={false}
        showSorterTooltip={false}
        locale={{ emptyText: '还没有党小组，请点“新增党小组”' }}
        columns={[
          { title: '排序', dataIndex: 'sortOrder', width: 72, sorter: (a, b) => a.sortOrder - b.sortOrder },
          {
            title: '党小组名称',
            dataIndex: 'name',
            width: 320,
            sorter: (a, b) => compareGroupNames(a.name, b.name),
            render: (name: string, g) => (
              <Button type="link" className="group-name-link" onClick={() => void openMembers(g.id)} aria-label={`${name}，查看党员`}>
                {name}
              </Button>
            ),
          },
          { title: '组长', dataIndex: 'leaderName', width: 140, render: (v: string | null) => v ?? <span className="muted">未指定</span> },
          {
            title: '党员人数',
            dataIndex: 'memberCount',
            width: 200,
            sorter: (a, b) => a.memberCount - b.memberCount,
            sortDirections: ['descend', 'ascend'],
            render: (v: number) => (
              <span className="group-count">
                <span className="group-count-bar" aria-hidden="true">
                  <span style={{ width: `${largest ? (v / largest) * 100 : 0}%` }} />
                </span>
                {v} 人
              </span>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 240,
            fixed: 'right',
            render: (_, g) => (
              <span className="row-actions">
                <Button type="link" size="small" icon={<TeamOutlined aria-hidden="true" />} onClick={() => void openMembers(g.id)} aria-label={`查看${g.name}的党员`}>
                  党员
                </Button>
                <Button type="link" size="small" icon={<EditOutlined aria-hidden="true" />} onClick={() => setDialog({ open: true, group: g })} aria-label={`修改${g.name}`}>
                  修改
                </Button>
                <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden="true" />} onClick={() => confirmDelete(g)} aria-label={`删除${g.name}`}>
                  删除
                </Button>
              </span>
            ),
          },
        ]}
      />
      <GroupMembersDrawer />
      <GroupDialog open={dialog.open} group={dialog.group} onClose={() => setDialog({ open: false, group: null })} />
    </>
  );
}

/** The screen, as its capability entry imports it lazily. */
export default GroupsPage;
