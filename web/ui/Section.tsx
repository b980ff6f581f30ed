import type { ReactNode, Ref } from 'react';

interface SectionProps {
  /** The heading's id, which the section is labelled by. */
  id: string;
  heading: ReactNode;
  /** A paragraph under the heading. */
  lead?: ReactNode;
  /** Framed as a panel (forms that edit one record). */
  panel?: boolean;
  /** Makes the heading focusable by script (an edit panel moves the focus to it on opening). */
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
}

/** A staff page section: an h2 that labels it, an optional lead paragraph, then the content. */
export function Section({ id, heading, lead, panel = false, headingRef, children }: SectionProps) {
  return (
    <section className={panel ? 'staff-section staff-panel' : 'staff-section'} aria-labelledby={id}>
      <h2 className="kern-heading-medium" id={id} tabIndex={headingRef ? -1 : undefined} ref={headingRef}>
        {heading}
      </h2>
      {lead === undefined ? null : <p className="kern-body">{lead}</p>}
      {children}
    </section>
  );
}
