import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup, TextAreaField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { OfficeDetail, Rating, SiteAssessment } from '#web/staff/types.ts';
import { EvidencePhotos } from './EvidencePhotos.tsx';
import { Section } from '#web/ui/Section.tsx';

const ASPECTS = ['footpaths', 'signage', 'position'] as const;
type Aspect = (typeof ASPECTS)[number];
interface Entry {
  rating: Rating | '';
  note: string;
}

// i18n-keys: staff:offices.site.*
/** The coordinator's assessment of footpaths, signage and the position in the building: a rating, a note and photos each (photos are saved at once). */
export function SiteAssessmentForm({ office, onClose }: { office: OfficeDetail; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const initial = (aspect: Aspect): Entry => office.siteAssessment[aspect] ?? { rating: '', note: '' };
  const [entries, setEntries] = useState<Record<Aspect, Entry>>({ footpaths: initial('footpaths'), signage: initial('signage'), position: initial('position') });

  const apiForm = useApiForm('office-site', ASPECTS.flatMap((a) => [a, `${a}.rating`, `${a}.note`]), {
    send: async () => {
      const entryOf = (aspect: Aspect) => {
        const e = entries[aspect];
        return e.rating === '' ? null : { rating: e.rating, note: e.note };
      };
      const body: SiteAssessment = { footpaths: entryOf('footpaths'), signage: entryOf('signage'), position: entryOf('position') };
      await api('PUT /api/offices/:id/site-assessment', { params: { id: office.id }, body });
    },
    invalidate: [['office', office.id], ['scorecard', office.id]],
    onSuccess: () => onClose(true),
  });

  const options = [
    { value: 'good', label: t('offices.rating.good') },
    { value: 'fair', label: t('offices.rating.fair') },
    { value: 'poor', label: t('offices.rating.poor') },
    { value: '', label: t('offices.rating.none') },
  ];
  const asRating = (v: string): Rating | '' => (v === 'good' || v === 'fair' || v === 'poor' ? v : '');

  return (
    <Section id="office-site-heading" heading={t('offices.editSite')} lead={t('offices.siteLead')} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        {ASPECTS.map((aspect) => (
          <fieldset key={aspect} className="kern-fieldset staff-subform">
            <legend className="kern-title">{t(`offices.site.${aspect}`)}</legend>
            <RadioGroup
              id={apiForm.id(`${aspect}.rating`)}
              name={`site-${aspect}`}
              legend={t('offices.ratingOf', { aspect: t(`offices.site.${aspect}`) })}
              value={entries[aspect].rating}
              options={options}
              onChange={(v) => setEntries({ ...entries, [aspect]: { ...entries[aspect], rating: asRating(v) } })}
              error={apiForm.field(`${aspect}.rating`)}
              horizontal
            />
            <TextAreaField
              id={apiForm.id(`${aspect}.note`)}
              label={t('offices.noteOf', { aspect: t(`offices.site.${aspect}`) })}
              optional={t('common.optional')}
              rows={3}
              value={entries[aspect].note}
              onChange={(e) => setEntries({ ...entries, [aspect]: { ...entries[aspect], note: e.target.value } })}
              error={apiForm.field(`${aspect}.note`)}
            />
            <EvidencePhotos officeId={office.id} criterion={aspect} id={apiForm.id(`${aspect}.photo`)} />
          </fieldset>
        ))}
        <FormActions submit={t('common.save')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
    </Section>
  );
}
