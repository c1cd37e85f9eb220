/** 目标管理: yearly targets, post templates, responsibility letters, zones, projects, assessment, commendations. */
import { AimOutlined, BarChartOutlined, CheckSquareOutlined, FileDoneOutlined, FlagOutlined, ProfileOutlined, ToolOutlined, TrophyOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const targets: Capability = {
  key: 'targets',
  screens: [
    { key: 'targetPlan', label: '年度党建目标', group: 'targets', icon: AimOutlined, order: 10, path: '/targets/plan', page: () => import('./PlanPage') },
    { key: 'targetTemplates', label: '岗位目标模板', group: 'targets', icon: ProfileOutlined, order: 20, path: '/targets/templates', page: () => import('./TemplatesPage') },
    { key: 'targetLetters', label: '目标责任书', group: 'targets', icon: FileDoneOutlined, order: 30, path: '/targets/letters', page: () => import('./LettersPage') },
    { key: 'targetZones', label: '示范责任区', group: 'targets', icon: FlagOutlined, order: 40, path: '/targets/zones', page: () => import('./ZonesPage') },
    { key: 'targetProjects', label: '立项攻关', group: 'targets', icon: ToolOutlined, order: 50, path: '/targets/projects', page: () => import('./ProjectsPage') },
    { key: 'targetAssessment', label: '考核评分', group: 'targets', icon: CheckSquareOutlined, order: 60, path: '/targets/assessment', page: () => import('./AssessmentPage') },
    { key: 'targetSummary', label: '考核汇总', group: 'targets', icon: BarChartOutlined, order: 70, path: '/targets/summary', page: () => import('./SummaryPage') },
    { key: 'targetCommendations', label: '评先评优', group: 'targets', icon: TrophyOutlined, order: 80, path: '/targets/commendations', page: () => import('./CommendationsPage') },
  ],
};
