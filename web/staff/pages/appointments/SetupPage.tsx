import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import type { AppointmentType, Resource } from '#web/staff/types.ts';
import { interval, languageList, weekdayName } from '#web/staff/labels.tsx';
import { useOffice, useSetup } from '#web/staff/queries.ts';
import { useNotice } from '#web/staff/forms.tsx';
import { ClosuresForm } from './ClosuresForm.tsx';
import { ResourceForm } from './ResourceForm.tsx';
import { TypeForm } from './TypeForm.tsx';
import { Section } from '#web/ui/Section.tsx';

/** Appointment setup of one office (provider admin): types, counsellors and interpreters, closures. */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const office = useOffice(id);
  const setup = useSetup(id);
  const title = t('setup.titleOf', { office: office.data?.name ?? '' });
  useDocumentTitle(title);
  const [editingType, setEditingType] = useState<AppointmentType | null>(null);
  const [editingResource, setEditingResource] = useState<Resource | null>(null);
  const typeNotice = useNotice();
  const resourceNotice = useNotice();
  const minutes = (n: number) => t('setup.minutes', { n });

  return (
    <>
      <PageHeader title={title} lead={t('setup.lead')} />
      <p className="kern-body">
        <Link className="kern-link" to={`/offices/${id}`}>
          {t('calendar.backToOffice')}
        </Link>
      </p>
      {setup.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {setup.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {setup.data ? (
        <>
          <Section id="types-heading" heading={t('setup.type.heading')}>
            <Table
              caption={t('setup.type.caption')}
              rows={setup.data.types}
              rowKey={(ty) => ty.id}
              empty={t('setup.type.empty')}
              columns={[
                { key: 'name', header: t('setup.type.name'), rowHeader: true, cell: (ty) => ty.name },
                { key: 'kind', header: t('setup.type.kind'), cell: (ty) => t(`setup.kind.${ty.kind}`) },
                { key: 'duration', header: t('setup.type.durationMinutes'), cell: (ty) => minutes(ty.durationMinutes) },
                { key: 'buffers', header: t('setup.type.buffers'), cell: (ty) => t('setup.type.buffersValue', { before: ty.bufferBeforeMinutes, after: ty.bufferAfterMinutes }) },
                { key: 'notice', header: t('setup.type.minNoticeMinutes'), cell: (ty) => minutes(ty.minNoticeMinutes) },
                { key: 'horizon', header: t('setup.type.horizonDays'), cell: (ty) => t('setup.days', { n: ty.horizonDays }) },
                { key: 'web', header: t('setup.type.webPerDay'), cell: (ty) => (ty.webPerDay === null ? t('setup.type.noLimit') : ty.webPerDay) },
                { key: 'walkIn', header: t('setup.type.walkIn'), cell: (ty) => (ty.walkIn ? t('common.yes') : t('common.no')) },
                { key: 'active', header: t('common.status'), cell: (ty) => (ty.active ? t('setup.active') : t('setup.inactive')) },
                {
                  key: 'actions',
                  header: t('common.actions'),
                  cell: (ty) => (
                    <Button variant="tertiary" small onClick={() => {
                      typeNotice.clear();
                      setEditingType(ty);
                    }} aria-label={t('setup.type.editNamed', { name: ty.name })}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]}
            />
            {typeNotice.region}
            {editingType ? (
              <TypeForm
                key={editingType.id}
                officeId={id}
                type={editingType}
                onClose={(saved) => {
                  if (saved) typeNotice.show(t('common.savedNamed', { name: editingType.name }));
                  setEditingType(null);
                }}
              />
            ) : null}
            <TypeForm officeId={id} type={null} onClose={() => undefined} />
          </Section>
          <Section id="resources-heading" heading={t('setup.resource.heading')}>
            <Table
              caption={t('setup.resource.caption')}
              rows={setup.data.resources}
              rowKey={(r) => r.id}
              empty={t('setup.resource.empty')}
              columns={[
                { key: 'name', header: t('setup.resource.displayName'), rowHeader: true, cell: (r) => r.displayName },
                { key: 'kind', header: t('setup.resource.kind'), cell: (r) => (r.kind === 'counsellor' ? t('setup.resource.counsellor') : t('setup.resource.interpreter')) },
                { key: 'languages', header: t('setup.resource.languages'), cell: (r) => languageList(r.languages, i18n.language) },
                {
                  key: 'availability',
                  header: t('setup.resource.availability'),
                  cell: (r) => r.availability.map((w) => `${weekdayName(w.weekday, i18n.language, 'short')} ${interval(w.starts, w.ends)}`).join(', ') || t('setup.resource.noAvailability'),
                },
                { key: 'absences', header: t('setup.resource.absences'), numeric: true, cell: (r) => r.absences.length },
                { key: 'active', header: t('common.status'), cell: (r) => (r.active ? t('setup.active') : t('setup.inactive')) },
                {
                  key: 'actions',
                  header: t('common.actions'),
                  cell: (r) => (
                    <Button variant="tertiary" small onClick={() => {
                      resourceNotice.clear();
                      setEditingResource(r);
                    }} aria-label={t('setup.resource.editNamed', { name: r.displayName })}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]}
            />
            {resourceNotice.region}
            {editingResource ? (
              <ResourceForm
                key={editingResource.id}
                officeId={id}
                organisationId={office.data?.provider.id}
                resource={editingResource}
                onClose={(saved) => {
                  if (saved) resourceNotice.show(t('common.savedNamed', { name: editingResource.displayName }));
                  setEditingResource(null);
                }}
              />
            ) : null}
            <ResourceForm officeId={id} organisationId={office.data?.provider.id} resource={null} onClose={() => undefined} />
          </Section>
          <ClosuresForm key={JSON.stringify(setup.data.closures)} setup={setup.data} />
        </>
      ) : null}
    </>
  );
}
