/** 导出 Excel / 打印花名册: which members (the roster's filters by default), which columns, then a download. */
import { App, Alert, Button, Checkbox, Modal, Radio } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { EDUCATION_GROUPS } from '../../../../shared/domain/codes';
import { AGE_BANDS } from '../../../../shared/domain/member';
import { useGroupsStore } from '../groups/groupsStore';
import { useRosterExportStore, type ExportKind } from './rosterExportStore';
import { useRosterStore, type RosterFilters } from '../roster/rosterStore';
import { DOCX_COLUMNS, DOCX_DEFAULT, XLSX_COLUMNS, XLSX_DEFAULT } from './exportColumns';
import { memberSearchOf } from './memberSearch';
import { DOCX_TYPE, downloadBase64, XLSX_TYPE } from '../../components/files';
import './rosterFiles.css';

const STATUS_LABEL: Record<string, string> = { active: '在册党员', all: '全部党籍状态' };

/** The roster's filters in words, e.g. “人员类别：预备党员；性别：女”; empty when nothing narrows the list. */
export function describeFilters(f: RosterFilters, groupName: (id: string) => string): string {
  const parts: string[] = [];
  if (f.query.trim()) parts.push(`搜索“${f.query.trim()}”`);
  if (f.partyGroupId) parts.push(`党小组：${f.partyGroupId === 'none' ? '未分组' : groupName(f.partyGroupId)}`);
  if (f.category) parts.push(f.category);
  if (f.status !== 'active') parts.push(`党籍状态：${STATUS_LABEL[f.status] ?? f.status}`);
  if (f.educationGroup) parts.push(`学历：${EDUCATION_GROUPS.find((e) => e.code === f.educationGroup)?.label ?? f.educationGroup}`);
  if (f.gender) parts.push(`${f.gender}党员`);
  if (f.ageBand) parts.push(`年龄：${AGE_BANDS.find((b) => b.key === f.ageBand)?.label ?? f.ageBand}`);
  return parts.join('；');
}

const TITLES: Record<ExportKind, string> = { xlsx: '导出 Excel 名册', docx: '打印花名册（Word）' };

export function ExportDialog() {
  const kind = useRosterExportStore((s) => s.open);
  const busy = useRosterExportStore((s) => s.busy);
  const error = useRosterExportStore((s) => s.error);
  const filters = useRosterStore((s) => s.filters);
  const sort = useRosterStore((s) => s.sort);
  const order = useRosterStore((s) => s.order);
  const total = useRosterStore((s) => s.total);
  const groups = useGroupsStore((s) => s.groups);
  const { message } = App.useApp();

  const all = kind === 'docx' ? DOCX_COLUMNS : XLSX_COLUMNS;
  const defaults = kind === 'docx' ? DOCX_DEFAULT : XLSX_DEFAULT;
  const [columns, setColumns] = useState<string[]>([]);
  const [which, setWhich] = useState<'filtered' | 'all'>('filtered');
  const [mask, setMask] = useState(false);

  const label = useMemo(() => describeFilters(filters, (id) => groups.find((g) => g.id === id)?.name ?? '所选党小组'), [filters, groups]);

  useEffect(() => {
    if (!kind) return;
    setColumns([...defaults]);
    setWhich('filtered');
    setMask(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);

  const close = () => useRosterExportStore.getState().close();

  const run = async () => {
    if (!kind) return;
    const f = which === 'filtered' ? filters : { ...filters, query: '', partyGroupId: null, category: null, status: 'active' as const, educationGroup: null, gender: null, ageBand: null };
    const ordered = all.map((c) => c.key).filter((k) => columns.includes(k));
    const file = await useRosterExportStore.getState().run(kind, {
      filter: memberSearchOf(f, sort, order),
      columns: ordered,
      maskIdNumbers: mask,
      filterLabel: which === 'filtered' && label ? label.slice(0, 40) : null,
    });
    if (!file) return;
    downloadBase64(file.data, file.fileName, kind === 'docx' ? DOCX_TYPE : XLSX_TYPE);
    void message.success({ content: `已导出 ${file.count ?? 0} 名党员，文件“${file.fileName}”已保存到“下载”文件夹`, duration: 6 });
    close();
  };

  const checkedCount = columns.length;
  return (
    <Modal
      open={!!kind}
      title={kind ? TITLES[kind] : ''}
      width={760}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
      className="export-dialog"
      footer={[
        <Button key="cancel" size="large" onClick={close}>
          取消
        </Button>,
        <Button key="ok" type="primary" size="large" loading={busy} disabled={checkedCount === 0} onClick={() => void run()}>
          {kind === 'docx' ? '生成 Word 文件' : '导出 Excel 文件'}
        </Button>,
      ]}
    >
      <section className="export-section" aria-labelledby="export-which">
        <h3 id="export-which">导出哪些党员</h3>
        {label ? (
          <Radio.Group
            aria-labelledby="export-which"
            value={which}
            onChange={(e) => setWhich(e.target.value as 'filtered' | 'all')}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          >
            <Radio value="filtered" className="export-filter">
              按名册当前的查找条件：{label}（{total} 人）
            </Radio>
            <Radio value="all" className="export-filter">
              全部在册党员
            </Radio>
          </Radio.Group>
        ) : (
          <p className="export-filter" style={{ margin: 0 }}>
            全部在册党员（{total} 人）。如只需其中一部分（例如只要预备党员），请先关闭本窗口，在名册上方选好查找条件。
          </p>
        )}
      </section>
      <section className="export-section" aria-labelledby="export-columns-title">
        <h3 id="export-columns-title">
          包括哪些列<span className="muted" style={{ fontWeight: 400, fontSize: 15 }}>（已选 {checkedCount} 列，按下面的顺序排列{kind === 'docx' ? '，“序号”总在第一列' : ''}）</span>
        </h3>
        <Checkbox.Group value={columns} onChange={(v) => setColumns(v as string[])} aria-labelledby="export-columns-title">
          <div className="export-columns">
            {all.map((c) => (
              <Checkbox key={c.key} value={c.key} disabled={c.key === 'name'}>
                {c.label}
              </Checkbox>
            ))}
          </div>
        </Checkbox.Group>
        <div style={{ display: 'flex', gap: 12 }}>
          <Button onClick={() => setColumns(all.map((c) => c.key))}>全选</Button>
          <Button onClick={() => setColumns([...defaults])}>恢复常用列</Button>
        </div>
      </section>
      {kind === 'docx' ? (
        <section className="export-section" aria-labelledby="export-privacy">
          <h3 id="export-privacy">身份证号</h3>
          <Checkbox checked={mask} onChange={(e) => setMask(e.target.checked)} style={{ fontSize: 16 }}>
            打印时隐藏身份证号中间的数字（如 130982********1234），适合张贴或传阅
          </Checkbox>
        </section>
      ) : (
        <p className="muted" style={{ fontSize: 15 }}>
          导出的 Excel 文件可以再用“导入名册”读回；默认包括全部列。
        </p>
      )}
      {error ? <Alert type="error" showIcon role="alert" title={`导出失败：${error}`} /> : null}
    </Modal>
  );
}

/** The roster's 导入 / 导出 Excel / 打印花名册 buttons, and the dialog they open. */
export function RosterFileButtons({ onImport }: { onImport: () => void }) {
  return (
    <>
      <Button size="large" onClick={onImport}>
        导入
      </Button>
      <Button size="large" onClick={() => useRosterExportStore.getState().show('xlsx')}>
        导出 Excel
      </Button>
      <Button size="large" onClick={() => useRosterExportStore.getState().show('docx')}>
        打印花名册
      </Button>
      <ExportDialog />
    </>
  );
}
