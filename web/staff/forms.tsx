import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryItem } from '#web/ui/ErrorSummary.tsx';
import { StatusMessage } from '#web/ui/StatusMessage.tsx';
import { fieldId } from '#web/ui/Field.tsx';
import { ProblemError } from './api.ts';

/** What went wrong in a form: the problem's title and its field messages. */
export interface FormError {
  title: string;
  fields: Record<string, string>;
  other: string[];
}

export function toFormError(error: unknown, knownFields: readonly string[], fallbackTitle: string): FormError {
  if (!(error instanceof ProblemError)) return { title: fallbackTitle, fields: {}, other: [] };
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const item of error.problem.errors ?? []) {
    // A known full path ("openingHours.2.closes") wins over its first segment ("openingHours").
    const name = knownFields.includes(item.field) ? item.field : (item.field.split('.')[0] ?? item.field);
    if (knownFields.includes(name) && !fields[name]) fields[name] = item.message;
    else other.push(item.message);
  }
  return { title: error.problem.title || fallbackTitle, fields, other };
}

/**
 * Error state of one form: `fail(error)` after a refused request, `field(name)` for the message at a
 * field, `summary` for the error summary on top. What the user typed stays in the form's own state.
 */
export function useFormErrors(form: string, knownFields: readonly string[]) {
  const { t } = useTranslation();
  const [error, setError] = useState<FormError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const fail = (cause: unknown) => {
    setAttempt((n) => n + 1);
    const fallback = cause instanceof ProblemError && cause.kind === 'network' ? t('errors.network') : t('errors.unexpected');
    setError(toFormError(cause, knownFields, fallback));
  };
  const items: SummaryItem[] = error
    ? [
        ...Object.entries(error.fields).map(([name, message]) => ({ targetId: fieldId(form, name), message })),
        ...error.other.map((message) => ({ targetId: null, message })),
      ]
    : [];
  return {
    fail,
    clear: () => setError(null),
    field: (name: string) => error?.fields[name],
    id: (name: string) => fieldId(form, name),
    summary: error ? <ErrorSummary title={error.title} items={items} attempt={attempt} /> : null,
  };
}

export interface ApiFormOptions<T> {
  /** Sends the form (one API call); what it resolves to is the form's `done` until the next failure. */
  send: () => Promise<T>;
  /** Queries to refetch after a success, before `onSuccess` runs. */
  invalidate?: readonly QueryKey[];
  /** After a success and the refetch: reset the fields of a create form, close an edit form. */
  onSuccess?: (result: T) => void | Promise<void>;
}

/**
 * One API form: `onSubmit` sends it (the submit button is `busy` meanwhile), a refused request's
 * problem goes to the fields and the error summary (see useFormErrors), a success clears the errors,
 * refetches the given queries and keeps the result in `done` (for the success message; cleared when the
 * form is sent again, so a second success is announced again). What the user typed stays in the
 * form's own state, so nothing is lost on an error.
 */
export function useApiForm<T>(form: string, knownFields: readonly string[], options: ApiFormOptions<T>) {
  const client = useQueryClient();
  const errors = useFormErrors(form, knownFields);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ result: T } | null>(null);
  const run = async () => {
    setBusy(true);
    setDone(null);
    try {
      const result = await options.send();
      errors.clear();
      setDone({ result });
      await Promise.all((options.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      await options.onSuccess?.(result);
    } catch (error) {
      setDone(null);
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return {
    ...errors,
    busy,
    /** The last success's result; null before the first and after a failure. */
    done: done?.result ?? null,
    succeeded: done !== null,
    /** Hides the success message again (the user changed the form). */
    dismiss: () => setDone(null),
    onSubmit: (event: FormEvent) => {
      event.preventDefault();
      void run();
    },
  };
}

/**
 * The success message of a page whose edit panels close when saved: `show(text)` from the panel's
 * `onSaved`, `clear()` when another panel opens; `region` is the live region to render above.
 */
export function useNotice() {
  const [message, setMessage] = useState<string | null>(null);
  return { show: setMessage, clear: () => setMessage(null), region: <StatusMessage message={message} /> };
}

/**
 * The edit panels of a section, one open at a time, with the section's success message: `open(next)`
 * hides the last message, `close()` shuts the panel, `saved(text)` is a panel's `onSaved` (shut it,
 * announce the text); render `region` above the panels.
 */
export function usePanels<P>() {
  const [panel, setPanel] = useState<P | null>(null);
  const notice = useNotice();
  return {
    panel,
    region: notice.region,
    open: (next: P) => {
      notice.clear();
      setPanel(next);
    },
    close: () => setPanel(null),
    saved: (message: string) => () => {
      setPanel(null);
      notice.show(message);
    },
  };
}

/** A heading (tabIndex -1) that takes the focus when its panel opens (and `when` holds). */
export function useFocusOnOpen<E extends HTMLElement>(when = true) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
