import type { ReactNode } from 'react';

interface AlertProps {
  variant: 'info' | 'success' | 'warning' | 'danger';
  title: ReactNode;
  children?: ReactNode;
  /** `status` for confirmations announced politely, `alert` for errors; none for static notes. */
  role?: 'status' | 'alert';
}

/** A KERN alert box. */
export function Alert({ variant, title, children, role }: AlertProps) {
  return (
    <div className={`kern-alert kern-alert--${variant}`} role={role}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${variant}`} aria-hidden="true" />
        <p className="kern-title">{title}</p>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}
