import { useTranslation } from 'react-i18next';
import { Table } from '#web/ui/Table.tsx';
import { formatDate } from '#web/staff/format.ts';
import type { OfficeDetail } from '#web/staff/types.ts';
import { interval, languageList, TriStateBadge, weekdayName } from '#web/staff/labels.tsx';
import { Section } from '#web/ui/Section.tsx';

// i18n-keys: staff:offices.kind.*, staff:offices.daySource.*, staff:offices.access.floorValue, staff:offices.access.stepsValue, staff:offices.access.doorWidthValue
/** Address, contact, languages. */
export function AddressSection({ office }: { office: OfficeDetail }) {
  const { t, i18n } = useTranslation();
  const a = office.address;
  return (
    <Section id="office-address" heading={t('offices.addressHeading')}>
      <dl className="staff-facts">
        <dt>{t('offices.address')}</dt>
        <dd>{`${a.street} ${a.houseNumber}, ${a.postcode} ${a.city}`}</dd>
        <dt>{t('offices.point')}</dt>
        <dd>{t('offices.pointValue', { lat: office.point.lat, lon: office.point.lon })}</dd>
        <dt>{t('offices.phone')}</dt>
        <dd>{office.contact.phone || t('offices.none')}</dd>
        <dt>{t('offices.email')}</dt>
        <dd>{office.contact.email || t('offices.none')}</dd>
        <dt>{t('offices.web')}</dt>
        <dd>{office.contact.web || t('offices.none')}</dd>
        <dt>{t('offices.languages')}</dt>
        <dd>{languageList(office.languages, i18n.language) || t('offices.none')}</dd>
        <dt>{t('offices.validity')}</dt>
        <dd>
          {office.validTo
            ? t('offices.validRange', { from: formatDate(office.validFrom, i18n.language), to: formatDate(office.validTo, i18n.language) })
            : t('offices.validSince', { from: formatDate(office.validFrom, i18n.language) })}
        </dd>
      </dl>
    </Section>
  );
}

/** Regular hours per weekday (walk-in hours marked as such), the next 14 days, exceptions and holidays. */
export function HoursSection({ office }: { office: OfficeDetail }) {
  const { t, i18n } = useTranslation();
  const rules = [...office.openingHours].sort((x, y) => x.weekday - y.weekday || x.opens.localeCompare(y.opens));
  return (
    <Section id="office-hours" heading={t('offices.hoursHeading')} lead={t('offices.weekSummary', office.week)}>
      <Table
        caption={t('offices.hoursCaption')}
        rows={rules}
        rowKey={(r) => `${r.weekday}-${r.opens}`}
        empty={t('offices.noHours')}
        columns={[
          { key: 'day', header: t('offices.weekday'), rowHeader: true, cell: (r) => weekdayName(r.weekday, i18n.language) },
          { key: 'time', header: t('offices.time'), cell: (r) => interval(r.opens, r.closes) },
          { key: 'kind', header: t('offices.hoursKind'), cell: (r) => t(`offices.kind.${r.kind}`) },
        ]}
      />
      <Table
        caption={t('offices.nextDaysCaption')}
        rows={office.nextDays}
        rowKey={(d) => d.date}
        empty={t('offices.noHours')}
        columns={[
          { key: 'date', header: t('offices.date'), rowHeader: true, cell: (d) => `${weekdayName(d.weekday, i18n.language, 'short')} ${formatDate(d.date, i18n.language)}` },
          {
            key: 'hours',
            header: t('offices.time'),
            cell: (d) =>
              d.intervals.length === 0
                ? t('offices.closed')
                : d.intervals.map((iv) => `${interval(iv.opens, iv.closes)}${iv.kind === 'walk_in' ? ` (${t('offices.kind.walk_in')})` : ''}`).join(', '),
          },
          { key: 'source', header: t('offices.daySourceHeader'), cell: (d) => [t(`offices.daySource.${d.source}`), d.holiday, d.note].filter(Boolean).join(' – ') },
        ]}
      />
      <Table
        caption={t('offices.exceptionsCaption')}
        rows={office.exceptions}
        rowKey={(e) => e.date}
        empty={t('offices.noExceptions')}
        columns={[
          { key: 'date', header: t('offices.date'), rowHeader: true, cell: (e) => formatDate(e.date, i18n.language) },
          { key: 'hours', header: t('offices.time'), cell: (e) => (e.closed ? t('offices.closed') : interval(e.opens ?? '', e.closes ?? '')) },
          { key: 'note', header: t('offices.note'), cell: (e) => e.note },
        ]}
      />
    </Section>
  );
}

/** The accessibility facts; every tri-state fact shows yes, no or unknown in words and icon. */
export function AccessibilitySection({ office }: { office: OfficeDetail }) {
  const { t } = useTranslation();
  const a = office.accessibility;
  const num = (value: number | null, key: string) => (value === null ? t('offices.tri.unknown') : t(key, { value }));
  return (
    <Section id="office-access" heading={t('offices.accessHeading')}>
      <dl className="staff-facts">
        <dt>{t('offices.access.floor')}</dt>
        <dd>{num(a.floor, 'offices.access.floorValue')}</dd>
        <dt>{t('offices.access.elevator')}</dt>
        <dd>
          <TriStateBadge value={a.elevator.exists} />
        </dd>
        <dt>{t('offices.access.elevatorWorking')}</dt>
        <dd>
          <TriStateBadge value={a.elevator.working} />
        </dd>
        <dt>{t('offices.access.accessibleToilet')}</dt>
        <dd>
          <TriStateBadge value={a.accessibleToilet} />
        </dd>
        <dt>{t('offices.access.signageAtEntrance')}</dt>
        <dd>
          <TriStateBadge value={a.signage.atEntrance} />
        </dd>
        <dt>{t('offices.access.pictograms')}</dt>
        <dd>
          <TriStateBadge value={a.signage.pictograms} />
        </dd>
        <dt>{t('offices.access.tactile')}</dt>
        <dd>
          <TriStateBadge value={a.signage.tactile} />
        </dd>
        <dt>{t('offices.access.hearingLoop')}</dt>
        <dd>
          <TriStateBadge value={a.hearingLoop} />
        </dd>
        <dt>{t('offices.access.quietRoom')}</dt>
        <dd>
          <TriStateBadge value={a.quietRoom} />
        </dd>
      </dl>
      <Table
        caption={t('offices.access.entrancesCaption')}
        rows={a.entrances.map((e, index) => ({ ...e, index }))}
        rowKey={(e) => String(e.index)}
        empty={t('offices.access.noEntrances')}
        columns={[
          { key: 'name', header: t('offices.access.entrance'), rowHeader: true, cell: (e) => e.name || (e.isMainEntrance ? t('offices.access.mainEntrance') : t('offices.access.entranceNo', { n: e.index + 1 })) },
          { key: 'steps', header: t('offices.access.stepCount'), cell: (e) => num(e.stepCount, 'offices.access.stepsValue') },
          { key: 'ramp', header: t('offices.access.ramp'), cell: (e) => <TriStateBadge value={e.ramp} /> },
          { key: 'door', header: t('offices.access.automaticDoor'), cell: (e) => <TriStateBadge value={e.automaticDoor} /> },
          { key: 'width', header: t('offices.access.doorWidth'), cell: (e) => num(e.doorWidthCm, 'offices.access.doorWidthValue') },
        ]}
      />
    </Section>
  );
}

/** The nearest stops with walking distance, minutes and departures per hour during opening hours. */
export function StopsSection({ office }: { office: OfficeDetail }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Section id="office-stops" heading={t('offices.stopsHeading')} lead={t('offices.stopsLead')}>
      <Table
        caption={t('offices.stopsCaption')}
        rows={office.nearestStops}
        rowKey={(s) => s.stopId}
        empty={t('offices.noStops')}
        columns={[
          { key: 'name', header: t('offices.stop'), rowHeader: true, cell: (s) => s.name },
          { key: 'lines', header: t('offices.lines'), cell: (s) => s.lines.join(', ') },
          { key: 'metres', header: t('offices.walkingMetres'), numeric: true, cell: (s) => number.format(s.walkingMetres) },
          { key: 'minutes', header: t('offices.walkingMinutes'), numeric: true, cell: (s) => number.format(s.walkingMinutes) },
          { key: 'deps', header: t('offices.departuresPerHour'), numeric: true, cell: (s) => (s.departuresPerHour === null ? t('offices.noTimetable') : number.format(s.departuresPerHour)) },
        ]}
      />
    </Section>
  );
}
