import { useTranslation } from 'react-i18next';
import type { Household } from '#contracts/cases.ts';
import { usePermissions } from '#web/staff/permissions.ts';

/**
 * "Auf dieser Seite": the parts of the case file as jump links to their headings, so that on a tablet
 * the social worker reaches the letters or the consents without scrolling through the whole file.
 * Only the parts this user sees (the same actions the sections read).
 */
export function CaseFileContents({ household }: { household: Pick<Household, 'permittedActions'> }) {
  const { t } = useTranslation('cases');
  const { may } = usePermissions();
  const parts: { id: string; label: string; shown: boolean }[] = [
    { id: 'glance', label: t('household.contents.glance'), shown: true },
    { id: 'assessments', label: t('household.contents.assessments'), shown: true },
    { id: 'plan', label: t('household.contents.plan'), shown: true },
    { id: 'service-entries', label: t('household.contents.serviceEntries'), shown: may('service-entry.read') },
    { id: 'consents', label: t('household.contents.consents'), shown: may('consent.read') },
    { id: 'specialist', label: t('household.contents.specialist'), shown: may('specialist-request.read') },
    { id: 'referrals', label: t('household.contents.referrals'), shown: may('referral.read') },
    { id: 'letters', label: t('household.contents.letters'), shown: may('letter.read') },
    { id: 'household-appointments', label: t('household.contents.appointments'), shown: household.permittedActions.includes('case.read') },
    { id: 'transfer', label: t('household.contents.transfer'), shown: may('transfer.read') },
    { id: 'privacy', label: t('household.contents.privacy'), shown: may('person.export') || may('person.erase') },
  ];
  return (
    <nav className="staff-contents" aria-label={t('household.contents.label')}>
      <p className="kern-label">{t('household.contents.label')}</p>
      <ul>
        {parts
          .filter((p) => p.shown)
          .map((p) => (
            <li key={p.id}>
              <a className="kern-link" href={`#${p.id}`}>
                {p.label}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
