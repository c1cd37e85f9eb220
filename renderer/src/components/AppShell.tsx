/** The main layout: header with the branch name, the left menu, and the current screen. */
import { ApartmentOutlined, BankOutlined, DeleteOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { useEffect } from 'react';
import { useAppStore, type Screen } from '../stores/appStore';
import { RosterPage } from '../features/roster/RosterPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { BranchPage } from '../features/branch/BranchPage';
import { TrashPage } from '../features/trash/TrashPage';
import { SystemPage } from '../features/system/SystemPage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { RiseOutlined } from '@ant-design/icons';
import { HandoverPage } from '../features/handover/HandoverPage';
import { BackupPage } from '../features/backup/BackupPage';
import { ComparePage } from '../features/committee/ComparePage';
import { CloudServerOutlined, FundProjectionScreenOutlined, SwapOutlined } from '@ant-design/icons';
import { useCommitteeStore } from '../stores/committeeStore';
import { HomeOutlined, UploadOutlined } from '@ant-design/icons';
import { OverviewPage } from '../features/overview/OverviewPage';
import { ImportPage } from '../features/rosterFiles/ImportPage';

const ITEMS: { key: Screen; label: string; icon: React.ReactNode }[] = [
  { key: 'overview', label: '首页', icon: <HomeOutlined aria-hidden="true" /> },
  { key: 'roster', label: '党员名册', icon: <TeamOutlined aria-hidden="true" /> },
  { key: 'rosterImport', label: '导入名册', icon: <UploadOutlined aria-hidden="true" /> },
  { key: 'pipeline', label: '发展党员', icon: <RiseOutlined aria-hidden="true" /> },
  { key: 'groups', label: '党小组', icon: <ApartmentOutlined aria-hidden="true" /> },
  { key: 'branch', label: '支部信息', icon: <BankOutlined aria-hidden="true" /> },
  { key: 'trash', label: '回收站', icon: <DeleteOutlined aria-hidden="true" /> },
  { key: 'committee', label: '支部对比', icon: <FundProjectionScreenOutlined aria-hidden="true" /> },
  { key: 'handover', label: '数据交接', icon: <SwapOutlined aria-hidden="true" /> },
  { key: 'backup', label: '备份与恢复', icon: <CloudServerOutlined aria-hidden="true" /> },
  { key: 'system', label: '系统与数据', icon: <SettingOutlined aria-hidden="true" /> },
];

const SCREENS: Record<Screen, () => React.ReactElement> = {
  roster: RosterPage,
  overview: OverviewPage,
  rosterImport: ImportPage,
  pipeline: PipelinePage,
  groups: GroupsPage,
  branch: BranchPage,
  trash: TrashPage,
  system: SystemPage,
  handover: HandoverPage,
  backup: BackupPage,
  committee: ComparePage,
};

export function AppShell() {
  const screen = useAppStore((s) => s.screen);
  const go = useAppStore((s) => s.go);
  const branchName = useAppStore((s) => s.branch?.name ?? '');
  const Current = SCREENS[screen];
  // 支部对比 only when the database holds more than one branch (the committee's roll-up).
  const manyBranches = useCommitteeStore((s) => s.branches.length > 1);
  useEffect(() => void useCommitteeStore.getState().loadBranches(), []);

  useEffect(() => {
    const label = ITEMS.find((i) => i.key === screen)?.label ?? '';
    document.title = `${label} — 支部工作台`;
  }, [screen]);

  return (
    <Layout className="app-layout">
      <header className="app-header">
        <h1>{branchName || '支部工作台'}</h1>
        <span className="app-name">支部工作台</span>
      </header>
      <Layout style={{ flex: 1 }}>
        <Layout.Sider width={200} className="app-sider" theme="light">
          <nav aria-label="主菜单">
            <Menu
              mode="inline"
              selectedKeys={[screen]}
              items={ITEMS.filter((i) => i.key !== 'committee' || manyBranches)}
              onClick={(e) => go(e.key as Screen)}
              style={{ borderInlineEnd: 'none', fontSize: 17, paddingTop: 8 }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <div aria-labelledby="page-title" role="region">
            <Current />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
