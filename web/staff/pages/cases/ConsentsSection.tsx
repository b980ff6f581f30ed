import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_FORM_LANGUAGES, type Consent, type ConsentState } from '#contracts/consents.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge, type BadgeVariant } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { SelectField } from '#web/ui/Field.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { useApiForm, usePanels } from '#web/staff/forms.tsx';
import { languageName } from '#web/staff/labels.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { consentsKey, useConsents } from './consent-state.ts';
import { ConsentForm } from './ConsentForm.tsx';

type Panel = { kind: 'add' };
const STATE_BADGE: Record<ConsentState, BadgeVariant> = { valid: 'success', expired: 'warning', withdrawn: 'danger' };

// i18n-keys: consents:purpose.*, consents:recipientKind.*, consents:method.*, consents:state.*
/**
 * What the household's people consented to (Schweigepflichtentbindung), per person: purpose,
 * recipient, given when and how, valid until, and the state today (gültig / abgelaufen /
 * widerrufen). "Einwilligung erfassen" opens the form; "Widerrufen" asks once more and takes effect
 * at once. "Formular drucken" opens the consent as a PDF form to sign, German beside the language
 * chosen above the tables (by default the person's own). Buttons follow the list's
 * permittedActions for this household.
 */
export function ConsentsSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('consents');
  const readable = usePermissions().may('consent.read');
  const query = useConsents(householdId, readable);
  const { panel, open, close, saved, region } = usePanels<Panel>();
  const [confirming, setConfirming] = useState<Consent | null>(null);
  const [formLanguage, setFormLanguage] = useState('');
  const withdraw = useApiForm('consent-withdraw', [], {
    send: () => api('POST /api/consents/:id/withdraw', { params: { id: confirming?.id ?? '' }, body: { version: confirming?.version ?? 1 } }),
    invalidate: [consentsKey(householdId)],
    onSuccess: (c) => {
      setConfirming(null);
      saved(t('withdraw.done', { name: c.personName, recipient: c.recipient }))();
    },
  });
  if (!readable) return null;
  if (query.isError) return <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} />;
  if (!query.data) return null;
  const { consents, people, permittedActions } = query.data;
  const may = (action: string) => permittedActions.includes(action);
  const withConsents = people.filter((p) => consents.some((c) => c.personId === p.id));
  const how = (c: Consent) => (c.method === 'verbal_witnessed' ? t('list.verbalWith', { witness: c.witnessName }) : t(`method.${c.method}`));
  return (
    <Section id="consents" heading={t('heading')} lead={t('lead')}>
      {region}
      {may('consent.record') ? (
        <div className="staff-actions">
          <Button variant="primary" onClick={() => open({ kind: 'add' })}>
            {t('form.open')}
          </Button>
        </div>
      ) : null}
      {panel?.kind === 'add' ? <ConsentForm householdId={householdId} people={people} onClose={close} onSaved={saved(t('form.saved'))} /> : null}
      {confirming ? (
        <div className="staff-section staff-panel" role="group" aria-label={t('withdraw.heading')}>
          {withdraw.summary}
          <p className="kern-body">{t('withdraw.confirm', { name: confirming.personName, purpose: t(`purpose.${confirming.purpose}`), recipient: confirming.recipient })}</p>
          <div className="staff-actions">
            <Button variant="secondary" disabled={withdraw.busy} onClick={(e) => withdraw.onSubmit(e)}>
              {t('withdraw.yes')}
            </Button>
            <Button variant="tertiary" onClick={() => setConfirming(null)}>
              {t('staff:common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {withConsents.length === 0 ? <p className="kern-body">{t('list.none')}</p> : (
        <SelectField
          id="consent-form-language"
          label={t('print.language')}
          hint={t('print.languageHint')}
          value={formLanguage}
          onChange={(e) => setFormLanguage(e.target.value)}
          options={[
            { value: '', label: t('print.personLanguage') },
            ...CONSENT_FORM_LANGUAGES.map((code) => ({ value: code, label: code === 'de' ? t('print.germanOnly') : t('print.beside', { language: languageName(code, i18n.language) }) })),
          ]}
        />
      )}
      {withConsents.map((p) => (
        <Table<Consent>
          key={p.id}
          caption={t('list.caption', { name: p.name })}
          rows={consents.filter((c) => c.personId === p.id)}
          rowKey={(c) => c.id}
          empty={t('list.none')}
          columns={[
            { key: 'purpose', header: t('list.purpose'), rowHeader: true, cell: (c) => t(`purpose.${c.purpose}`) },
            { key: 'recipient', header: t('list.recipient'), cell: (c) => <>{c.recipient}{c.recipientKind === 'receiving_provider' ? <> <Badge variant="info">{t('recipientKind.receiving_provider')}</Badge></> : null}</> },
            { key: 'given', header: t('list.given'), cell: (c) => <>{formatDate(c.givenOn, i18n.language)}<br />{how(c)}</> },
            { key: 'until', header: t('list.validUntil'), cell: (c) => (c.validUntil ? formatDate(c.validUntil, i18n.language) : t('list.open')) },
            {
              key: 'state',
              header: t('list.state'),
              cell: (c) => (
                <>
                  <Badge variant={STATE_BADGE[c.state]}>{t(`state.${c.state}`)}</Badge>
                  {c.withdrawnAt ? <><br />{t('list.withdrawnOn', { date: formatDate(c.withdrawnAt.slice(0, 10), i18n.language), name: c.withdrawnBy?.name ?? '–' })}</> : null}
                </>
              ),
            },
            {
              key: 'actions',
              header: t('list.actions'),
              cell: (c) => (
                <>
                  <a className="kern-link" href={`/api/consents/${c.id}/form.pdf${formLanguage ? `?language=${formLanguage}` : ''}`}>
                    {t('print.open', { recipient: c.recipient })}
                  </a>
                  {may('consent.withdraw') && !c.withdrawnAt ? (
                    <>
                      <br />
                      <Button variant="tertiary" small onClick={() => { withdraw.clear(); setConfirming(c); }}>
                        {t('withdraw.open', { recipient: c.recipient })}
                      </Button>
                    </>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      ))}
    </Section>
  );
}
