// Attribution of main-thread time to an extension, from a Chrome trace (CDP Tracing with
// `devtools.timeline,disabled-by-default-devtools.timeline`). Pure; unit-tested in
// test/unit/bench/trace.test.ts.
//
// How: on the page's renderer main thread (CrRendererMain of the process the page committed in),
// every complete event whose script URL is the extension's (EvaluateScript for the content script's
// injection, FunctionCall for its callbacks and timers, v8.compile / v8.run, …) is an extension
// interval. Nested events (v8.compile inside EvaluateScript, a forced Layout inside a FunctionCall)
// are counted once: the extension's time is the length of the union of the intervals. A task
// (RunTask) that overlaps an extension interval is a task caused by the extension.

export interface TraceEvent {
  name: string;
  ph: string;
  /** Microseconds. */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: Record<string, unknown>;
}

export interface Interval {
  start: number;
  end: number;
}

export interface ExtensionTask {
  /** Milliseconds since the first event of the trace. */
  at: number;
  durMs: number;
  /** Part of the task spent in the extension's scripts. */
  extMs: number;
}

export interface Attribution {
  /** Main-thread time of the extension's scripts, ms. */
  scriptMs: number;
  /** Longest task in which extension script ran, ms (0 when none). */
  longestTaskMs: number;
  tasks: ExtensionTask[];
  /** Extension-attributed events found (0 means nothing of the extension ran, or attribution failed). */
  events: number;
  /** Script URLs the time was attributed to. */
  urls: string[];
  /** Renderer processes taken as the page's. */
  pids: number[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The script URL an event is about: `args.data.url`, `args.fileName`, or the top stack frame. */
export function scriptUrlOf(e: TraceEvent): string | undefined {
  const args = obj(e.args);
  if (!args) return undefined;
  const data = obj(args.data) ?? obj(args.beginData);
  const stack = data && Array.isArray(data.stackTrace) ? obj(data.stackTrace[0]) : undefined;
  return str(data?.url) ?? str(args.fileName) ?? str(data?.scriptName) ?? str(stack?.url);
}

/** Names of events that stand for script execution (where a script URL means "this script ran"). */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'v8.run',
  'v8.callFunction',
  'V8.Execute',
  'TimerFire',
  'FireAnimationFrame',
  'ParseScriptOnBackground',
  'v8.parseOnBackground',
]);

/** Processes the page committed in: from FrameCommittedInBrowser (browser side) and CommitLoad (renderer side). */
export function pagePids(events: readonly TraceEvent[], pageUrlPrefix: string): number[] {
  const pids = new Set<number>();
  for (const e of events) {
    const data = obj(obj(e.args)?.data);
    const url = str(data?.url);
    if (!url || !url.startsWith(pageUrlPrefix)) continue;
    if (e.name === 'FrameCommittedInBrowser' && typeof data?.processId === 'number') pids.add(data.processId);
    if (e.name === 'CommitLoad' || e.name === 'ParseHTML') pids.add(e.pid);
  }
  // ParseHTML carries the URL in beginData.
  for (const e of events) {
    if (e.name !== 'ParseHTML') continue;
    const url = str(obj(obj(e.args)?.beginData)?.url);
    if (url && url.startsWith(pageUrlPrefix)) pids.add(e.pid);
  }
  return [...pids].sort((a, b) => a - b);
}

/** `pid:tid` of the renderer main threads of the given processes. */
export function mainThreads(events: readonly TraceEvent[], pids: readonly number[]): Set<string> {
  const want = new Set(pids);
  const out = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && want.has(e.pid) && str(obj(e.args)?.name) === 'CrRendererMain') out.add(`${e.pid}:${e.tid}`);
  }
  return out;
}

/**
 * Complete intervals of one thread's events: X events as they are, B/E pairs matched per name on a
 * stack. Returned with the event they came from. Unmatched B events are dropped.
 */
export function completeEvents(events: readonly TraceEvent[]): Array<{ e: TraceEvent; start: number; end: number }> {
  const out: Array<{ e: TraceEvent; start: number; end: number }> = [];
  const open = new Map<string, TraceEvent[]>();
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  for (const e of sorted) {
    if (e.ph === 'X') out.push({ e, start: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === 'B') {
      const k = `${e.pid}:${e.tid}:${e.name}`;
      const stack = open.get(k) ?? [];
      stack.push(e);
      open.set(k, stack);
    } else if (e.ph === 'E') {
      const stack = open.get(`${e.pid}:${e.tid}:${e.name}`);
      const b = stack?.pop();
      if (b) out.push({ e: { ...b, args: { ...(b.args ?? {}), ...(e.args ?? {}) } }, start: b.ts, end: e.ts });
    }
  }
  return out;
}

/** Union of intervals, merged and sorted. */
export function union(intervals: readonly Interval[]): Interval[] {
  const s = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of s) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

export function totalLength(intervals: readonly Interval[]): number {
  return intervals.reduce((a, i) => a + (i.end - i.start), 0);
}

/** Length of the overlap of `x` with a merged interval list. */
export function overlap(x: Interval, merged: readonly Interval[]): number {
  let sum = 0;
  for (const i of merged) {
    if (i.end <= x.start) continue;
    if (i.start >= x.end) break;
    sum += Math.min(i.end, x.end) - Math.max(i.start, x.start);
  }
  return sum;
}

export interface AttributeOptions {
  /** URL the page was loaded from (its prefix selects the page's renderer process). */
  pageUrl: string;
  /** Script URL prefix that counts as the extension's; default any extension. */
  extensionPrefix?: string;
}

/** Main-thread time and longest task of an extension's scripts on one page load. */
export function attributeExtension(events: readonly TraceEvent[], options: AttributeOptions): Attribution {
  const prefix = options.extensionPrefix ?? 'chrome-extension://';
  const pids = pagePids(events, options.pageUrl);
  const threads = mainThreads(events, pids);
  const onMain = events.filter((e) => threads.has(`${e.pid}:${e.tid}`));
  const complete = completeEvents(onMain);
  const urls = new Set<string>();
  const ext: Interval[] = [];
  let count = 0;
  for (const c of complete) {
    if (!SCRIPT_EVENTS.has(c.e.name)) continue;
    const url = scriptUrlOf(c.e);
    if (!url || !url.startsWith(prefix)) continue;
    count++;
    urls.add(url.replace(/[?#].*$/, ''));
    ext.push({ start: c.start, end: c.end });
  }
  const merged = union(ext);
  const t0 = events.reduce((m, e) => (e.ts > 0 && e.ts < m ? e.ts : m), Number.POSITIVE_INFINITY);
  const tasks: ExtensionTask[] = [];
  const covered: Interval[] = [];
  for (const c of complete) {
    if (c.e.name !== 'RunTask') continue;
    const extUs = overlap(c, merged);
    if (extUs <= 0) continue;
    covered.push(c);
    tasks.push({ at: (c.start - t0) / 1000, durMs: (c.end - c.start) / 1000, extMs: extUs / 1000 });
  }
  // Extension time outside any recorded task (RunTask missing from the trace): its own task.
  const coveredMerged = union(covered);
  for (const i of merged) {
    const outside = i.end - i.start - overlap(i, coveredMerged);
    if (outside > 0 && overlap(i, coveredMerged) === 0) tasks.push({ at: (i.start - t0) / 1000, durMs: outside / 1000, extMs: outside / 1000 });
  }
  tasks.sort((a, b) => a.at - b.at);
  return {
    scriptMs: totalLength(merged) / 1000,
    longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.durMs), 0),
    tasks,
    events: count,
    urls: [...urls],
    pids,
  };
}
