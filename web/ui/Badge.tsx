import type { ReactNode } from 'react';

export type BadgeVariant = 'success' | 'warning' | 'danger' | 'info';

const ICON: Record<BadgeVariant, string> = { success: 'success', warning: 'warning', danger: 'danger', info: 'question-mark' };

/**
 * A KERN badge: colour, an icon of its own shape and a text — colour is never the only signal.
 * `info` shows a question mark (for "unknown").
 */
export function Badge({ variant, children }: { variant: BadgeVariant; children: ReactNode }) {
  return (
    <span className={`kern-badge kern-badge--${variant} ui-badge`}>
      <span className={`kern-icon kern-icon--${ICON[variant]}`} aria-hidden="true" />
      <span className="kern-label kern-label--small">{children}</span>
    </span>
  );
}
