import { useTranslation } from 'react-i18next';
import { Badge, type BadgeVariant } from '#web/ui/Badge.tsx';
import type { Light, TriState } from '#web/staff/types.ts';

/** Weekday 1 (Monday) … 7 (Sunday) in the UI language; 2024-01-01 was a Monday. */
export function weekdayName(weekday: number, language: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A language's name from its ISO 639-1 code, in the UI language. */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageList(codes: readonly string[], language: string): string {
  return codes.map((code) => languageName(code, language)).join(', ');
}

/** The languages counselling is commonly held in at the offices, German first (ISO 639). */
export const COUNSELLING_LANGUAGES = ['de', 'ar', 'fa', 'uk', 'ru', 'ps', 'ku', 'ti', 'so', 'tr', 'en', 'fr', 'es', 'sq', 'sr', 'ro', 'vi'] as const;

/** Languages to choose for a counselling: the people's own first, then the common ones, none twice. */
export function counsellingLanguages(own: readonly string[] = []): string[] {
  return [...new Set([...own, ...COUNSELLING_LANGUAGES])];
}

/** Comma-separated ISO codes as typed into a field → a list (lower case, no empties). */
export function parseLanguages(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

const LIGHT_VARIANT: Record<Light, BadgeVariant> = { green: 'success', amber: 'warning', red: 'danger', unknown: 'info' };

/** A traffic light as a badge: colour, its own icon shape and the word. */
export function LightBadge({ light }: { light: Light }) {
  const { t } = useTranslation();
  return <Badge variant={LIGHT_VARIANT[light]}>{t(`offices.light.${light}`)}</Badge>;
}

const TRI_VARIANT: Record<TriState, BadgeVariant> = { yes: 'success', no: 'danger', unknown: 'info' };

/** Yes / no / unknown, each with its own word and icon: "unknown" is never shown as "no". */
export function TriStateBadge({ value }: { value: TriState }) {
  const { t } = useTranslation();
  return <Badge variant={TRI_VARIANT[value]}>{t(`offices.tri.${value}`)}</Badge>;
}

/** 09:00–12:00 */
export function interval(opens: string, closes: string): string {
  return `${opens}–${closes}`;
}
