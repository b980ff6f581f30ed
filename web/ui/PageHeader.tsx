import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  lead?: ReactNode;
}

/**
 * The page's single h1 (id "page-title", focusable by script so a route change can move the focus
 * to it) and an optional lead paragraph.
 */
export function PageHeader({ title, lead }: PageHeaderProps) {
  return (
    <div className="ui-page-header">
      <h1 className="kern-heading-large" id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="kern-body kern-body--large">{lead}</p> : null}
    </div>
  );
}
