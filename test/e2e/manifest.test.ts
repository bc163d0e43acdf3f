// Least privilege, pinned: the exact permissions, hosts, content-script matches and CSP of both
// builds. A change here must be deliberate (and explained in README's permission table).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './harness';

async function manifest(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(ROOT, '.output', dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

const HOSTS = ['https://admin.dataportal.se/*', '*://*.se/*', '*://*.stockholm/*'];

describe('manifest', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    it(`${dir}: permissions, hosts and content scripts are exactly the reviewed ones`, async () => {
      const m = await manifest(dir);
      assert.equal(m.manifest_version, 3);
      assert.deepEqual(m.permissions, ['storage', 'activeTab', 'scripting', 'alarms']);
      assert.deepEqual(m.host_permissions, HOSTS);
      assert.deepEqual(m.optional_host_permissions, ['https://*/*', 'http://*/*']);
      assert.deepEqual(
        (m.content_scripts as { matches: string[]; js: string[]; run_at: string; all_frames: boolean }[]).map((c) => ({
          matches: c.matches,
          js: c.js,
          run_at: c.run_at,
          all_frames: c.all_frames,
        })),
        [{ matches: ['*://*.se/*', '*://*.stockholm/*'], js: ['content-scripts/detector.js'], run_at: 'document_idle', all_frames: false }],
      );
      // No remote code, no loosened CSP, no web page may message the extension.
      assert.equal(m.content_security_policy, undefined, 'the browser default CSP (no unsafe-eval, no remote scripts)');
      assert.equal(m.externally_connectable, undefined);
      assert.equal(m.web_accessible_resources, undefined);
    });
  }

  it('firefox only: gecko id and no data collection; chrome has no gecko settings', async () => {
    const ff = await manifest('firefox-mv3');
    const gecko = (ff.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    assert.equal(gecko.id, 'insyn@insyn.se');
    assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
    assert.equal((await manifest('chrome-mv3')).browser_specific_settings, undefined);
  });

  it('no bundle loads code from elsewhere or evaluates strings', async () => {
    const dir = path.join(ROOT, '.output', 'chrome-mv3');
    const files: string[] = [];
    for (const sub of ['', 'chunks', 'content-scripts']) {
      for (const f of await readdir(path.join(dir, sub)).catch(() => [])) if (f.endsWith('.js')) files.push(path.join(dir, sub, f));
    }
    for (const f of files) {
      const src = await readFile(f, 'utf8');
      assert.doesNotMatch(src, /\bimportScripts\s*\(\s*['"]https?:/, f);
      assert.doesNotMatch(src, /import\(\s*['"]https?:/, f);
      assert.doesNotMatch(src, /\beval\s*\(/, f);
    }
  });
});
