// Views the popup does not need for its first content (detail, report form, picker, the other
// panels) load as separate chunks, so the first paint waits for less script (DESIGN budget: warm
// popup ≤ 100 ms). Once the first content is up, `preloadViews()` fetches them while the user reads,
// so a click finds them ready.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyView<P> extends FunctionComponent<P> {
  preload(): Promise<unknown>;
}

const all: LazyView<never>[] = [];

/** A component that renders nothing until its chunk is loaded, then the real view (at once on later mounts). */
export function lazy<P>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        // A failed load (extension updated under an open popup) is tried again on the next mount.
        pending = undefined;
        throw err;
      },
    ));
  const View = ((props: P) => {
    const [, setReady] = useState(!!loaded);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady(true),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    const C = loaded as ComponentType<P> | undefined;
    return C ? <C {...(props as P & object)} /> : null;
  }) as LazyView<P>;
  View.preload = preload;
  all.push(View as LazyView<never>);
  return View;
}

/** Loads every lazy view in the background, once the browser is idle. */
export function preloadViews(): void {
  const run = () => {
    for (const v of all) void v.preload().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 500 });
  else setTimeout(run, 50);
}
