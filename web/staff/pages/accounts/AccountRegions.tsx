import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckboxField, FieldError } from '#web/ui/Field.tsx';
import { api } from '#web/staff/api.ts';
import { isValidOn, todayInBerlin } from '#web/staff/format.ts';
import { useRegionsToday } from '#web/staff/queries.ts';
import type { Account } from '#web/staff/types.ts';

/**
 * The regions an account may be assigned to: for the city every region, for a provider those of
 * its service agreements in force today (the server refuses others).
 */
export function useAssignableRegions(account: Account, kind: 'city' | 'provider') {
  const regions = useRegionsToday();
  const agreements = useQuery({ queryKey: ['service-agreements'], queryFn: () => api('GET /api/service-agreements'), enabled: kind === 'provider' });
  const today = todayInBerlin();
  if (kind === 'city') return regions.data ?? [];
  const agreed = new Set((agreements.data ?? []).filter((a) => a.provider.id === account.organisationId && isValidOn(a, today)).map((a) => a.region.code));
  return (regions.data ?? []).filter((r) => agreed.has(r.code));
}

/** Checkboxes of the regions; none ticked: the account is not assigned and works in all of them. */
export function AccountRegionsField({ id, regions, value, onChange, error }: { id: string; regions: { code: string; name: string }[]; value: string[]; onChange: (next: string[]) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const toggle = (code: string, on: boolean) => onChange(on ? regions.map((r) => r.code).filter((c) => c === code || value.includes(c)) : value.filter((c) => c !== code));
  return (
    <fieldset className="kern-fieldset" id={id} tabIndex={-1} aria-describedby={`${id}-hint`}>
      <legend className="kern-label">{t('accounts.regions')}</legend>
      <p className="kern-hint" id={`${id}-hint`}>
        {t('accounts.regionsHint')}
      </p>
      <FieldError id={`${id}-error`} error={error} />
      <div className="kern-fieldset__body">
        {regions.length === 0 ? <p className="kern-body">{t('accounts.noRegions')}</p> : null}
        {regions.map((r) => (
          <CheckboxField key={r.code} id={`${id}-${r.code}`} name="regionCodes" value={r.code} label={r.name} checked={value.includes(r.code)} onChange={(e) => toggle(r.code, e.target.checked)} />
        ))}
      </div>
    </fieldset>
  );
}

/** "Alle Regionen" or the names of the assigned regions (the accounts table). */
export function regionsLabel(codes: readonly string[] | null, regions: { code: string; name: string }[], all: string): string {
  if (codes === null) return all;
  return codes.map((code) => regions.find((r) => r.code === code)?.name ?? code).join(', ');
}
