import { useTranslation } from 'react-i18next';
import type { TransferPackage, TransferPerson } from '#contracts/transfers.ts';
import { Table } from '#web/ui/Table.tsx';
import { formatDate } from '#web/staff/format.ts';
import { languageList } from '#web/staff/labels.tsx';

// i18n-keys: cases:relationship.*, consents:method.*
/**
 * What moves with a transfer, as the sender sees it before sending and the receiver when deciding:
 * the people with their names, birth, nationalities, languages and residence status; the open
 * goals of the plan; the consents that let it move; open Fachleistung approvals. Nothing else.
 */
export function TransferPackageView({ pkg, headingLevel }: { pkg: TransferPackage; headingLevel: 3 | 4 }) {
  const { t, i18n } = useTranslation('transfers');
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const nameOf = (ref: string | null) => {
    const p = pkg.people.find((x) => x.ref === ref);
    return p ? `${p.givenNames} ${p.familyName}`.trim() : '–';
  };
  const date = (d: string | null) => (d ? formatDate(d, i18n.language) : '–');
  return (
    <>
      <Table<TransferPerson>
        caption={t('package.people')}
        rows={pkg.people}
        rowKey={(p) => p.ref}
        empty={t('package.none')}
        columns={[
          {
            key: 'name',
            header: t('package.name'),
            rowHeader: true,
            cell: (p) => (
              <>
                {`${p.givenNames} ${p.familyName}`.trim()}
                {p.givenNamesOriginal || p.familyNameOriginal ? (
                  <>
                    <br />
                    <span dir="auto">{`${p.givenNamesOriginal} ${p.familyNameOriginal}`.trim()}</span>
                  </>
                ) : null}
                {p.otherSpellings.length ? (
                  <>
                    <br />
                    {t('package.spellings', { spellings: p.otherSpellings.join(', ') })}
                  </>
                ) : null}
              </>
            ),
          },
          { key: 'relationship', header: t('package.relationship'), cell: (p) => t(`cases:relationship.${p.relationship}`) },
          { key: 'birth', header: t('package.birthDate'), cell: (p) => p.birthDate ?? '–' },
          { key: 'nationalities', header: t('package.nationalities'), cell: (p) => p.nationalities.join(', ') || '–' },
          { key: 'languages', header: t('package.languages'), cell: (p) => (p.languages.length ? languageList(p.languages, i18n.language) : '–') },
          { key: 'residence', header: t('package.residence'), cell: (p) => (p.residence ? `${p.residence.name}${p.residence.paragraph ? ` (${p.residence.paragraph})` : ''}${p.residence.expiresOn ? ` — ${t('package.until', { date: date(p.residence.expiresOn) })}` : ''}` : '–') },
        ]}
      />
      <H className="kern-heading-small">{t('package.goals')}</H>
      {pkg.goals.length ? (
        <ul className="kern-list">
          {pkg.goals.map((g, i) => (
            <li key={`${g.areaCode}-${i}`}>
              {g.title} — {t('package.goalLine', { responsible: g.responsibleRef ? nameOf(g.responsibleRef) : '–', due: date(g.dueOn) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('package.noGoals')}</p>
      )}
      <H className="kern-heading-small">{t('package.consents')}</H>
      <ul className="kern-list">
        {pkg.consents.map((c) => (
          <li key={c.personRef}>{t('package.consentLine', { person: nameOf(c.personRef), recipient: c.recipient, given: date(c.givenOn), until: date(c.validUntil), method: t(`consents:method.${c.method}`) })}
            {c.witnessName ? `, ${t('package.witness', { name: c.witnessName })}` : ''}
          </li>
        ))}
      </ul>
      <H className="kern-heading-small">{t('package.approvals')}</H>
      {pkg.approvals.length ? (
        <ul className="kern-list">
          {pkg.approvals.map((a) => (
            <li key={`${a.approvedFrom}-${a.approvedUntil}`}>{t('package.approvalLine', { hours: a.approvedHours, from: date(a.approvedFrom), until: date(a.approvedUntil) })}</li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('package.noApprovals')}</p>
      )}
    </>
  );
}
