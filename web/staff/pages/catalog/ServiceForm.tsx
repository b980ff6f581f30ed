import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogService } from '#contracts/catalog.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { CATALOG_KEY, useAreasAndBlocks } from './queries.ts';

const FIELDS = ['code', 'names.de', 'names.en', 'descriptions.de', 'descriptions.en', 'areaCode', 'blockCode', 'counting', 'active', 'position'];

/** The descriptions to send: the other languages kept, an emptied German or English one left out. */
function descriptionsOf(kept: Record<string, string>, de: string, en: string): Record<string, string> {
  const out: Record<string, string> = { ...kept };
  delete out['de'];
  delete out['en'];
  if (de.trim()) out['de'] = de;
  if (en.trim()) out['en'] = en;
  return out;
}

/**
 * Adds a service to a draft (no `service`) or edits one of its services: names in German and
 * English, description, area, block, how it is counted, active, order. Field errors from the server.
 */
export function ServiceForm({ versionId, service, onClose }: { versionId: string; service?: CatalogService; onClose?: () => void }) {
  const { t } = useTranslation('catalog');
  const { areas, blocks } = useAreasAndBlocks();
  const heading = useFocusOnOpen<HTMLHeadingElement>(service !== undefined);
  const [code, setCode] = useState(service?.code ?? '');
  const [nameDe, setNameDe] = useState(service?.names['de'] ?? '');
  const [nameEn, setNameEn] = useState(service?.names['en'] ?? '');
  const [descriptionDe, setDescriptionDe] = useState(service?.descriptions['de'] ?? '');
  const [descriptionEn, setDescriptionEn] = useState(service?.descriptions['en'] ?? '');
  const [areaCode, setAreaCode] = useState(service?.areaCode ?? '');
  const [blockCode, setBlockCode] = useState(service?.blockCode ?? '');
  const [counting, setCounting] = useState<'contacts' | 'minutes'>(service?.counting ?? 'minutes');
  const [active, setActive] = useState(service?.active ?? true);
  const [position, setPosition] = useState(service ? String(service.position) : '');
  const area = areaCode || areas[0]?.code || '';
  const block = blockCode || blocks[0]?.code || '';
  const form = service ? 'catalog-service-edit' : 'catalog-service-new';

  const apiForm = useApiForm(form, FIELDS, {
    send: () => {
      const common = {
        code: code.trim(),
        names: { ...(service?.names ?? {}), de: nameDe, en: nameEn },
        descriptions: descriptionsOf(service?.descriptions ?? {}, descriptionDe, descriptionEn),
        areaCode: area,
        blockCode: block,
        counting,
        active,
        ...(position.trim() ? { position: Number(position) } : {}),
      };
      return service
        ? api('PATCH /api/catalog/versions/:id/services/:serviceId', { params: { id: versionId, serviceId: service.id }, body: common })
        : api('POST /api/catalog/versions/:id/services', { params: { id: versionId }, body: common });
    },
    invalidate: [CATALOG_KEY],
    onSuccess: () => {
      if (service) {
        onClose?.();
        return;
      }
      setCode('');
      setNameDe('');
      setNameEn('');
      setDescriptionDe('');
      setDescriptionEn('');
      setPosition('');
    },
  });

  const headingId = `${form}-heading`;
  return (
    <section className={service ? 'staff-section staff-panel' : 'staff-section'} aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={service ? -1 : undefined} ref={service ? heading : undefined}>
        {service ? t('form.editHeading', { name: service.name }) : t('form.addHeading')}
      </h3>
      {!service && apiForm.succeeded ? <Alert variant="success" role="status" title={t('form.added')} /> : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('code')} label={t('form.code')} hint={t('form.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} error={apiForm.field('code')} autoComplete="off" />
        <TextField id={apiForm.id('names.de')} label={t('form.nameDe')} lang="de" value={nameDe} onChange={(e) => setNameDe(e.target.value)} error={apiForm.field('names.de')} />
        <TextField id={apiForm.id('names.en')} label={t('form.nameEn')} lang="en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} error={apiForm.field('names.en')} />
        <TextAreaField id={apiForm.id('descriptions.de')} label={t('form.descriptionDe')} lang="de" optional={t('staff:common.optional')} value={descriptionDe} onChange={(e) => setDescriptionDe(e.target.value)} error={apiForm.field('descriptions.de')} rows={2} />
        <TextAreaField id={apiForm.id('descriptions.en')} label={t('form.descriptionEn')} lang="en" optional={t('staff:common.optional')} value={descriptionEn} onChange={(e) => setDescriptionEn(e.target.value)} error={apiForm.field('descriptions.en')} rows={2} />
        <SelectField id={apiForm.id('areaCode')} label={t('form.area')} value={area} onChange={(e) => setAreaCode(e.target.value)} options={areas.map((a) => ({ value: a.code, label: a.name }))} error={apiForm.field('areaCode')} />
        <SelectField id={apiForm.id('blockCode')} label={t('form.block')} value={block} onChange={(e) => setBlockCode(e.target.value)} options={blocks.map((b) => ({ value: b.code, label: b.name }))} error={apiForm.field('blockCode')} />
        <RadioGroup
          id={apiForm.id('counting')}
          name={`${form}-counting`}
          legend={t('form.counting')}
          value={counting}
          options={[{ value: 'minutes', label: t('counting.minutes') }, { value: 'contacts', label: t('counting.contacts') }]}
          onChange={(value) => setCounting(value === 'contacts' ? 'contacts' : 'minutes')}
          error={apiForm.field('counting')}
          horizontal
        />
        <CheckboxField id={apiForm.id('active')} label={t('form.active')} checked={active} onChange={(e) => setActive(e.target.checked)} error={apiForm.field('active')} />
        <TextField id={apiForm.id('position')} label={t('form.position')} hint={t('form.positionHint')} optional={t('staff:common.optional')} inputMode="numeric" value={position} onChange={(e) => setPosition(e.target.value)} error={apiForm.field('position')} />
        {service ? (
          <FormActions submit={t('staff:common.save')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={() => onClose?.()} />
        ) : (
          <FormActions submit={t('form.add')} disabled={apiForm.busy} />
        )}
      </form>
    </section>
  );
}
