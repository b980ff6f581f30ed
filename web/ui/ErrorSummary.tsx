import { useEffect, useId, useRef, type MouseEvent } from 'react';

export interface SummaryItem {
  /** The id of the field the message belongs to; null when it concerns the whole form. */
  targetId: string | null;
  message: string;
}

interface ErrorSummaryProps {
  title: string;
  items: readonly SummaryItem[];
  /** Changes with every failed attempt: the summary takes the focus again. */
  attempt?: number;
}

function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = event.currentTarget.ownerDocument.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/**
 * The error summary on top of a form (KERN alert, role=alert): the problem's title and every field
 * message, each linking to its field. It takes the focus when it appears so keyboard and screen
 * reader users land on it.
 */
export function ErrorSummary({ title, items, attempt = 0 }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  return (
    <div className="kern-alert kern-alert--danger ui-error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 className="kern-title" id={titleId}>
          {title}
        </h2>
      </div>
      {items.length > 0 ? (
        <div className="kern-alert__body">
          <ul className="kern-list">
            {items.map((item, index) => (
              <li key={`${item.targetId ?? ''}-${index}`}>
                {item.targetId ? (
                  <a className="kern-link" href={`#${item.targetId}`} onClick={(event) => focusTarget(event, item.targetId ?? '')}>
                    {item.message}
                  </a>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
