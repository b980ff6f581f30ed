import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES } from '#contracts/audit.ts';
import { Button } from '#web/ui/Button.tsx';
import { SelectField, TextField } from '#web/ui/Field.tsx';
import { api } from '#web/staff/api.ts';
import type { useFormErrors } from '#web/staff/forms.tsx';

/** The filter's fields, as they stand in the page's address (`/audit?action=…&from=…`). */
export const FILTER_FIELDS = ['action', 'account', 'recordType', 'recordId', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type AuditFilter = Partial<Record<FilterField, string>>;

export function filterOf(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const name of FILTER_FIELDS) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  return filter;
}

/** Action choices: per group (the part before the first dot) "all of the group", then each action. */
function actionOptions(label: (action: string) => string, groupLabel: (group: string) => string) {
  const groups = new Map<string, string[]>();
  for (const action of AUDIT_ACTIONS) {
    const group = action.split('.')[0] ?? action;
    groups.set(group, [...(groups.get(group) ?? []), action]);
  }
  return [...groups].flatMap(([group, actions]) => [
    ...(actions.length > 1 ? [{ value: `${group}.*`, label: groupLabel(group) }] : []),
    ...actions.map((action) => ({ value: action, label: `${label(action)} (${action})` })),
  ]);
}

/**
 * The filter form (KERN form inputs with labels): a GET-like form whose values go into the page's
 * address, so a filtered view can be bookmarked and shared; the server checks them (a refused value
 * comes back as a field message and in the error summary above the form).
 */
export function AuditFilterForm({ filter, onApply, errors }: { filter: AuditFilter; onApply: (next: AuditFilter) => void; errors: ReturnType<typeof useFormErrors> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(filter);
  useEffect(() => setDraft(filter), [filter]);
  const options = useQuery({ queryKey: ['audit-filter-options'], queryFn: () => api('GET /api/audit/filter-options') });
  const set = (name: FilterField) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }));
  const actionLabel = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
  const typeLabel = (type: string) => t(`audit.recordTypes.${type}`, { defaultValue: type });
  const groupLabel = (group: string) => t('audit.filter.group', { group: t(`audit.groups.${group}`, { defaultValue: group }) });
  const accounts = options.data?.accounts ?? [];
  const known = (value: string | undefined, values: readonly string[]) => (value && !values.includes(value) ? [{ value, label: value }] : []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(Object.fromEntries(Object.entries(draft).filter(([, v]) => v && v.trim() !== '').map(([k, v]) => [k, v.trim()])));
  };

  return (
    <section className="staff-section" aria-labelledby="audit-filter-title">
      <h2 className="kern-heading-small" id="audit-filter-title">
        {t('audit.filter.title')}
      </h2>
      {errors.summary}
      <form className="staff-form staff-form--wide staff-inline-form" noValidate onSubmit={submit}>
        <SelectField
          id={errors.id('action')}
          name="action"
          label={t('audit.filter.action')}
          value={draft.action ?? ''}
          onChange={set('action')}
          error={errors.field('action')}
          options={[{ value: '', label: t('audit.filter.anyAction') }, ...known(draft.action, [...AUDIT_ACTIONS, ...AUDIT_ACTIONS.map((a) => `${a.split('.')[0] ?? a}.*`)]), ...actionOptions(actionLabel, groupLabel)]}
        />
        <SelectField
          id={errors.id('account')}
          name="account"
          label={t('audit.filter.account')}
          value={draft.account ?? ''}
          onChange={set('account')}
          error={errors.field('account')}
          options={[
            { value: '', label: t('audit.filter.anyAccount') },
            ...known(draft.account, accounts.map((a) => a.id)),
            ...accounts.map((a) => ({ value: a.id, label: `${a.label} (${a.organisation})` })),
          ]}
        />
        <SelectField
          id={errors.id('recordType')}
          name="recordType"
          label={t('audit.filter.recordType')}
          value={draft.recordType ?? ''}
          onChange={set('recordType')}
          error={errors.field('recordType')}
          options={[
            { value: '', label: t('audit.filter.anyRecordType') },
            ...known(draft.recordType, AUDIT_RECORD_TYPES),
            ...AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: typeLabel(type) })),
          ]}
        />
        <TextField
          id={errors.id('recordId')}
          name="recordId"
          label={t('audit.filter.recordId')}
          hint={t('audit.filter.recordIdHint')}
          value={draft.recordId ?? ''}
          onChange={set('recordId')}
          error={errors.field('recordId')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField id={errors.id('from')} name="from" type="date" label={t('audit.filter.from')} hint={t('audit.filter.periodHint')} value={draft.from ?? ''} onChange={set('from')} error={errors.field('from')} />
        <TextField id={errors.id('to')} name="to" type="date" label={t('audit.filter.to')} hint={t('audit.filter.periodHint')} value={draft.to ?? ''} onChange={set('to')} error={errors.field('to')} />
        <div className="staff-actions">
          <Button type="submit">{t('audit.filter.apply')}</Button>
          <Button type="button" variant="secondary" onClick={() => onApply({})}>
            {t('audit.filter.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}
