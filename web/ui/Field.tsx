import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** The id of a form field, so an error summary can link to it. */
export function fieldId(form: string, name: string): string {
  return `${form}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  optional?: ReactNode | undefined;
  children: ReactNode;
}

/** A field's error message (KERN error), nothing without an error; `id` is what the control's aria-describedby names. */
export function FieldError({ id, error }: { id?: string | undefined; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
      <span className="kern-body">{error}</span>
    </p>
  );
}

/** Label, hint and error message around one control (KERN form-input). */
function FieldFrame({ id, label, hint, error, optional, children }: FieldFrameProps) {
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        {optional ? <span className="kern-label__optional"> {optional}</span> : null}
      </label>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {children}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A control's id, its KERN class (with the `--error` modifier on an error), aria-invalid and aria-describedby. */
function controlProps(id: string, hint: unknown, error: string | undefined, kernClass: string, extraClass?: string) {
  return {
    id,
    className: `${kernClass}${extraClass ? ` ${extraClass}` : ''}${error ? ` ${kernClass}--error` : ''}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'style'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: ReactNode;
}

/** A labelled text input; its error is announced with the field (aria-invalid, aria-describedby). */
export function TextField({ id, label, hint, error, optional, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input {...input} {...controlProps(id, hint, error, 'kern-form-input__input')} />
    </FieldFrame>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'style'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ id, label, hint, error, options, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <div className="kern-form-input__select-wrapper">
        <select {...select} {...controlProps(id, hint, error, 'kern-form-input__select')}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'style' | 'type'> {
  id: string;
  label: ReactNode;
  error?: string | undefined;
}

export function CheckboxField({ id, label, error, ...input }: CheckboxFieldProps) {
  return (
    <div className={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
      <input {...input} type="checkbox" {...controlProps(id, undefined, error, 'kern-form-check__checkbox')} />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className' | 'style'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: ReactNode;
}

export function TextAreaField({ id, label, hint, error, optional, ...area }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea {...area} {...controlProps(id, hint, error, 'kern-form-input__input', 'ui-textarea')} />
    </FieldFrame>
  );
}

export interface RadioGroupProps {
  /** Prefix of the radios' ids; the first radio's id is `id` itself so an error summary can focus it. */
  id: string;
  name: string;
  legend: ReactNode;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Radios side by side (short options such as yes / no / unknown). */
  horizontal?: boolean;
}

/** A fieldset of radios with a legend (KERN fieldset). */
export function RadioGroup({ id, name, legend, value, options, onChange, error, horizontal = false }: RadioGroupProps) {
  return (
    <fieldset className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="kern-label">{legend}</legend>
      <div className={`kern-fieldset__body${horizontal ? ' kern-fieldset__body--horizontal' : ''}`}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="kern-form-check" key={option.value}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                className={`kern-form-check__radio${error ? ' kern-form-check__radio--error' : ''}`}
              />
              <label className="kern-label" htmlFor={optionId}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} error={error} />
    </fieldset>
  );
}
