import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A status message; `alert` for errors so screen readers announce them at once. */
export function Notice({ tone = 'info', children, testid }: { tone?: 'info' | 'warn' | 'error'; children: ComponentChildren; testid?: string }) {
  return (
    <div class={`notice ${tone === 'info' ? '' : tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testid}>
      {children}
    </div>
  );
}

/**
 * A loading placeholder that appears only if loading takes longer than `delayMs`: a warm popup
 * answers well within that and must not flash a skeleton (DESIGN: no spinner on a warm cache).
 */
export function Skeleton({ rows = 4, label, delayMs = 150 }: { rows?: number; label: string; delayMs?: number }) {
  const [shown, setShown] = useState(delayMs <= 0);
  useEffect(() => {
    if (shown) return;
    const id = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(id);
  }, []);
  if (!shown) return <div aria-busy="true" aria-label={label} />;
  return <SkeletonRows rows={rows} label={label} />;
}

function SkeletonRows({ rows, label }: { rows: number; label: string }) {
  return (
    <div aria-busy="true" aria-label={label} data-testid="skeleton">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i}>
          <div class="skeleton" style={{ width: `${70 - (i % 3) * 12}%` }} />
          <div class="skeleton" style={{ width: '90%', height: '0.7rem' }} />
        </div>
      ))}
    </div>
  );
}
