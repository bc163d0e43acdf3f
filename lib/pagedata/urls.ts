// URL hygiene for page data: what counts as tracking, how a URL is cleaned before it is shown or
// compared, and the keys used to group requests by endpoint and to match them to the registry.
// Pure and DOM-free; also bundled into the page-data script, so: no zod, no big tables, plain loops.

/** Query parameters that only track the visitor or the campaign; dropped from every URL we keep. */
const TRACKING_PARAMS = /^(utm_[a-z_]*|gclid|gclsrc|dclid|gbraid|wbraid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|__hs[a-z_]*|hsctatracking|yclid|igshid|si|_ke|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt\.[a-z_]*|sc_[a-z_]*|piwik_[a-z_]*|pk_[a-z_]*|mtm_[a-z_]*|matomo_[a-z_]*|_sp|trk|ref_src|s_cid|cmpid)$/i;

/**
 * Analytics, advertising, tag-manager and session-recording hosts. A URL on one of them (or a
 * subdomain) is never reported: it is about the visitor, not about the page's data.
 */
const TRACKING_HOSTS = [
  'google-analytics.com',
  'analytics.google.com',
  'googletagmanager.com',
  'googleadservices.com',
  'googlesyndication.com',
  'doubleclick.net',
  'stats.g.doubleclick.net',
  'facebook.com',
  'facebook.net',
  'connect.facebook.net',
  'fbcdn.net',
  'siteimprove.com',
  'siteimproveanalytics.com',
  'siteimproveanalytics.io',
  'hotjar.com',
  'hotjar.io',
  'matomo.cloud',
  'innocraft.cloud',
  'piwik.pro',
  'clarity.ms',
  'bat.bing.com',
  'linkedin.com',
  'licdn.com',
  'ads-twitter.com',
  'analytics.twitter.com',
  't.co',
  'scorecardresearch.com',
  'quantserve.com',
  'newrelic.com',
  'nr-data.net',
  'sentry.io',
  'ingest.sentry.io',
  'datadoghq.com',
  'browser-intake-datadoghq.eu',
  'segment.io',
  'segment.com',
  'mixpanel.com',
  'amplitude.com',
  'heapanalytics.com',
  'fullstory.com',
  'mouseflow.com',
  'crazyegg.com',
  'optimizely.com',
  'adobedtm.com',
  'omtrdc.net',
  'demdex.net',
  'everesttech.net',
  'cookiebot.com',
  'consent.cookiebot.com',
  'onetrust.com',
  'cookielaw.org',
  'trustarc.com',
  'addthis.com',
  'sharethis.com',
  'plausible.io',
  'usefathom.com',
  'cloudflareinsights.com',
  'static.cloudflareinsights.com',
  'vizzit.se',
  'tns-sifo.se',
  'research-int.se',
  'webtrekk.net',
  'ensighten.com',
  'tealiumiq.com',
  'tiqcdn.com',
  'yandex.ru',
  'mc.yandex.ru',
  'criteo.com',
  'criteo.net',
  'taboola.com',
  'outbrain.com',
  'adnxs.com',
  'rubiconproject.com',
  'pubmatic.com',
  'hubspot.com',
  'hs-analytics.net',
  'hs-scripts.com',
];

/**
 * Paths that are analytics or beacons whatever the host (self-hosted Matomo/Piwik, collectors,
 * pixels, RUM and consent endpoints).
 */
const TRACKING_PATH =
  /(^|\/)(matomo|piwik)(\.php|\.js|\/|$)|\/(collect|beacon|pixel|tracking|track|tracker|telemetry|pageview|log-event|stats\.php|__utm)(\.gif|\.png|\.php|\.js)?\/?$|\/(gtm|gtag|ga|analytics|siteimprove|hotjar|fbevents|pixel|tracking)\.js$|\/(1x1|spacer|transparent|blank)\.(gif|png)$|\/cookie-?consent|\/cdn-cgi\/rum/i;

function hostIn(host: string, list: readonly string[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const h = list[i] as string;
    if (host === h) return true;
    if (host.length > h.length && host.charCodeAt(host.length - h.length - 1) === 46 && host.slice(host.length - h.length) === h) return true;
  }
  return false;
}

export function isTrackingHost(host: string): boolean {
  return hostIn(host.toLowerCase(), TRACKING_HOSTS);
}

/** Analytics, advertising, beacon or pixel URL: never reported. */
export function isTrackingUrl(u: URL): boolean {
  if (isTrackingHost(u.hostname)) return true;
  return TRACKING_PATH.test(u.pathname);
}

export function isTrackingParam(name: string): boolean {
  return TRACKING_PARAMS.test(name);
}

/** Maximum length of a URL we keep (longer ones are cut at the query and dropped if still too long). */
export const MAX_URL = 2048;

/**
 * An absolute http(s) URL with tracking parameters and the fragment removed; undefined for other
 * schemes, unparsable input or tracking URLs.
 */
export function cleanUrl(raw: string, base?: string): URL | undefined {
  let u: URL;
  try {
    u = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password) {
    u.username = '';
    u.password = '';
  }
  u.hash = '';
  if (u.search) {
    const keep: string[] = [];
    const parts = u.search.slice(1).split('&');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (!p) continue;
      const eq = p.indexOf('=');
      let name = eq < 0 ? p : p.slice(0, eq);
      try {
        name = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      if (!isTrackingParam(name)) keep[keep.length] = p;
    }
    u.search = keep.length ? '?' + keep.join('&') : '';
  }
  if (isTrackingUrl(u)) return undefined;
  if (u.href.length > MAX_URL) {
    u.search = '';
    if (u.href.length > MAX_URL) return undefined;
  }
  return u;
}

function decodedPath(u: URL): string {
  let p = u.pathname;
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep the encoded path
  }
  return p;
}

/** Host without `www.` and default port, lower case. */
export function plainHost(u: URL): string {
  const h = u.hostname.toLowerCase().replace(/^www\./, '');
  return u.port && u.port !== '80' && u.port !== '443' ? `${h}:${u.port}` : h;
}

/**
 * The key URLs are compared by when matching to the registry: host (no `www.`, no scheme, no default
 * port) + decoded path, lower-cased, without trailing slashes. Query and fragment are ignored.
 */
export function matchKey(url: string | URL): string | undefined {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url.trim()) : url;
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const path = decodedPath(u).toLowerCase().replace(/\/+$/, '');
  return plainHost(u) + path;
}

const NUMERIC = /^\d+([.,_-]\d+)*$/;
const HEXISH = /^(?=.*\d)[0-9a-f]{8,}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A long opaque token (base64-ish, with digits and letters mixed), e.g. a session or object id. */
const TOKEN = /^(?=.*\d)(?=.*[a-z])[A-Za-z0-9_-]{20,}$/i;
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/** `{id}` for path segments that vary between calls of the same endpoint. */
export function segmentPattern(seg: string): string {
  if (seg === '') return seg;
  if (NUMERIC.test(seg) || DATE.test(seg)) return '{n}';
  if (UUID.test(seg) || HEXISH.test(seg) || TOKEN.test(seg)) return '{id}';
  return seg;
}

/**
 * The endpoint a request belongs to: origin + path with variable segments replaced, e.g.
 * `https://api.example.se/v1/stats/{n}`. Query strings are not part of the pattern.
 */
export function endpointPattern(u: URL): string {
  const segs = u.pathname.split('/');
  let out = '';
  for (let i = 1; i < segs.length; i++) out += '/' + segmentPattern(segs[i] as string);
  return `${u.protocol}//${u.host}${out || '/'}`;
}

/** Query parameter names of a URL, sorted (values are not kept in patterns). */
export function paramNames(u: URL): string[] {
  const names: string[] = [];
  u.searchParams.forEach((_v, k) => {
    if (names.indexOf(k) < 0) names[names.length] = k;
  });
  return names.sort();
}
