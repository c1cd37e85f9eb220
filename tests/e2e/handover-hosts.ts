/**
 * More hosts for the hand-over, backup and committee tests: each with its own data folder, like the
 * fixture's host, stopped and removed by `stop()`. Packages travel between them as files.
 */
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, guardPage, hostClient, startHost, stopHost, type Host } from './fixtures';


export interface ExtraHost extends Host {
  stop(): Promise<void>;
}

/** A host on a new data folder, or on `existingDataDir` (prepared by the test). */
export async function launchHost(existingDataDir?: string): Promise<ExtraHost> {
  const dataDir = existingDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-e2e-'));
  const { child, openUrl } = await startHost(dataDir);
  const stop = async () => {
    await stopHost(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { ...hostClient(openUrl, dataDir), stop };
}

/**
 * A folder of its own for a test's package files (not the test's output folder: another Playwright run
 * on the same checkout empties that when it starts). Removed by the returned function.
 */
export function packageFolder(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-desk-packages-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A package written to a file, for the file chooser. */
export function packageFile(dir: string, pkg: { fileName: string; data: string }, name = pkg.fileName): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(pkg.data, 'base64'));
  return file;
}

/** Picks a package file on the 导入交接包 panel. */
export async function choosePackage(page: Page, file: string): Promise<void> {
  await page.getByTestId('package-file').setInputFiles(file);
}

export async function goTo(page: Page, menu: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: menu }).click();
  await expect(page.getByRole('heading', { level: 2, name: menu })).toBeVisible();
}

/** A second page on another host's origin, guarded like the fixture's page: nothing may leave that origin. */
export async function guardedPage(page: Page, host: Host) {
  const other = await page.context().newPage();
  const offsite: string[] = [];
  const errors: string[] = [];
  await guardPage(other, host, offsite, errors);
  return { page: other, offsite, errors };
}

