import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Person } from '#contracts/cases.ts';
import { ERASURE_REASONS, SUBJECT_ACCESS_LANGUAGES } from '#contracts/subject-access.ts';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, SelectField } from '#web/ui/Field.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useNotice } from '#web/staff/forms.tsx';
import { languageName } from '#web/staff/labels.tsx';
import { usePermissions } from '#web/staff/permissions.ts';

// i18n-keys: privacy:reason.*
/**
 * The person's rights on the household page: "Auskunft (Art. 15)" downloads everything held about
 * one person as JSON or as PDF (German beside the language chosen, by default the person's own);
 * "Löschen auf Antrag" (the provider's administrator) erases the person or the whole household
 * after asking once more, with a reason. The server decides reach and logs both.
 */
export function PrivacySection({ householdId, members }: { householdId: string; members: Person[] }) {
  const { t, i18n } = useTranslation('privacy');
  const { may } = usePermissions();
  const navigate = useNavigate();
  const client = useQueryClient();
  const notice = useNotice();
  const [language, setLanguage] = useState('');
  const [erasing, setErasing] = useState<Person | null>(null);
  const [whole, setWhole] = useState(false);
  const [reason, setReason] = useState<(typeof ERASURE_REASONS)[number]>('subject_request');
  const erase = useApiForm('person-erase', ['reason'], {
    send: () => api('POST /api/people/:id/erase', { params: { id: erasing?.id ?? '' }, body: { version: erasing?.version ?? 1, reason, wholeHousehold: whole } }),
    onSuccess: async (result) => {
      setErasing(null);
      // The household is gone: back to the list before its page asks for it again.
      if (result.wholeHousehold) return navigate('/households');
      await client.invalidateQueries({ queryKey: ['households', householdId] });
      notice.show(t('erase.personDone'));
    },
  });
  if (!may('person.export') && !may('person.erase')) return null;
  const nameOf = (p: Person) => `${p.givenNames} ${p.familyName}`.trim();
  const query = language ? `?language=${language}` : '';
  return (
    <Section id="privacy" heading={t('heading')} lead={t('lead')}>
      {notice.region}
      {erasing ? (
        <div className="staff-section staff-panel" role="group" aria-label={t('erase.heading', { name: nameOf(erasing) })}>
          {erase.summary}
          <p className="kern-body">{t('erase.warning', { name: nameOf(erasing) })}</p>
          <SelectField
            id={erase.id('reason')}
            label={t('erase.reason')}
            value={reason}
            error={erase.field('reason')}
            onChange={(e) => setReason(e.target.value as (typeof ERASURE_REASONS)[number])}
            options={ERASURE_REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
          />
          <CheckboxField id="person-erase-whole" label={t('erase.whole', { count: members.length })} checked={whole} onChange={(e) => setWhole(e.target.checked)} />
          <div className="staff-actions">
            <Button variant="secondary" disabled={erase.busy} onClick={(e) => erase.onSubmit(e)}>
              {whole ? t('erase.confirmHousehold') : t('erase.confirmPerson', { name: nameOf(erasing) })}
            </Button>
            <Button variant="tertiary" onClick={() => setErasing(null)}>
              {t('staff:common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {may('person.export') ? (
        <SelectField
          id="subject-access-language"
          label={t('export.language')}
          hint={t('export.languageHint')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          options={[
            { value: '', label: t('export.personLanguage') },
            ...SUBJECT_ACCESS_LANGUAGES.map((code) => ({ value: code, label: code === 'de' ? t('export.germanOnly') : t('export.beside', { language: languageName(code, i18n.language) }) })),
          ]}
        />
      ) : null}
      <Table<Person>
        caption={t('caption')}
        rows={members}
        rowKey={(p) => p.id}
        empty={t('none')}
        columns={[
          { key: 'name', header: t('person'), rowHeader: true, cell: nameOf },
          {
            key: 'export',
            header: t('export.heading'),
            cell: (p) =>
              may('person.export') ? (
                <>
                  <a className="kern-link" href={`/api/people/${p.id}/subject-access.json`} download>
                    {t('export.json', { name: nameOf(p) })}
                  </a>
                  <br />
                  <a className="kern-link" href={`/api/people/${p.id}/subject-access.pdf${query}`} download>
                    {t('export.pdf', { name: nameOf(p) })}
                  </a>
                </>
              ) : '–',
          },
          ...(may('person.erase')
            ? [{
                key: 'erase',
                header: t('erase.column'),
                cell: (p: Person) => (
                  <Button variant="tertiary" small onClick={() => { erase.clear(); setWhole(false); setReason('subject_request'); setErasing(p); }}>
                    {t('erase.open', { name: nameOf(p) })}
                  </Button>
                ),
              }]
            : []),
        ]}
      />
    </Section>
  );
}
