// zod must be in jitless mode before any schema is built: extension pages run under a CSP without
// 'unsafe-eval', where zod's `new Function` probe logs a violation. Entrypoints no longer import the
// setup (the popup's first content loads no zod at all), so every module that builds schemas does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('zod setup', () => {
  const files = ['lib', 'components', 'entrypoints'].flatMap((d) => sources(path.join(ROOT, d)));
  const users = files.filter((f) => /^import (?!type)[^;]*from 'zod(\/[^']*)?';/m.test(readFileSync(f, 'utf8')));

  it('finds the modules that use zod at run time', () => {
    expect(users.length).toBeGreaterThan(10);
  });

  it.each(users.filter((f) => !f.endsWith('zod-setup.ts')).map((f) => [path.relative(ROOT, f)]))('%s imports lib/zod-setup before zod', (rel) => {
    const text = readFileSync(path.join(ROOT, rel), 'utf8');
    const setup = text.search(/^import '(\.\.?\/)+(lib\/)?zod-setup';/m);
    const zod = text.search(/^import (?!type)[^;]*from 'zod(\/[^']*)?';/m);
    expect(setup).toBeGreaterThanOrEqual(0);
    expect(setup).toBeLessThan(zod);
  });

  it('the popup and the detector entry do not import zod directly', () => {
    for (const f of ['entrypoints/popup/main.tsx', 'entrypoints/detector.content.ts']) {
      expect(readFileSync(path.join(ROOT, f), 'utf8')).not.toMatch(/from 'zod'|zod-setup/);
    }
  });
});
