import { useTranslation } from 'react-i18next';
import type { ServiceEntry } from '#contracts/case-work.ts';
import type { Person } from '#contracts/cases.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { formatDate, todayInBerlin } from '#web/staff/format.ts';
import { usePanels } from '#web/staff/forms.tsx';
import { languageName } from '#web/staff/labels.tsx';
import { useGlance } from './assessment-state.ts';
import { entryDefaults, recentFirst } from './entry-defaults.ts';
import { useCurrentCatalog, useServiceEntries } from './entry-state.ts';
import { ServiceEntryForm } from './ServiceEntryForm.tsx';

type Panel = { kind: 'add' } | { kind: 'edit'; id: string };

// i18n-keys: entries:setting.*
/**
 * The household's service entries (Leistungsnachweise): "document a service" opens the form with
 * the defaults of entry-defaults.ts, so a usual entry takes the service, the note and "save"; the
 * entries newest first, each correctable with the version read. Buttons follow the glance's
 * permittedActions for this household.
 */
export function ServiceEntriesSection({ householdId, members }: { householdId: string; members: readonly Person[] }) {
  const { t, i18n } = useTranslation('entries');
  const glance = useGlance(householdId);
  const may = (action: string) => glance.data?.permittedActions.includes(action) ?? false;
  const query = useServiceEntries(householdId, may('service-entry.read'));
  const catalog = useCurrentCatalog(may('service-entry.create'));
  const { panel, open, close, saved, region } = usePanels<Panel>();
  if (!glance.data || !may('service-entry.read')) return null;
  const entries = query.data?.entries ?? [];
  const inForce = (catalog.data?.services ?? []).filter((s) => s.active);
  const order = recentFirst(
    inForce.map((s) => s.id),
    entries,
  );
  const services = order.flatMap((id) => inForce.filter((s) => s.id === id));
  const choices = { services, members: members.map((m) => ({ id: m.id, name: `${m.givenNames} ${m.familyName}`.trim(), languages: m.languages })) };
  const defaults = entryDefaults(
    todayInBerlin(),
    members.map((m) => ({ id: m.id, isHead: m.relationship === 'head', language: m.languages[0] ?? null })),
    entries,
    new Set(inForce.map((s) => s.id)),
  );
  const nameOf = (id: string) => choices.members.find((m) => m.id === id)?.name ?? '–';
  const editing = panel?.kind === 'edit' ? entries.find((e) => e.id === panel.id) : undefined;
  return (
    <Section id="service-entries" heading={t('heading')} lead={t('lead')}>
      {region}
      {query.isError || catalog.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {may('service-entry.create') ? (
        <div className="staff-actions">
          <Button variant="primary" onClick={() => open({ kind: 'add' })} disabled={!catalog.data}>
            {t('form.open')}
          </Button>
        </div>
      ) : null}
      {panel?.kind === 'add' && catalog.data ? <ServiceEntryForm householdId={householdId} choices={choices} defaults={defaults} onClose={close} onSaved={saved(t('form.saved'))} /> : null}
      {editing ? <ServiceEntryForm key={editing.id} householdId={householdId} choices={choices} defaults={defaults} entry={editing} onClose={close} onSaved={saved(t('form.corrected'))} /> : null}
      {query.isPending ? <p className="kern-body">{t('staff:loading.title')}</p> : null}
      {query.data ? (
        <Table<ServiceEntry>
          caption={t('list.caption')}
          rows={entries}
          rowKey={(e) => e.id}
          empty={t('list.none')}
          columns={[
            { key: 'on', header: t('form.occurredOn'), rowHeader: true, cell: (e) => formatDate(e.occurredOn, i18n.language) },
            { key: 'service', header: t('form.service'), cell: (e) => e.service.name },
            { key: 'setting', header: t('form.setting'), cell: (e) => `${t(`setting.${e.setting}`)}, ${t('list.minutes', { minutes: e.minutes })}` },
            {
              key: 'people',
              header: t('list.people'),
              cell: (e) => [...e.counselledIds.map(nameOf), ...e.alongsideIds.map((id) => t('list.alongside', { name: nameOf(id) }))].join(', '),
            },
            { key: 'language', header: t('list.language'), cell: (e) => <>{languageName(e.language, i18n.language)} {e.interpreter ? <Badge variant="info">{t('list.interpreter')}</Badge> : null}</> },
            { key: 'note', header: t('form.note'), cell: (e) => <>{e.note || '–'} {e.sealed ? <Badge variant="info">{t('list.sealed')}</Badge> : null}</> },
            { key: 'by', header: t('list.by'), cell: (e) => e.createdBy?.name ?? '–' },
            {
              key: 'actions',
              header: t('list.actions'),
              cell: (e) =>
                may('service-entry.edit') ? (
                  <Button variant="tertiary" small onClick={() => open({ kind: 'edit', id: e.id })}>
                    {t('list.correct', { service: e.service.name, date: formatDate(e.occurredOn, i18n.language) })}
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : null}
    </Section>
  );
}
