import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button.tsx';

interface FormActionsProps {
  /** The submit button's words. */
  submit: ReactNode;
  /** True while a request runs (no second submit) or while there is nothing to send. */
  disabled: boolean;
  /** Primary unless the form's action is a secondary one (switching something off). */
  submitVariant?: ButtonVariant;
  /** Given both: a tertiary cancel button after the submit button. */
  cancel?: ReactNode;
  onCancel?: () => void;
  /** Buttons before the submit button (adding a row). */
  leading?: ReactNode;
  /** Links or buttons after the others. */
  children?: ReactNode;
}

/** The row of buttons under a form: any leading ones (adding a row), submit, cancel, then whatever else the form adds. */
export function FormActions({ submit, disabled, submitVariant = 'primary', cancel, onCancel, leading, children }: FormActionsProps) {
  return (
    <div className="staff-actions">
      {leading}
      <Button type="submit" variant={submitVariant} disabled={disabled}>
        {submit}
      </Button>
      {cancel && onCancel ? (
        <Button variant="tertiary" onClick={onCancel}>
          {cancel}
        </Button>
      ) : null}
      {children}
    </div>
  );
}
