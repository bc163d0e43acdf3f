import { describe, expect, it } from 'vitest';
import { attributeExtension, completeEvents, overlap, pagePids, scriptUrlOf, union, type TraceEvent } from '../../../scripts/bench/trace.ts';

const PAGE = 'https://www.skatteverket.se/';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/content-scripts/detector.js';
const PAGE_PID = 200;
const MAIN = 200;
const OTHER_PID = 300;
const EXT_PID = 400;

const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
const X = (name: string, ts: number, dur: number, args?: Record<string, unknown>, pid = PAGE_PID, tid = MAIN): TraceEvent => ({ name, ph: 'X', ts, dur, pid, tid, ...(args && { args }) });

/** A trace shaped like Chromium's: µs timestamps, browser process, the page's renderer, another renderer, the extension's worker. */
function trace(extra: TraceEvent[] = []): TraceEvent[] {
  return [
    meta(1, 1, 'CrBrowserMain'),
    meta(PAGE_PID, MAIN, 'CrRendererMain'),
    meta(PAGE_PID, 201, 'Compositor'),
    meta(OTHER_PID, OTHER_PID, 'CrRendererMain'),
    meta(EXT_PID, 401, 'ServiceWorker thread'),
    { name: 'FrameCommittedInBrowser', ph: 'I', ts: 1_000, pid: 1, tid: 1, args: { data: { processId: PAGE_PID, url: `${PAGE}?run=3` } } },
    X('RunTask', 2_000, 50_000), // parsing
    X('ParseHTML', 2_010, 49_000, { beginData: { url: `${PAGE}?run=3` } }),
    // the content script injection: one task of 16 ms, 15 of which are the script (compile nested inside)
    X('RunTask', 60_000, 16_000),
    X('EvaluateScript', 60_500, 15_000, { data: { url: EXT } }),
    X('v8.compile', 60_520, 900, { data: { url: EXT }, fileName: EXT }),
    X('v8.run', 61_430, 14_000, { fileName: EXT }),
    // a later timer callback of the extension: 2 ms in a 3 ms task
    X('RunTask', 500_000, 3_000),
    X('FunctionCall', 500_500, 2_000, { data: { url: EXT, functionName: '' } }),
    // page scripts: not the extension's
    X('RunTask', 600_000, 80_000),
    X('FunctionCall', 600_100, 79_000, { data: { url: `${PAGE}app.js` } }),
    // the extension's own worker and another renderer: not on the page's main thread
    X('FunctionCall', 70_000, 30_000, { data: { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/background.js' } }, EXT_PID, 401),
    X('RunTask', 70_000, 40_000, undefined, OTHER_PID, OTHER_PID),
    X('EvaluateScript', 70_000, 40_000, { data: { url: EXT } }, OTHER_PID, OTHER_PID),
    ...extra,
  ];
}

describe('trace attribution', () => {
  it('finds the page renderer from the commit events', () => {
    expect(pagePids(trace(), PAGE)).toEqual([PAGE_PID]);
    expect(pagePids(trace(), 'https://www.example.com/')).toEqual([]);
  });

  it('reads the script URL from data.url, fileName or the stack', () => {
    expect(scriptUrlOf(X('v8.run', 0, 1, { fileName: EXT }))).toBe(EXT);
    expect(scriptUrlOf(X('FunctionCall', 0, 1, { data: { url: EXT } }))).toBe(EXT);
    expect(scriptUrlOf(X('TimerFire', 0, 1, { data: { stackTrace: [{ url: EXT }] } }))).toBe(EXT);
    expect(scriptUrlOf(X('Layout', 0, 1))).toBeUndefined();
  });

  it('sums the extension\'s script time on the page\'s main thread, nested events once', () => {
    const a = attributeExtension(trace(), { pageUrl: PAGE });
    expect(a.scriptMs).toBeCloseTo(17, 6); // 15 (EvaluateScript with nested compile/run) + 2 (timer)
    expect(a.events).toBe(4);
    expect(a.urls).toEqual([EXT]);
    expect(a.pids).toEqual([PAGE_PID]);
  });

  it('the longest task is the longest one the extension ran in, not the page\'s own', () => {
    const a = attributeExtension(trace(), { pageUrl: PAGE });
    expect(a.tasks.map((t) => t.durMs)).toEqual([16, 3]);
    expect(a.longestTaskMs).toBe(16);
    expect(a.tasks[0]?.extMs).toBeCloseTo(15, 6);
  });

  it('a prefix selects one extension', () => {
    const a = attributeExtension(trace(), { pageUrl: PAGE, extensionPrefix: 'chrome-extension://zzzz' });
    expect(a.scriptMs).toBe(0);
    expect(a.longestTaskMs).toBe(0);
    expect(a.events).toBe(0);
  });

  it('no extension on the page: nothing attributed', () => {
    const none = trace().filter((e) => !(e.pid === PAGE_PID && JSON.stringify(e.args ?? {}).includes('chrome-extension')));
    const a = attributeExtension(none, { pageUrl: PAGE });
    expect(a).toMatchObject({ scriptMs: 0, longestTaskMs: 0, events: 0, tasks: [] });
  });

  it('B/E pairs count like complete events; extension time outside any task is its own task', () => {
    const a = attributeExtension(
      trace([
        { name: 'FunctionCall', ph: 'B', ts: 900_000, pid: PAGE_PID, tid: MAIN, args: { data: { url: EXT } } },
        { name: 'FunctionCall', ph: 'E', ts: 904_000, pid: PAGE_PID, tid: MAIN },
      ]),
      { pageUrl: PAGE },
    );
    expect(a.scriptMs).toBeCloseTo(21, 6);
    expect(a.tasks.map((t) => t.durMs)).toEqual([16, 3, 4]);
  });
});

describe('interval helpers', () => {
  it('union merges overlaps and touching intervals', () => {
    expect(union([{ start: 5, end: 8 }, { start: 0, end: 2 }, { start: 1, end: 3 }, { start: 8, end: 9 }])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 9 },
    ]);
  });

  it('overlap of an interval with a merged list', () => {
    const merged = [{ start: 0, end: 3 }, { start: 5, end: 9 }];
    expect(overlap({ start: 2, end: 6 }, merged)).toBe(2);
    expect(overlap({ start: 10, end: 20 }, merged)).toBe(0);
  });

  it('completeEvents pairs nested B/E of the same name on a stack and drops unmatched ones', () => {
    const ev: TraceEvent[] = [
      { name: 'A', ph: 'B', ts: 0, pid: 1, tid: 1 },
      { name: 'A', ph: 'B', ts: 1, pid: 1, tid: 1 },
      { name: 'A', ph: 'E', ts: 2, pid: 1, tid: 1 },
      { name: 'A', ph: 'E', ts: 5, pid: 1, tid: 1 },
      { name: 'B', ph: 'B', ts: 6, pid: 1, tid: 1 },
    ];
    expect(completeEvents(ev).map((c) => [c.start, c.end])).toEqual([
      [1, 2],
      [0, 5],
    ]);
  });
});
