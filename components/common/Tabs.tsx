import { useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

export interface TabItem {
  id: string;
  label: string;
}

/**
 * WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, the active tab is the only one in
 * the tab order, and each panel is labelled by its tab.
 */
export function Tabs({ tabs, active, onSelect, children }: { tabs: TabItem[]; active: string; onSelect: (id: string) => void; children: ComponentChildren }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (delta: number | 'home' | 'end') => {
    const i = tabs.findIndex((t) => t.id === active);
    const next = delta === 'home' ? 0 : delta === 'end' ? tabs.length - 1 : (i + delta + tabs.length) % tabs.length;
    const id = tabs[next].id;
    onSelect(id);
    refs.current[id]?.focus();
  };
  if (tabs.length < 2) return <div id={`panel-${active}`}>{children}</div>;
  return (
    <>
      <div role="tablist" class="tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === active ? 0 : -1}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(1);
              else if (e.key === 'ArrowLeft') move(-1);
              else if (e.key === 'Home') move('home');
              else if (e.key === 'End') move('end');
              else return;
              e.preventDefault();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`}>
        {children}
      </div>
    </>
  );
}
