import type { ComponentChildren } from 'preact';
import { isSafeLink } from '../../lib/dcat/snippets';

/**
 * A link from metadata. Only http(s) and mailto become clickable; anything else (javascript:,
 * data:, file:) is shown as inert text so the user still sees what the publisher wrote.
 */
export function SafeLink({ href, children }: { href: string | undefined; children?: ComponentChildren }) {
  if (!href) return null;
  if (!isSafeLink(href)) return <span class="muted">{children ?? href}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children ?? href}
    </a>
  );
}
