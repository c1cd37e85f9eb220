/** 目标管理: yearly targets, post templates, responsibility letters, zones, projects, assessment, commendations. */
import { AimOutlined, AuditOutlined, BarChartOutlined, CheckSquareOutlined, FileDoneOutlined, FlagOutlined, ProfileOutlined, ToolOutlined, TrophyOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const targets: Capability = {
  key: 'targets',
  screens: [
    { key: 'targetPlan', label: '年度党建目标', group: 'targets', icon: AimOutlined, order: 10, path: '/target-plan', page: () => import('./PlanPage') },
    { key: 'targetTemplates', label: '岗位目标模板', group: 'targets', icon: ProfileOutlined, order: 20, path: '/target-templates', page: () => import('./TemplatesPage') },
    { key: 'targetLetters', label: '目标责任书', group: 'targets', icon: FileDoneOutlined, order: 30, path: '/target-letters', page: () => import('./LettersPage') },
    { key: 'targetZones', label: '示范责任区', group: 'targets', icon: FlagOutlined, order: 40, path: '/target-zones', page: () => import('./ZonesPage') },
    { key: 'targetProjects', label: '立项攻关', group: 'targets', icon: ToolOutlined, order: 50, path: '/target-projects', page: () => import('./ProjectsPage') },
    { key: 'targetAssessment', label: '考核评分', group: 'targets', icon: CheckSquareOutlined, order: 60, path: '/target-assessment', page: () => import('./AssessmentPage') },
    { key: 'targetSummary', label: '考核汇总', group: 'targets', icon: BarChartOutlined, order: 70, path: '/target-summary', page: () => import('./SummaryPage') },
    { key: 'targetBranchLetter', label: '支部责任书', group: 'targets', icon: AuditOutlined, order: 90, path: '/target-branch-letter', page: () => import('./BranchLetterPage') },
    { key: 'targetCommendations', label: '评先评优', group: 'targets', icon: TrophyOutlined, order: 80, path: '/target-commendations', page: () => import('./CommendationsPage') },
  ],
  // After a hand-over import or a restore: whatever a screen has shown is read again.
  reload: async () => {
    const { reloadTargets } = await import('./targetsStore');
    await reloadTargets();
  },
  handover: [
    {
      key: 'targets',
      label: '目标管理',
      hint: '年度党建目标、岗位模板、责任书、考核评分、示范责任区、立项攻关、评先评优',
      tables: [
        'target_plans',
        'post_templates',
        'target_letters',
        'target_assessments',
        'target_zones',
        'target_zone_records',
        'target_projects',
        'target_project_notes',
        'target_commendations',
        'target_branch_letters',
      ],
    },
  ],
};
