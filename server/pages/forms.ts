import type { z } from 'zod';
import { translate, type PublicLocale } from '#server/i18n.ts';
import type { FormErrors } from '#web/public/forms.tsx';

/**
 * A form's answers checked by their contract (`contracts/booking-pages.ts`): the data, or the
 * errors to show — one per field, the first issue of each, in the order of the form. An issue's
 * message is a translation key, so the field and the error summary show the same words.
 */
export function checkAnswers<S extends z.ZodType>(lang: PublicLocale, schema: S, input: unknown): { ok: true; data: z.output<S> } | { ok: false; errors: FormErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: formErrors(lang, result.error) };
}

export function formErrors(lang: PublicLocale, error: z.ZodError): FormErrors {
  const errors: FormErrors = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (errors.some((e) => e.field === field)) continue;
    errors.push({ field, message: translate(lang, issue.message) });
  }
  return errors;
}
