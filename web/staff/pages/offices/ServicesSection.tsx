import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckboxField, FieldError } from '#web/ui/Field.tsx';
import { api } from '#web/staff/api.ts';
import type { useFormErrors } from '#web/staff/forms.tsx';
import type { OfficeDetail, OfficeServices } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

/** The catalog (service blocks, integration areas) labelled in the staff member's language. */
export function useCatalog() {
  const { i18n } = useTranslation();
  const blocks = useQuery({ queryKey: ['service-blocks', i18n.language], queryFn: () => api('GET /api/service-blocks'), staleTime: 5 * 60_000 });
  const areas = useQuery({ queryKey: ['integration-areas', i18n.language], queryFn: () => api('GET /api/integration-areas'), staleTime: 5 * 60_000 });
  return { blocks: blocks.data ?? [], areas: areas.data ?? [], loaded: Boolean(blocks.data && areas.data) };
}

const labelOf = (entries: { code: string; name: string }[], code: string) => entries.find((e) => e.code === code)?.name ?? code;

/** The services the office offers: service blocks and integration areas from the catalog. */
export function ServicesSection({ office }: { office: OfficeDetail }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const { blocks, areas } = office.services;
  return (
    <Section id="office-services" heading={t('offices.services.heading')}>
      <dl className="staff-facts">
        <dt>{t('offices.services.blocks')}</dt>
        <dd>{blocks.length ? blocks.map((code) => labelOf(catalog.blocks, code)).join(', ') : t('offices.none')}</dd>
        <dt>{t('offices.services.areas')}</dt>
        <dd>{areas.length ? areas.map((code) => labelOf(catalog.areas, code)).join(', ') : t('offices.none')}</dd>
      </dl>
    </Section>
  );
}

function CheckboxGroup({ legend, name, entries, value, onChange, idPrefix }: { legend: string; name: string; entries: { code: string; name: string }[]; value: string[]; onChange: (next: string[]) => void; idPrefix: string }) {
  const toggle = (code: string, on: boolean) => onChange(on ? entries.map((e) => e.code).filter((c) => c === code || value.includes(c)) : value.filter((c) => c !== code));
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body">
        {entries.map((e) => (
          <CheckboxField key={e.code} id={`${idPrefix}-${e.code}`} name={name} value={e.code} label={e.name} checked={value.includes(e.code)} onChange={(ev) => toggle(e.code, ev.target.checked)} />
        ))}
      </div>
    </fieldset>
  );
}

/** Checkbox groups for the office's service blocks and integration areas (the edit form). */
export function ServicesFields({ value, onChange, errors }: { value: OfficeServices; onChange: (next: { blocks: string[]; areas: string[] }) => void; errors: ReturnType<typeof useFormErrors> }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const blocks = value.blocks ?? [];
  const areas = value.areas ?? [];
  const error = errors.field('services');
  return (
    <div id={errors.id('services')} tabIndex={-1}>
      <FieldError error={error} />
      <CheckboxGroup legend={t('offices.services.blocksLegend')} name="blocks" idPrefix={errors.id('services.blocks')} entries={catalog.blocks} value={blocks} onChange={(next) => onChange({ blocks: next, areas })} />
      <CheckboxGroup legend={t('offices.services.areasLegend')} name="areas" idPrefix={errors.id('services.areas')} entries={catalog.areas} value={areas} onChange={(next) => onChange({ blocks, areas: next })} />
    </div>
  );
}
