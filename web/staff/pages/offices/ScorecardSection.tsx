import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import type { ScorecardCriterion } from '#web/staff/types.ts';
import { LightBadge } from '#web/staff/labels.tsx';
import { Section } from '#web/ui/Section.tsx';

// i18n-keys: staff:offices.criterion.*, staff:offices.evidence.*, staff:offices.scorecard.notes.*, staff:offices.rating.*, staff:offices.tri.*
const TRI = new Set(['yes', 'no', 'unknown']);
const RATINGS = new Set(['good', 'fair', 'poor']);

/** One piece of evidence as "label: value", values translated where they are words. */
function Evidence({ name, value }: { name: string; value: string | number | boolean | null }) {
  const { t, i18n } = useTranslation();
  let shown: string;
  if (value === null) shown = t('offices.tri.unknown');
  else if (typeof value === 'boolean') shown = value ? t('common.yes') : t('common.no');
  else if (typeof value === 'number') shown = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value);
  else if (TRI.has(value) && name !== 'note') shown = t(`offices.tri.${value}`);
  else if (RATINGS.has(value) && name === 'rating') shown = t(`offices.rating.${value}`);
  else shown = value;
  if (name === 'note' && !shown) return null;
  return (
    <li>
      {t(`offices.evidence.${name}`, { defaultValue: name })}: {shown}
    </li>
  );
}

/** Each seed criterion with its traffic light (word and icon, not colour alone), its evidence and why. */
export function ScorecardSection({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const card = useQuery({ queryKey: ['scorecard', officeId], queryFn: () => api('GET /api/offices/:id/scorecard', { params: { id: officeId } }) });
  return (
    <Section id="office-scorecard" heading={t('offices.scorecardHeading')} lead={t('offices.scorecardLead')}>
      {card.isError ? <Alert variant="danger" title={t('errors.loadFailed')} /> : null}
      {card.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {card.data ? (
        <Table
          caption={t('offices.scorecardCaption')}
          rows={card.data.criteria}
          rowKey={(c: ScorecardCriterion) => c.criterion}
          empty={t('offices.noCriteria')}
          columns={[
            { key: 'criterion', header: t('offices.criterionHeader'), rowHeader: true, cell: (c) => t(`offices.criterion.${c.criterion}`) },
            { key: 'light', header: t('offices.lightHeader'), cell: (c) => <LightBadge light={c.light} /> },
            {
              key: 'evidence',
              header: t('offices.evidenceHeader'),
              cell: (c) => (
                <ul className="staff-plain-list">
                  {Object.entries(c.evidence).map(([name, value]) => (
                    <Evidence key={name} name={name} value={value} />
                  ))}
                </ul>
              ),
            },
            { key: 'why', header: t('offices.whyHeader'), cell: (c) => t(`offices.scorecard.notes.${c.noteKey}`, { defaultValue: c.note }) },
          ]}
        />
      ) : null}
    </Section>
  );
}
