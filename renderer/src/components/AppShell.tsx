/**
 * The main layout: the header with the branch name, the grouped menu, a breadcrumb and the current screen.
 * Header and menu stay in place while the page scrolls. Everything comes from the capabilities' declarations
 * (features/index.ts); each screen's code loads when it is first opened.
 */
import { Breadcrumb, Layout, Menu, type MenuProps } from 'antd';
import { lazy, Suspense, useEffect, useMemo, type ComponentType, type LazyExoticComponent } from 'react';
import { useAppStore } from '../stores/appStore';
import { CAPABILITIES, SCREENS } from '../features';
import { MENU_GROUPS, type MenuGroupKey, type ScreenEntry } from '../features/capability';
import { navigate, routeHref, useRoute } from '../app/router';
import { homeScreen, openScreen, screenOfRoute } from '../app/screens';
import { PageError, PageLoading } from './PageLoading';
import { stringList, usePreference, usePreferencesStore } from '../stores/preferencesStore';

const PAGES = new Map<string, LazyExoticComponent<ComponentType>>(SCREENS.map((s) => [s.key, lazy(s.page)]));

const CLOSED_GROUPS_KEY = 'branch-desk-menu-closed';
const alwaysShown = () => true;
/** One hook per screen, in a fixed order (the list never changes while the app runs). */
const SHOWN_HOOKS = SCREENS.map((s) => s.useShown ?? alwaysShown);

function groupLabel(key: MenuGroupKey): string {
  return MENU_GROUPS.find((g) => g.key === key)!.label;
}


function menuItem(s: ScreenEntry): NonNullable<MenuProps['items']>[number] {
  const Icon = s.icon;
  return { key: s.key, label: s.label, icon: <Icon aria-hidden="true" /> };
}

/** 首页's group holds a single screen and is shown as a plain item; every other group folds. */
function menuItems(shown: readonly ScreenEntry[]): MenuProps['items'] {
  return MENU_GROUPS.flatMap((g) => {
    const screens = shown.filter((s) => s.group === g.key).sort((a, b) => a.order - b.order);
    if (screens.length === 0) return [];
    if (g.key === 'home') return screens.map(menuItem);
    return [{ key: `group:${g.key}`, label: g.label, children: screens.map(menuItem) }];
  });
}

function ShellMenu({ current }: { current: ScreenEntry }) {
  const shownFlags = SHOWN_HOOKS.map((useShown) => useShown());
  const shown = useMemo(() => SCREENS.filter((_, i) => shownFlags[i]), [shownFlags.join()]); // eslint-disable-line react-hooks/exhaustive-deps
  // Kept by main, as the lists' columns are (preferencesStore).
  const closed = stringList(usePreference(CLOSED_GROUPS_KEY)) ?? [];
  const currentGroup = `group:${current.group}`;
  // The group of the screen shown is always open, so its item is visible.
  const openKeys = MENU_GROUPS.map((g) => `group:${g.key}`).filter((k) => k === currentGroup || !closed.includes(k));

  const onOpenChange = (keys: string[]) => {
    const next = MENU_GROUPS.map((g) => `group:${g.key}`).filter((k) => !keys.includes(k));
    usePreferencesStore.getState().set(CLOSED_GROUPS_KEY, next);
  };

  return (
    <nav aria-label="主菜单">
      <Menu
        mode="inline"
        selectedKeys={[current.key]}
        openKeys={openKeys}
        onOpenChange={onOpenChange}
        items={menuItems(shown)}
        onClick={(e) => openScreen(e.key)}
        inlineIndent={20}
        className="app-menu"
      />
    </nav>
  );
}

function Crumbs({ screen }: { screen: ScreenEntry }) {
  const home = homeScreen();
  const items =
    screen.key === home.key
      ? [{ title: home.label }]
      : [{ title: home.label, href: routeHref(home.path) }, { title: groupLabel(screen.group) }, { title: screen.label }];
  return (
    <nav aria-label="当前位置" className="app-breadcrumb">
      <Breadcrumb items={items} />
    </nav>
  );
}

export function AppShell() {
  const route = useRoute();
  const branchName = useAppStore((s) => s.branch?.name ?? '');
  const screen = screenOfRoute(route) ?? homeScreen();
  const Page = PAGES.get(screen.key)!;

  useEffect(() => {
    for (const c of CAPABILITIES) c.start?.();
  }, []);

  // An address that names no screen (first start, an old link) shows 首页, and says so in the address bar.
  useEffect(() => {
    if (!screenOfRoute(route)) navigate(homeScreen().path, {}, { replace: true });
  }, [route]);

  useEffect(() => {
    document.title = `${screen.label} — 支部工作台`;
  }, [screen]);

  return (
    <Layout className="app-layout">
      <header className="app-header">
        <h1>{branchName || '支部工作台'}</h1>
        <span className="app-name">支部工作台</span>
      </header>
      <Layout hasSider className="app-body">
        <Layout.Sider width={208} className="app-sider" theme="light">
          <ShellMenu current={screen} />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Crumbs screen={screen} />
          <div aria-labelledby="page-title" role="region">
            <PageError key={screen.key} label={screen.label}>
              <Suspense fallback={<PageLoading label={screen.label} />}>
                <Page />
              </Suspense>
            </PageError>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
