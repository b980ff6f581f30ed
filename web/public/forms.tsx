import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Form building blocks of the public pages in KERN UX markup, GOV.UK habits: an error summary on
 * top whose words are the same as the field's message and which links to the field; hints and
 * errors tied to the control by aria-describedby; back links.
 */

/** A field's error: the field's id (for the link) and the message already translated. */
export interface FormError {
  field: string;
  message: string;
}

export type FormErrors = FormError[];

export const errorFor = (errors: FormErrors, field: string): string | undefined => errors.find((e) => e.field === field)?.message;

export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = useTranslation('booking');
  if (errors.length === 0) return null;
  return (
    <div className="kern-alert kern-alert--danger error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <div className="kern-alert__header">
        <h2 className="kern-title" id="error-summary-title">
          {t('form.errorSummary')}
        </h2>
      </div>
      <div className="kern-alert__body">
        <ul className="error-summary__list">
          {errors.map((e) => (
            <li key={e.field}>
              <a href={`#${e.field}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation('booking');
  return (
    <p className="kern-error" id={id}>
      <span className="kern-sr-only">{t('form.errorPrefix')} </span>
      {message}
    </p>
  );
}

interface TextFieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string | undefined;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  /** A short field (house number). */
  narrow?: boolean;
  required?: boolean;
  dir?: 'ltr' | 'auto';
}

export function TextField({ id, name, label, hint, value, error, type = 'text', autoComplete, inputMode, narrow, required, dir }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const classes = ['kern-form-input__input', narrow ? 'kern-form-input__input--width-4' : '', error ? 'kern-form-input__input--error' : ''].filter(Boolean).join(' ');
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <FieldError id={`${id}-error`} message={error} />}
      <input
        className={classes}
        id={id}
        name={name ?? id}
        type={type}
        defaultValue={value ?? ''}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        aria-required={required ? 'true' : undefined}
        dir={dir}
        spellCheck={false}
      />
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface RadioGroupProps {
  /** The name of the input; the first option's id is `name` so the error summary can link to it. */
  name: string;
  legend: ReactNode;
  /** The legend is the page's question: rendered as its h1. */
  legendIsHeading?: boolean;
  hint?: string;
  options: RadioOption[];
  value?: string | undefined;
  error?: string | undefined;
  idPrefix?: string;
}

export function RadioGroup({ name, legend, legendIsHeading, hint, options, value, error, idPrefix }: RadioGroupProps) {
  const base = idPrefix ?? name;
  const describedBy = [hint ? `${base}-hint` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={describedBy}>
      <legend className="kern-label">{legendIsHeading ? <h1 className="kern-heading-x-large legend-heading">{legend}</h1> : legend}</legend>
      {hint && (
        <div className="kern-hint" id={`${base}-hint`}>
          {hint}
        </div>
      )}
      {error && <FieldError id={`${base}-error`} message={error} />}
      <div className="kern-fieldset__body">
        {options.map((o, i) => {
          const id = i === 0 ? base : `${base}-${i}`;
          return (
            <div className={`kern-form-check${error ? ' kern-form-check--error' : ''}`} key={o.value}>
              <input
                className={`kern-form-check__radio${error ? ' kern-form-check__radio--error' : ''}`}
                id={id}
                name={name}
                type="radio"
                value={o.value}
                defaultChecked={value === o.value}
                aria-describedby={o.hint ? `${id}-hint` : undefined}
              />
              <label className="kern-label" htmlFor={id}>
                {o.label}
              </label>
              {o.hint && (
                <div className="kern-hint radio-hint" id={`${id}-hint`}>
                  {o.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export function BackLink({ href }: { href: string }) {
  const { t } = useTranslation('booking');
  return (
    <p className="back-link">
      <a href={href}>{t('form.back')}</a>
    </p>
  );
}

export function SubmitButton({ children, secondary }: { children: ReactNode; secondary?: boolean }) {
  return (
    <button type="submit" className={`kern-btn ${secondary ? 'kern-btn--secondary' : 'kern-btn--primary'}`}>
      <span className="kern-label">{children}</span>
    </button>
  );
}

/** A link that looks like a button (the start of a flow: GOV.UK "start button"). */
export function ButtonLink({ href, children, secondary }: { href: string; children: ReactNode; secondary?: boolean }) {
  return (
    <a href={href} className={`kern-btn ${secondary ? 'kern-btn--secondary' : 'kern-btn--primary'} button-link`}>
      <span className="kern-label">{children}</span>
    </a>
  );
}

/** A notice box: info, success, warning or danger. */
export function Notice({ kind, title, children, alert }: { kind: 'info' | 'success' | 'warning' | 'danger'; title?: string; children?: ReactNode; alert?: boolean }) {
  return (
    <div className={`kern-alert kern-alert--${kind} notice`} role={alert ? 'alert' : undefined}>
      {title && (
        <div className="kern-alert__header">
          <p className="kern-title">{title}</p>
        </div>
      )}
      {children && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}
