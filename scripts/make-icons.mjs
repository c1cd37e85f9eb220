#!/usr/bin/env node
/**
 * Renders assets/icon.svg into the PNG and ICO files the app and its installers use; run by hand
 * after changing the SVG, and commit what it writes (nothing here runs at build or run time):
 *   assets/icon.png              1024 px  (electron-builder's source for every platform)
 *   assets/icons/<N>x<N>.png     16…512   (Linux: electron-builder's icon set for deb and AppImage)
 *   assets/icon.ico              16, 24, 32, 48, 64, 128, 256 (Windows: the exe, installer and shortcuts)
 *   renderer/public/favicon.png  64 px    (the browser host's tab icon; vite copies it into dist/renderer)
 * Rendering: headless Chromium through Playwright (CHROMIUM, default /usr/bin/chromium).
 * Usage: node scripts/make-icons.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASSETS = path.join(ROOT, 'assets');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const FAVICON_SIZE = 64;
/** At this size and below the rim and the lines of text blur into noise: they are left out. */
const SMALL = 32;

/** PNG bytes of the SVG drawn at size×size, on a transparent background. */
async function renderer() {
  const svg = fs.readFileSync(path.join(ASSETS, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    const style = size <= SMALL ? '<style>.detail{display:none}</style>' : '';
    await page.setContent(`<!doctype html><html><head>${style}</head><body style="margin:0;background:transparent">${sized}</body></html>`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  return { render, close: () => browser.close() };
}

/**
 * An .ico holding PNG images (Windows Vista and later read PNG entries at every size):
 * ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNGs.
 */
export function icoOf(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width; 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main() {
  const { render, close } = await renderer();
  try {
    const png = new Map();
    for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES, FAVICON_SIZE, 1024])) png.set(size, await render(size));
    fs.mkdirSync(path.join(ASSETS, 'icons'), { recursive: true });
    fs.writeFileSync(path.join(ASSETS, 'icon.png'), png.get(1024));
    for (const size of LINUX_SIZES) fs.writeFileSync(path.join(ASSETS, 'icons', `${size}x${size}.png`), png.get(size));
    fs.writeFileSync(path.join(ASSETS, 'icon.ico'), icoOf(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
    fs.mkdirSync(path.join(ROOT, 'renderer', 'public'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'renderer', 'public', 'favicon.png'), png.get(FAVICON_SIZE));
    console.log(`assets: icon.png, icons/${LINUX_SIZES.join('|')}, icon.ico (${ICO_SIZES.join(', ')}), renderer/public/favicon.png`);
  } finally {
    await close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
