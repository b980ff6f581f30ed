import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS, type Partner, type PartnerKind } from '#contracts/network.ts';
import { SelectField, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';

const FIELDS = ['regionCode', 'kind', 'name', 'contact'] as const;
export const partnersKey = ['partners'] as const;

// i18n-keys: network:kind.*
/**
 * Adds a partner of the provider in a region (kind, name as a consent names it, contact), or
 * changes one with the version read. The field messages come from the API's problem.
 */
export function PartnerForm({ regions, partner, onClose, onSaved }: { regions: readonly { code: string; name: string }[]; partner: Partner | null; onClose: () => void; onSaved: (p: Partner) => void }) {
  const { t } = useTranslation('network');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [regionCode, setRegionCode] = useState(partner?.regionCode ?? regions[0]?.code ?? '');
  const [kind, setKind] = useState<PartnerKind>(partner?.kind ?? 'language_course');
  const [name, setName] = useState(partner?.name ?? '');
  const [contact, setContact] = useState(partner?.contact ?? '');
  const form = partner ? `partner-${partner.id}` : 'partner-new';
  const apiForm = useApiForm(form, FIELDS, {
    send: () =>
      partner
        ? api('PATCH /api/partners/:id', { params: { id: partner.id }, body: { version: partner.version, kind, name, contact } })
        : api('POST /api/partners', { body: { regionCode, kind, name, contact } }),
    invalidate: [partnersKey],
    onSuccess: onSaved,
  });
  const headingId = `${form}-heading`;
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h2 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {partner ? t('form.editHeading', { name: partner.name }) : t('form.heading')}
      </h2>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        {partner ? null : <SelectField id={apiForm.id('regionCode')} label={t('form.region')} value={regionCode} onChange={(e) => setRegionCode(e.target.value)} error={apiForm.field('regionCode')} options={regions.map((r) => ({ value: r.code, label: r.name }))} />}
        <SelectField id={apiForm.id('kind')} label={t('form.kind')} value={kind} onChange={(e) => setKind(e.target.value as PartnerKind)} error={apiForm.field('kind')} options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        <TextField id={apiForm.id('name')} label={t('form.name')} hint={t('form.nameHint')} value={name} onChange={(e) => setName(e.target.value)} error={apiForm.field('name')} autoComplete="off" />
        <TextAreaField id={apiForm.id('contact')} label={t('form.contact')} optional={t('form.optional')} hint={t('form.contactHint')} value={contact} onChange={(e) => setContact(e.target.value)} error={apiForm.field('contact')} rows={2} />
        <FormActions submit={t('form.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
