/**
 * The stores of the 目标管理 screens, one per screen, each loading what its screen shows for the chosen year.
 * Every change is one call, then a fresh read of the list it changes.
 */
import { create } from 'zustand';
import type {
  AssessmentPeriod,
  AssessmentSummary,
  Commendation,
  CommendationProposal,
  GenerateLettersResult,
  Letter,
  LetterSummary,
  PostTemplate,
  Project,
  TargetPlan,
  Zone,
} from '../../../../shared/contract/targets';
import type { OperationInput, OperationName } from '../../../../shared/contract/operations';
import { api } from '../../api';
import { createLoader, NOT_LOADED, type LoadState } from '../../stores/loader';

export { TARGET_CATEGORIES as CATEGORIES } from '../../../../shared/domain/targets';

type Input<N extends OperationName> = OperationInput<N>;

// ---------- 年度党建目标 ----------

interface PlanState extends LoadState {
  year: number | null;
  plan: TargetPlan | null;
  load(year: number): Promise<void>;
  save(input: Input<'targetPlans.save'>): Promise<TargetPlan>;
  copyLastYear(year: number): Promise<TargetPlan>;
}

export const usePlanStore = create<PlanState>((set, get) => {
  let year = 0;
  const loader = createLoader<PlanState>(set, async () => ({ year, plan: await api().call('targetPlans.get', { year }) }));
  return {
    ...NOT_LOADED,
    year: null,
    plan: null,
    load: (y) => {
      year = y;
      return loader();
    },
    async save(input) {
      const plan = await api().call('targetPlans.save', input);
      if (get().year === input.year) set({ plan });
      return plan;
    },
    async copyLastYear(y) {
      const plan = await api().call('targetPlans.copyLastYear', { year: y });
      if (get().year === y) set({ plan });
      return plan;
    },
  };
});

// ---------- 岗位目标模板 ----------

interface TemplatesState extends LoadState {
  templates: PostTemplate[];
  /** The posts of the code list (岗位), in its order. */
  posts: string[];
  load(): Promise<void>;
  save(input: Input<'postTemplates.save'>): Promise<PostTemplate>;
  remove(id: string): Promise<void>;
}

export const useTemplatesStore = create<TemplatesState>((set, get) => ({
  ...NOT_LOADED,
  templates: [],
  posts: [],
  load: createLoader<TemplatesState>(set, async () => {
    const [templates, posts] = await Promise.all([api().call('postTemplates.list', {}), api().call('codeLists.options', { kind: 'posts' })]);
    return { templates, posts };
  }),
  async save(input) {
    const saved = await api().call('postTemplates.save', input);
    await get().load();
    return saved;
  },
  async remove(id) {
    await api().call('postTemplates.delete', { id });
    await get().load();
  },
}));

// ---------- 目标责任书 ----------

interface LettersState extends LoadState {
  year: number | null;
  letters: LetterSummary[];
  load(year: number): Promise<void>;
  generate(year: number): Promise<GenerateLettersResult>;
  get(id: string): Promise<Letter>;
  update(input: Input<'targetLetters.update'>): Promise<Letter>;
  regenerate(id: string): Promise<Letter>;
  remove(id: string): Promise<void>;
}

export const useLettersStore = create<LettersState>((set, get) => {
  let year = 0;
  const loader = createLoader<LettersState>(set, async () => ({ year, letters: await api().call('targetLetters.list', { year }) }));
  const reload = () => (get().year === null ? Promise.resolve() : get().load(get().year!));
  return {
    ...NOT_LOADED,
    year: null,
    letters: [],
    load: (y) => {
      year = y;
      return loader();
    },
    async generate(y) {
      const result = await api().call('targetLetters.generate', { year: y });
      await get().load(y);
      return result;
    },
    get: (id) => api().call('targetLetters.get', { id }),
    async update(input) {
      const letter = await api().call('targetLetters.update', input);
      await reload();
      return letter;
    },
    async regenerate(id) {
      const letter = await api().call('targetLetters.regenerate', { id });
      await reload();
      return letter;
    },
    async remove(id) {
      await api().call('targetLetters.delete', { id });
      await reload();
    },
  };
});

// ---------- 示范责任区 ----------

interface ZonesState extends LoadState {
  zones: Zone[];
  load(): Promise<void>;
  save(input: Input<'zones.save'>): Promise<Zone>;
  remove(id: string): Promise<void>;
  addRecord(input: Input<'zones.addRecord'>): Promise<Zone>;
  deleteRecord(id: string): Promise<Zone>;
}

export const useZonesStore = create<ZonesState>((set, get) => ({
  ...NOT_LOADED,
  zones: [],
  load: createLoader<ZonesState>(set, async () => ({ zones: await api().call('zones.list', {}) })),
  async save(input) {
    const zone = await api().call('zones.save', input);
    await get().load();
    return zone;
  },
  async remove(id) {
    await api().call('zones.delete', { id });
    await get().load();
  },
  async addRecord(input) {
    const zone = await api().call('zones.addRecord', input);
    await get().load();
    return zone;
  },
  async deleteRecord(id) {
    const zone = await api().call('zones.deleteRecord', { id });
    await get().load();
    return zone;
  },
}));

// ---------- 立项攻关 ----------

interface ProjectsState extends LoadState {
  year: number | null;
  projects: Project[];
  load(year: number): Promise<void>;
  save(input: Input<'projects.save'>): Promise<Project>;
  remove(id: string): Promise<void>;
  addNote(input: Input<'projects.addNote'>): Promise<Project>;
  deleteNote(id: string): Promise<Project>;
}

export const useProjectsStore = create<ProjectsState>((set, get) => {
  let year = 0;
  const loader = createLoader<ProjectsState>(set, async () => ({ year, projects: await api().call('projects.list', { year }) }));
  const reload = () => (get().year === null ? Promise.resolve() : get().load(get().year!));
  return {
    ...NOT_LOADED,
    year: null,
    projects: [],
    load: (y) => {
      year = y;
      return loader();
    },
    async save(input) {
      const project = await api().call('projects.save', input);
      await reload();
      return project;
    },
    async remove(id) {
      await api().call('projects.delete', { id });
      await reload();
    },
    async addNote(input) {
      const project = await api().call('projects.addNote', input);
      await reload();
      return project;
    },
    async deleteNote(id) {
      const project = await api().call('projects.deleteNote', { id });
      await reload();
      return project;
    },
  };
});

// ---------- 考核 (评分 and 汇总 share the summary: the list of letters with their status) ----------

interface SummaryState extends LoadState {
  summary: AssessmentSummary | null;
  load(year: number, period: AssessmentPeriod): Promise<void>;
  /** Reads the summary again for the year and period last loaded. */
  reload(): Promise<void>;
}

export const useSummaryStore = create<SummaryState>((set, get) => {
  let asked: { year: number; period: AssessmentPeriod } = { year: 0, period: 'final' };
  const loader = createLoader<SummaryState>(set, async () => ({ summary: await api().call('assessments.summary', asked) }));
  return {
    ...NOT_LOADED,
    summary: null,
    load: (year, period) => {
      asked = { year, period };
      return loader();
    },
    reload: () => (get().loaded || get().loading ? loader() : Promise.resolve()),
  };
});

// ---------- 评先评优 ----------

interface CommendationsState extends LoadState {
  year: number | null;
  commendations: Commendation[];
  proposals: CommendationProposal[];
  titles: string[];
  load(year: number): Promise<void>;
  save(input: Input<'commendations.save'>): Promise<Commendation>;
  remove(id: string): Promise<void>;
}

export const useCommendationsStore = create<CommendationsState>((set, get) => {
  let year = 0;
  const loader = createLoader<CommendationsState>(set, async () => {
    const [commendations, proposals, titles] = await Promise.all([
      api().call('commendations.list', { year }),
      api().call('commendations.propose', { year }),
      api().call('codeLists.options', { kind: 'honorTitles' }),
    ]);
    return { year, commendations, proposals, titles };
  });
  return {
    ...NOT_LOADED,
    year: null,
    commendations: [],
    proposals: [],
    titles: [],
    load: (y) => {
      year = y;
      return loader();
    },
    async save(input) {
      const saved = await api().call('commendations.save', input);
      await get().load(input.year);
      return saved;
    },
    async remove(id) {
      await api().call('commendations.delete', { id });
      if (get().year !== null) await get().load(get().year!);
    },
  };
});

/** Reads again what the screens have loaded (after a hand-over import or a restore changed the database). */
export async function reloadTargets(): Promise<void> {
  const again: Promise<void>[] = [];
  const plan = usePlanStore.getState();
  if (plan.loaded && plan.year !== null) again.push(plan.load(plan.year));
  if (useTemplatesStore.getState().loaded) again.push(useTemplatesStore.getState().load());
  const letters = useLettersStore.getState();
  if (letters.loaded && letters.year !== null) again.push(letters.load(letters.year));
  if (useZonesStore.getState().loaded) again.push(useZonesStore.getState().load());
  const projects = useProjectsStore.getState();
  if (projects.loaded && projects.year !== null) again.push(projects.load(projects.year));
  again.push(useSummaryStore.getState().reload());
  const commendations = useCommendationsStore.getState();
  if (commendations.loaded && commendations.year !== null) again.push(commendations.load(commendations.year));
  await Promise.all(again);
}
