import type { ComponentChildren } from 'preact';

/** A status message; `alert` for errors so screen readers announce them at once. */
export function Notice({ tone = 'info', children, testid }: { tone?: 'info' | 'warn' | 'error'; children: ComponentChildren; testid?: string }) {
  return (
    <div class={`notice ${tone === 'info' ? '' : tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testid}>
      {children}
    </div>
  );
}

export function Skeleton({ rows = 4, label }: { rows?: number; label: string }) {
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
