/** The architecture's boundaries, checked on every import of every source file. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs|js)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found
    .filter((m) => !/^import\s+type\b|^export\s+type\b/.test(m[0]))
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .map((spec) => (spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec)) : spec));
}

const NODE_BUILTIN = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|url$|util$|worker_threads$)/;

describe('architecture boundaries', () => {
  it('shared/ imports nothing platform-specific', () => {
    for (const file of sources('shared')) {
      for (const spec of imports(file)) {
        expect(NODE_BUILTIN.test(spec) || spec === 'electron' || spec.startsWith('react') || /^(main|renderer)\//.test(spec), `${file} imports ${spec}`).toBe(false);
      }
    }
  });

  it('only main/electron imports electron at run time', () => {
    for (const dir of ['main', 'shared', 'renderer', 'scripts']) {
      for (const file of sources(dir)) {
        if (file.startsWith(path.join('main', 'electron') + path.sep)) continue;
        expect(imports(file), file).not.toContain('electron');
      }
    }
  });

  it('the renderer never imports main/ or Node built-ins', () => {
    for (const file of sources('renderer/src')) {
      for (const spec of imports(file)) {
        expect(spec.startsWith('main/') || NODE_BUILTIN.test(spec), `${file} imports ${spec}`).toBe(false);
      }
    }
  });

  it('main/ never imports the renderer', () => {
    for (const file of sources('main')) {
      expect(imports(file).some((s) => s.startsWith('renderer/')), file).toBe(false);
    }
  });

  it('finds the imports it checks (the checker itself works)', () => {
    expect(imports(path.join('main', 'dispatcher.ts'))).toContain(path.join('shared', 'contract', 'operations'));
  });
});
