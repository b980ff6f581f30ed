import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchCandidate } from '#contracts/cases.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Button, buttonClass } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDateTime } from '#web/staff/format.ts';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { usePermissions } from '#web/staff/permissions.ts';

/**
 * Haushalte, search first: a person is looked for by any spelling in any script (with the year of
 * birth where known) before a new household is created; "new household" appears after a search,
 * carrying the name over. Below, the households changed most recently.
 */
export function HouseholdsPage() {
  const { t, i18n } = useTranslation('cases');
  const { may } = usePermissions();
  useDocumentTitle(t('households.title'));
  const [query, setQuery] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [searched, setSearched] = useState<{ query: string; birthYear: string } | null>(null);
  const results = useQuery({
    queryKey: ['people-search', searched],
    enabled: searched !== null,
    queryFn: () => api('POST /api/people/search', { body: { query: searched?.query ?? '', birthDate: searched?.birthYear || null } }),
  });
  const recent = useQuery({ queryKey: ['households', 'recent'], queryFn: () => api('GET /api/households') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim().length >= 2) setSearched({ query: query.trim(), birthYear: /^\d{4}$/.test(birthYear) ? birthYear : '' });
  };
  const candidates = results.data?.candidates ?? [];

  return (
    <>
      <PageHeader title={t('households.title')} lead={t('households.lead')} />
      <form role="search" className="staff-inline-form" onSubmit={submit} aria-label={t('search.label')}>
        <TextField id="person-search-query" label={t('search.name')} hint={t('search.nameHint')} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" minLength={2} required />
        <TextField id="person-search-year" label={t('search.birthYear')} inputMode="numeric" pattern="\d{4}" value={birthYear} onChange={(e) => setBirthYear(e.target.value)} optional={t('optional')} />
        <Button type="submit">{t('search.submit')}</Button>
      </form>
      {results.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {searched && results.data ? (
        <section aria-labelledby="search-results-title">
          <h2 className="kern-heading-medium" id="search-results-title">
            {t('search.results', { count: candidates.length, query: searched.query })}
          </h2>
          <CandidateTable candidates={candidates} />
          {may('case.create') ? (
            <p className="kern-body">
              <Link className={buttonClass('secondary')} to={`/households/new?name=${encodeURIComponent(searched.query)}`}>
                {t('households.new')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <Table
        caption={t('households.recent')}
        rows={recent.data ?? []}
        rowKey={(h) => h.id}
        empty={recent.isPending ? t('staff:loading.title') : t('households.none')}
        columns={[
          { key: 'head', header: t('households.head'), rowHeader: true, cell: (h) => <Link to={`/households/${h.id}`}>{h.head || t('households.unnamed')}</Link> },
          { key: 'members', header: t('households.members'), numeric: true, cell: (h) => h.memberCount },
          { key: 'region', header: t('households.region'), cell: (h) => h.regionCode },
          { key: 'status', header: t('households.status'), cell: (h) => (h.status ? t(`status.${h.status}`) : '–') },
          { key: 'updated', header: t('households.updated'), cell: (h) => formatDateTime(h.updatedAt, i18n.language) },
        ]}
      />
    </>
  );
}

/** Search results: every spelling on record and the year of birth, linking to the household. */
export function CandidateTable({ candidates }: { candidates: readonly SearchCandidate[] }) {
  const { t } = useTranslation('cases');
  return (
    <Table
      caption={t('search.caption')}
      rows={candidates}
      rowKey={(c) => c.personId}
      empty={t('search.none')}
      columns={[
        { key: 'name', header: t('person.name'), rowHeader: true, cell: (c) => <Link to={`/households/${c.householdId}`}>{`${c.givenNames} ${c.familyName}`.trim()}</Link> },
        { key: 'spellings', header: t('search.spellings'), cell: (c) => <ul className="staff-spellings">{c.spellings.map((s) => <li key={s} dir="auto">{s}</li>)}</ul> },
        { key: 'birth', header: t('search.bornIn'), cell: (c) => c.birthYear ?? '–' },
        { key: 'match', header: t('search.match'), cell: (c) => t(`search.matchedOn.${c.matchedOn}`) },
      ]}
    />
  );
}
