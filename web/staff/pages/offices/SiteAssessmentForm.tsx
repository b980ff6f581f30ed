import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/ui/Button.tsx';
import { RadioGroup, TextAreaField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { OfficeDetail, Rating, SiteAssessment } from '../../types.ts';

const ASPECTS = ['footpaths', 'signage', 'position'] as const;
type Aspect = (typeof ASPECTS)[number];
interface Entry {
  rating: Rating | '';
  note: string;
}

// i18n-keys: staff:offices.site.*
/** The coordinator's assessment of footpaths, signage and the position in the building: a rating and a note each. */
export function SiteAssessmentForm({ office, onClose }: { office: OfficeDetail; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const initial = (aspect: Aspect): Entry => office.siteAssessment[aspect] ?? { rating: '', note: '' };
  const [entries, setEntries] = useState<Record<Aspect, Entry>>({ footpaths: initial('footpaths'), signage: initial('signage'), position: initial('position') });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('office-site', ASPECTS.flatMap((a) => [a, `${a}.rating`, `${a}.note`]));
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const entryOf = (aspect: Aspect) => {
      const e = entries[aspect];
      return e.rating === '' ? null : { rating: e.rating, note: e.note };
    };
    const body: SiteAssessment = { footpaths: entryOf('footpaths'), signage: entryOf('signage'), position: entryOf('position') };
    try {
      await api('PUT', `/api/offices/${office.id}/site-assessment`, body);
      await Promise.all([client.invalidateQueries({ queryKey: ['office', office.id] }), client.invalidateQueries({ queryKey: ['scorecard', office.id] })]);
      onClose(true);
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  };

  const options = [
    { value: 'good', label: t('offices.rating.good') },
    { value: 'fair', label: t('offices.rating.fair') },
    { value: 'poor', label: t('offices.rating.poor') },
    { value: '', label: t('offices.rating.none') },
  ];
  const asRating = (v: string): Rating | '' => (v === 'good' || v === 'fair' || v === 'poor' ? v : '');

  return (
    <section className="staff-section staff-panel" aria-labelledby="office-site-heading">
      <h2 className="kern-heading-medium" id="office-site-heading" tabIndex={-1} ref={heading}>
        {t('offices.editSite')}
      </h2>
      <p className="kern-body">{t('offices.siteLead')}</p>
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        {ASPECTS.map((aspect) => (
          <fieldset key={aspect} className="kern-fieldset staff-subform">
            <legend className="kern-title">{t(`offices.site.${aspect}`)}</legend>
            <RadioGroup
              id={errors.id(`${aspect}.rating`)}
              name={`site-${aspect}`}
              legend={t('offices.ratingOf', { aspect: t(`offices.site.${aspect}`) })}
              value={entries[aspect].rating}
              options={options}
              onChange={(v) => setEntries({ ...entries, [aspect]: { ...entries[aspect], rating: asRating(v) } })}
              error={errors.field(`${aspect}.rating`)}
              horizontal
            />
            <TextAreaField
              id={errors.id(`${aspect}.note`)}
              label={t('offices.noteOf', { aspect: t(`offices.site.${aspect}`) })}
              optional={t('common.optional')}
              rows={3}
              value={entries[aspect].note}
              onChange={(e) => setEntries({ ...entries, [aspect]: { ...entries[aspect], note: e.target.value } })}
              error={errors.field(`${aspect}.note`)}
            />
          </fieldset>
        ))}
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('common.save')}
          </Button>
          <Button variant="tertiary" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
