/** URLs of the office finder, office pages, booking flow and the manage page (locale first). */
export const officesPath = (lang: string): string => `/${lang}/offices`;
export const officePath = (lang: string, id: string): string => `/${lang}/offices/${id}`;
export const bookPath = (lang: string, officeId: string, step = ''): string => `/${lang}/offices/${officeId}/book${step ? `/${step}` : ''}`;
export const managePath = (lang: string, code: string, step = ''): string => `/${lang}/appointments/${code}${step ? `/${step}` : ''}`;

/** A query string from the defined values, in a stable order. */
export function query(values: Record<string, string | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
