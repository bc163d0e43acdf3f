// Firefox smoke test: the Firefox build (.output/firefox-mv3) in headless Firefox ESR, no driver.
// Three tabs are opened from the command line: Skatteverket under its real hostname, a campaign
// site that only its footer's organisation number ties to Försäkringskassan, and a commercial .se
// page. What Firefox does is read from the wire: the registry stub (the same one the Chromium E2E
// uses) must receive the datasets-and-APIs search of exactly the two public bodies, in the shape
// the real registry answers, and the proxy must have been asked for nothing but the fixture sites
// and admin.dataportal.se. The popup UI is not checked here (no driver can open it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REGISTRY_HOST, ROOT, startSites, type SiteServer } from '../e2e/harness';
import { startRegistryStub, type RegistryStub } from '../support/registry-stub';
import { EXPECTED, ORGS } from '../support/registry-data';
import { publisherFacetPath, publisherItemsPath } from '../../lib/registry/client';
import { FIRST_PAGE } from '../../lib/background/service';
import { addonState, makeProfile, makeTrustedCert, profilePrefs, requireTools, startFirefox, startProxy, type FirefoxRun, type Proxy, type TrustedTls } from './firefox';

const EXT_DIR = path.join(ROOT, '.output', 'firefox-mv3');
const AGENCY = 'www.skatteverket.se';
/** Not Försäkringskassan's homepage on dataportal.se: only the detector's footer read names the body. */
const BY_PAGE_ONLY = 'www.foraldrapenning-exempel.se';
const COMMERCIAL = 'www.handelsbolaget-exempel.se';
const PAGE_HOSTS = [AGENCY, BY_PAGE_ONLY, COMMERCIAL];
/** Firefox's own services: refused by the proxy like everything else, but not the add-on's doing. */
const FIREFOX_OWN = /(^|\.)(mozilla\.(com|org|net)|mozilla-backup\.org|firefox\.com)$/;

const WAIT_MS = 30_000;
/** After the expected searches: time for a late or duplicate request to show up. */
const SETTLE_MS = 1000;

/** EntryStore's Solr field for a predicate: `metadata.predicate.uri.` + the first 8 hex of its MD5. */
const uriField = (predicate: string): string => `metadata.predicate.uri.${createHash('md5').update(predicate).digest('hex').slice(0, 8)}`;
const PUBLISHER_FIELD = uriField('http://purl.org/dc/terms/publisher');

const params = (u: URL): string => [...u.searchParams].map(([k, v]) => `${k}=${v}`).sort().join('&');
/** Same path and the same decoded parameters as the client's request `pathAndQuery` (relative to /store). */
function isRequest(u: URL, pathAndQuery: string): boolean {
  const want = new URL(`https://${REGISTRY_HOST}/store${pathAndQuery}`);
  return u.pathname === want.pathname && params(u) === params(want);
}

/** Replays a request against the stub (as admin.dataportal.se, trusting the test CA): status and result count. */
function replay(stub: RegistryStub, u: URL, ca: string): Promise<{ status: number; results?: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: stub.port, path: u.pathname + u.search, servername: REGISTRY_HOST, headers: { host: REGISTRY_HOST }, ca },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          let results: number | undefined;
          try {
            results = (JSON.parse(body) as { results?: number }).results;
          } catch {
            results = undefined;
          }
          resolve({ status: res.statusCode ?? 0, results });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('Firefox smoke test (headless Firefox ESR, Firefox build)', () => {
  let dir = '';
  let tls: TrustedTls;
  let sites: SiteServer | undefined;
  let registry: RegistryStub | undefined;
  let proxy: Proxy | undefined;
  let ff: FirefoxRun | undefined;
  let addonId = '';
  let hostPermissions: string[] = [];
  let state: Awaited<ReturnType<typeof addonState>> = {};
  /** When each registry request arrived, in ms after Firefox was started. */
  const arrivedAt = new Map<URL, number>();
  let firefoxOutput = '';
  let removeOnExit: (() => void) | undefined;

  const itemsOf = (uri: string): string => publisherItemsPath({ publisherUri: uri, ...FIRST_PAGE });
  const searchesFor = (uri: string): URL[] => (registry?.requests ?? []).filter((u) => isRequest(u, itemsOf(uri)));

  /** Everything a failure message needs to be understood without re-running. */
  const diagnostics = (): string =>
    [
      `registry requests: ${registry?.requests.length ?? 0}`,
      ...(registry?.requests ?? []).map((u) => `  ${arrivedAt.get(u) ?? '?'} ms  ${decodeURIComponent(u.pathname + u.search).slice(0, 400)}`),
      `proxy tunnelled: ${proxy?.tunnelled.join(', ') || '(nothing)'}`,
      `proxy refused: ${proxy?.refused.join(', ') || '(nothing)'}`,
      `fixture pages served: ${sites?.requests.join(', ') || '(nothing)'}`,
      `add-on in profile: ${JSON.stringify(state)}`,
      `Firefox output (tail):\n${firefoxOutput.split('\n').slice(-30).join('\n')}`,
    ].join('\n');

  before(async () => {
    const { firefox } = requireTools();
    const manifestFile = path.join(EXT_DIR, 'manifest.json');
    if (!existsSync(manifestFile)) throw new Error(`No Firefox build in ${EXT_DIR}: run \`npx wxt build -b firefox\` first`);
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
      host_permissions?: string[];
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    addonId = manifest.browser_specific_settings?.gecko?.id ?? '';
    if (!addonId) throw new Error('The Firefox build has no browser_specific_settings.gecko.id');
    hostPermissions = manifest.host_permissions ?? [];

    dir = await mkdtemp(path.join(tmpdir(), 'insyn-firefox-'));
    // Interrupted runs (Ctrl-C) skip `after`: stop Firefox and remove the profile on the way out too.
    const tmp = dir;
    removeOnExit = () => {
      ff?.killNow();
      try {
        rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // best effort
      }
    };
    process.once('exit', removeOnExit);
    tls = makeTrustedCert(dir, [...PAGE_HOSTS, REGISTRY_HOST]);
    sites = await startSites(tls);
    registry = await startRegistryStub({ https: tls });
    proxy = await startProxy({
      ...Object.fromEntries(PAGE_HOSTS.map((h) => [h, (sites as SiteServer).port])),
      [REGISTRY_HOST]: registry.port,
    });
    const profile = path.join(dir, 'profile');
    await makeProfile(profile, { caFile: tls.caFile, extDir: EXT_DIR, addonId, prefs: profilePrefs(proxy.port) });

    const t0 = Date.now();
    ff = startFirefox(firefox, profile, PAGE_HOSTS.map((h) => `https://${h}/`));
    const run = ff;
    const stub = registry;
    /** Polls until `stop` (or Firefox's exit, or the deadline), noting when each registry request arrived. */
    const watch = async (stop: () => boolean, deadline: number): Promise<void> => {
      for (;;) {
        for (const u of stub.requests) if (!arrivedAt.has(u)) arrivedAt.set(u, Date.now() - t0);
        if (stop() || run.exited || Date.now() >= deadline) return;
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    // Wait for both public bodies' searches, then a little more for late or duplicate requests.
    const done = (): boolean => searchesFor(ORGS.skatteverket.uri).length > 0 && searchesFor(ORGS.forsakringskassan.uri).length > 0;
    await watch(done, t0 + WAIT_MS);
    if (done()) await watch(() => false, Date.now() + SETTLE_MS);
    const exitedEarly = ff.exited;
    const tStop = Date.now();
    await ff.stop();
    const stopMs = Date.now() - tStop;
    firefoxOutput = ff.output();
    state = await addonState(profile, addonId);
    if (exitedEarly) throw new Error(`Firefox exited before the test was done.\n${diagnostics()}`);
    const at = (uri: string): number | undefined => {
      const u = searchesFor(uri)[0];
      return u && arrivedAt.get(u);
    };
    const skv = at(ORGS.skatteverket.uri);
    const fk = at(ORGS.forsakringskassan.uri);
    console.log(
      `# Firefox: Skatteverket's search ${skv ?? '–'} ms, Försäkringskassan's ${fk ?? '–'} ms after start` +
        `${done() ? '' : ` (TIMED OUT after ${WAIT_MS} ms)`}; stopped in ${stopMs} ms; whole run ${Date.now() - t0} ms`,
    );
  }, { timeout: 90_000 });

  after(async () => {
    await ff?.stop().catch(() => undefined);
    await proxy?.close();
    await registry?.close();
    await sites?.close();
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    if (removeOnExit) process.off('exit', removeOnExit);
  });

  it('installs the unsigned add-on from .output/firefox-mv3 and grants its MV3 host permissions at install', () => {
    assert.equal(state.active, true, `the add-on is not active in Firefox.\n${diagnostics()}`);
    assert.equal(state.location, 'app-profile');
    assert.equal(state.rootURI, pathToFileURL(EXT_DIR).href + '/', 'loaded from the build folder');
    // Firefox ESR grants MV3 host_permissions at install (extensions.originControls.grantByDefault).
    assert.deepEqual([...(state.grantedOrigins ?? [])].sort(), [...hostPermissions].sort(), `granted origins.\n${diagnostics()}`);
  });

  it("on www.skatteverket.se the background asks the registry for Skatteverket's datasets and APIs", async () => {
    const found = searchesFor(ORGS.skatteverket.uri);
    assert.equal(found.length, 1, `exactly one search for Skatteverket's items.\n${diagnostics()}`);
    const u = found[0] as URL;
    // The request shape, spelled out (independently of the client's query builder).
    assert.equal(u.pathname, '/store/search');
    assert.equal(u.searchParams.get('type'), 'solr');
    assert.equal(u.searchParams.get('limit'), String(FIRST_PAGE.limit));
    assert.equal(u.searchParams.get('offset') ?? '0', String(FIRST_PAGE.offset), 'offset (absent means 0)');
    assert.equal(u.searchParams.get('sort'), 'modified desc');
    const q = u.searchParams.get('query') ?? '';
    assert.ok(q.startsWith('public:true AND '), q);
    for (const type of ['http\\://www.w3.org/ns/dcat#Dataset', 'http\\://entryscape.com/terms/IndependentDataService', 'http\\://www.w3.org/ns/dcat#DatasetSeries']) {
      assert.ok(q.includes(`rdfType:${type}`), `${type} in ${q}`);
    }
    assert.ok(q.includes(`${PUBLISHER_FIELD}:http\\://dataportal.se/organisation/SE2021005448`), `publisher clause in ${q}`);
    // And the registry answers it with Skatteverket's items.
    const r = await replay(registry as RegistryStub, u, await readFile(tls.caFile, 'utf8'));
    assert.deepEqual(r, { status: 200, results: EXPECTED.skatteverket.listedItems });
  });

  it('the detector runs: a page tied to its body only by the org number in its footer gets that body searched', async () => {
    // www.foraldrapenning-exempel.se is no publisher's homepage: hostname matching alone finds
    // nothing, so this search can only come from the content script's signals message.
    const found = searchesFor(ORGS.forsakringskassan.uri);
    assert.equal(found.length, 1, `exactly one search for Försäkringskassan's items.\n${diagnostics()}`);
    const r = await replay(registry as RegistryStub, found[0] as URL, await readFile(tls.caFile, 'utf8'));
    assert.deepEqual(r, { status: 200, results: EXPECTED.forsakringskassan.listedItems });
  });

  it('a commercial .se page causes no registry request; the registry hears only the directory and the two searches', () => {
    assert.ok(sites?.requests.includes(`${COMMERCIAL}/`), `the commercial page was loaded.\n${diagnostics()}`);
    const expected = [itemsOf(ORGS.skatteverket.uri), itemsOf(ORGS.forsakringskassan.uri)];
    const facet = publisherFacetPath();
    const other = (registry?.requests ?? []).filter(
      (u) =>
        !expected.some((e) => isRequest(u, e)) &&
        !isRequest(u, facet) &&
        // The directory's publisher look-up (query C): `public:true AND (resource:… OR …)`.
        !/^public:true AND \(resource:[^()]*\)$/.test(u.searchParams.get('query') ?? ''),
    );
    assert.deepEqual(other.map((u) => decodeURIComponent(u.search)), [], `unexpected registry requests.\n${diagnostics()}`);
    assert.ok((registry?.requests ?? []).some((u) => isRequest(u, facet)), 'the publisher directory was loaded at install');
  });

  it('nothing else leaves Firefox, and the registry never hears a page address', (t) => {
    const hosts = new Set((proxy?.tunnelled ?? []).map((h) => h.replace(/:443$/, '')));
    assert.deepEqual([...hosts].sort(), [...PAGE_HOSTS, REGISTRY_HOST].sort(), `hosts reached.\n${diagnostics()}`);
    const refused = (proxy?.refused ?? []).filter((r) => !FIREFOX_OWN.test(/^(?:CONNECT (\S+):\d+|\S+ https?:\/\/([^/:]+))/.exec(r)?.slice(1).find(Boolean) ?? ''));
    assert.deepEqual(refused, [], `requests to other hosts.\n${diagnostics()}`);
    if (proxy?.refused.length) t.diagnostic(`Firefox's own requests, refused: ${proxy.refused.join(', ')}`);
    for (const u of registry?.requests ?? []) {
      assert.doesNotMatch(decodeURIComponent(u.href), /skatteverket\.se|foraldrapenning|handelsbolaget/, u.href);
    }
  });
});
