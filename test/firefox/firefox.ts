// Firefox smoke-test harness: headless Debian Firefox ESR with the built add-on, no driver.
// Playwright cannot drive Firefox ESR (its WebDriver BiDi path needs a newer Firefox), so the test
// watches the network instead. Everything Firefox fetches goes through a small local proxy
// (network.proxy.* prefs): CONNECT to a fixture host or to admin.dataportal.se is piped to the
// local TLS servers, everything else is refused and recorded, so nothing reaches the internet
// and the test can see that nothing else was asked for. The servers' certificate is issued by a
// throwaway CA that is trusted only in the temporary profile's NSS database (certutil).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { constants } from 'node:os';
import path from 'node:path';
import type { TlsMaterial } from '../e2e/harness';

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Firefox ESR (Debian `firefox-esr`), or the binary INSYN_FIREFOX names (which must then exist). */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.INSYN_FIREFOX;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return FIREFOX_CANDIDATES.find((p) => existsSync(p));
}

function onPath(bin: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, bin)));
}

/** Throws a message that says what to install when a tool the test needs is missing. */
export function requireTools(): { firefox: string } {
  const firefox = findFirefox();
  const missing: string[] = [];
  if (!firefox) missing.push('Firefox ESR (Debian: `apt-get install firefox-esr`, or set INSYN_FIREFOX=/path/to/firefox)');
  if (!onPath('certutil')) missing.push('certutil (Debian: `apt-get install libnss3-tools`)');
  if (!onPath('openssl')) missing.push('openssl (Debian: `apt-get install openssl`)');
  if (missing.length) throw new Error(`The Firefox smoke test needs:\n  - ${missing.join('\n  - ')}`);
  return { firefox: firefox as string };
}

export interface TrustedTls extends TlsMaterial {
  /** PEM file of the CA that issued `cert`. */
  caFile: string;
}

/** A throwaway CA and a server certificate for `hosts` (Firefox checks the SAN, not the CN). */
export function makeTrustedCert(dir: string, hosts: readonly string[]): TrustedTls {
  const f = (n: string): string => path.join(dir, n);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const run = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'pipe' });
  run(['req', '-x509', ...ec, '-days', '2', '-subj', '/CN=Insyn test CA', '-keyout', f('ca.key'), '-out', f('ca.pem'),
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run(['req', '-new', ...ec, '-subj', '/CN=insyn-test', '-keyout', f('key.pem'), '-out', f('leaf.csr')]);
  const ext = [
    `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature',
    'extendedKeyUsage=serverAuth',
  ].join('\n');
  writeFileSync(f('leaf.ext'), `${ext}\n`);
  run(['x509', '-req', '-in', f('leaf.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-days', '2',
    '-out', f('cert.pem'), '-extfile', f('leaf.ext')]);
  return { key: readFileSync(f('key.pem'), 'utf8'), cert: readFileSync(f('cert.pem'), 'utf8'), caFile: f('ca.pem') };
}

export interface Proxy {
  port: number;
  /** `host:port` of every CONNECT that was piped through, in order. */
  tunnelled: string[];
  /** What was refused: `CONNECT host:port` or `GET http://…`, in order. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that pipes `CONNECT host:443` to `routes[host]` (a port on 127.0.0.1) and answers
 * 403 to everything else, recording it.
 */
export async function startProxy(routes: Readonly<Record<string, number>>): Promise<Proxy> {
  const tunnelled: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 16_384) client.destroy();
        return;
      }
      client.off('data', onData);
      const requestLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const m = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]$/.exec(requestLine);
      const target = m && m[2] === '443' ? routes[(m[1] as string).toLowerCase()] : undefined;
      if (!m || target === undefined) {
        refused.push(requestLine.replace(/ HTTP\/1\.[01]$/, ''));
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      tunnelled.push(`${m[1]}:${m[2]}`);
      const upstream = connect(target, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    tunnelled,
    refused,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/**
 * Preferences for the test profile. The proxy carries everything; the rest switches off Firefox's
 * own background traffic (telemetry, remote settings, Normandy, Safe Browsing, captive-portal
 * probes, push, region lookup…) so the proxy sees the pages and the add-on only. The list follows
 * the "recommended preferences" Firefox's own remote agent applies (RecommendedPreferences.sys.mjs).
 */
export function profilePrefs(proxyPort: number): Record<string, string | number | boolean> {
  return {
    // The unsigned add-on, dropped into the profile, enabled without a prompt.
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 5,
    // All traffic, loopback included, through the test proxy; no DNS of its own (no DoH, no prefetch).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    // Quiet first run.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'startup.homepage_welcome_url.additional': '',
    'browser.aboutwelcome.enabled': false,
    'termsofuse.bypassNotification': true,
    'browser.sessionstore.resume_from_crash': false,
    // No background traffic of Firefox's own.
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    'telemetry.fog.test.localhost_port': -1,
    'toolkit.telemetry.server': '',
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'app.update.auto': false,
    // Honoured only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment (release builds).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'security.remote_settings.intermediates.enabled': false,
    'security.certerrors.mitm.priming.enabled': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'geo.provider.network.url': '',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.push.connection.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.newtab.preload': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.showSponsored': false,
    'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
    'browser.topsites.contile.enabled': false,
    'browser.search.update': false,
    'browser.discovery.enabled': false,
    'browser.ml.enable': false,
    'browser.translations.enable': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    // Extension and page console messages on stdout, for the failure report.
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
  };
}

/**
 * A fresh profile in `dir`: NSS database trusting `caFile`, the prefs, and the add-on installed
 * from the unpacked build through an extension proxy file (`extensions/<gecko id>` holding the
 * build's absolute path), which Firefox loads like an installed `.xpi`.
 */
export async function makeProfile(dir: string, opts: { caFile: string; extDir: string; addonId: string; prefs: Record<string, unknown> }): Promise<void> {
  await mkdir(path.join(dir, 'extensions'), { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password'], { stdio: 'pipe' });
  execFileSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'Insyn test CA', '-t', 'C,,', '-i', opts.caFile], { stdio: 'pipe' });
  await writeFile(path.join(dir, 'extensions', opts.addonId), `${path.resolve(opts.extDir)}\n`);
  const lines = Object.entries(opts.prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  await writeFile(path.join(dir, 'user.js'), `${lines.join('\n')}\n`);
}

export interface FirefoxRun {
  pid: number;
  /** stdout + stderr so far (for failure messages). */
  output(): string;
  /** Whether the process has exited. */
  readonly exited: boolean;
  /** Stops Firefox and every process it started; resolves when none is left. */
  stop(): Promise<void>;
  /** SIGKILLs the whole process group at once (for 'exit' handlers, which cannot wait). */
  killNow(): void;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts headless Firefox on `profile` with `urls` as tabs, in its own process group. */
export function startFirefox(binary: string, profile: string, urls: readonly string[]): FirefoxRun {
  const child: ChildProcess = spawn(binary, ['--headless', '--no-remote', '--profile', profile, ...urls], {
    detached: true, // own process group: content processes are killed with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      MOZ_HEADLESS: '1',
      MOZ_CRASHREPORTER_DISABLE: '1',
      // Lets services.settings.server point Remote Settings at nothing.
      MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
      HOME: profile,
    },
  });
  let out = '';
  const keep = (d: Buffer): void => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((r) => child.once('exit', () => ((exited = true), r())));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${binary}`);
  // If the test process ends first (an exception, Ctrl-C, the runner's time-out), take Firefox with it.
  const killOnExit = (): void => {
    try {
      if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  // Exiting (rather than re-raising the signal) runs the 'exit' listeners: this one and the test's clean-up.
  const onSignal = (signal: NodeJS.Signals): void => process.exit(128 + (constants.signals[signal] ?? 0));
  process.once('exit', killOnExit);
  for (const s of SIGNALS) process.once(s, onSignal);

  return {
    pid,
    output: () => out,
    get exited() {
      return exited;
    },
    killNow: killOnExit,
    async stop() {
      process.off('exit', killOnExit);
      for (const s of SIGNALS) process.off(s, onSignal);
      if (groupAlive(pid)) process.kill(-pid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
      await Promise.race([exit, new Promise((r) => setTimeout(r, 2000))]);
      const end = Date.now() + 2000;
      while (groupAlive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      if (groupAlive(pid)) throw new Error(`Firefox processes of group ${pid} are still running`);
    },
  };
}

/** What Firefox recorded about the add-on in the profile (extensions.json, extension-preferences.json). */
export async function addonState(profile: string, addonId: string): Promise<{
  active?: boolean;
  location?: string;
  rootURI?: string;
  signedState?: number;
  grantedOrigins?: string[];
}> {
  const read = async (f: string): Promise<unknown> => {
    try {
      return JSON.parse(await readFile(path.join(profile, f), 'utf8'));
    } catch {
      return undefined;
    }
  };
  const db = (await read('extensions.json')) as { addons?: Record<string, unknown>[] } | undefined;
  const addon = db?.addons?.find((a) => a.id === addonId);
  const prefs = (await read('extension-preferences.json')) as Record<string, { origins?: string[] }> | undefined;
  return {
    active: addon?.active as boolean | undefined,
    location: addon?.location as string | undefined,
    rootURI: addon?.rootURI as string | undefined,
    signedState: addon?.signedState as number | undefined,
    grantedOrigins: prefs?.[addonId]?.origins,
  };
}
