import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SearchCandidate } from '#contracts/cases.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, RadioGroup, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { api, ProblemError, type ApiBody } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { parseLanguages } from '#web/staff/labels.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { CandidateTable } from './HouseholdsPage.tsx';
import { emptyMember, MEMBER_FIELDS, MemberFields, type MemberDraft } from './MemberFields.tsx';

const HOUSEHOLD_FIELDS = ['accommodation', 'accommodationName', 'street', 'houseNumber', 'postcode', 'quarterCode', 'regionCode', 'confirmNotDuplicate'];

function toPerson(m: MemberDraft): ApiBody<'POST /api/households'>['members'][number] {
  return {
    relationship: m.relationship,
    givenNames: m.givenNames,
    familyName: m.familyName,
    givenNamesOriginal: m.givenNamesOriginal,
    familyNameOriginal: m.familyNameOriginal,
    birthDate: m.birthDate.trim() || null,
    sex: m.sex || null,
    languages: parseLanguages(m.languages),
    interpreterNeeded: m.interpreterNeeded,
    residence: m.residenceCode ? { code: m.residenceCode, paragraph: m.residenceParagraph, expiresOn: m.residenceExpiresOn || null } : null,
    assignedOn: m.assignedOn || null,
    integrationCourseOn: m.integrationCourseOn || null,
    schoolStartOn: m.schoolStartOn || null,
  };
}

/**
 * A new household with its people (after a search: the name searched for is carried over). When a
 * person may be on record already, the likely duplicates are shown and the household is created
 * only once the social worker confirms that none of them is the same person.
 */
export function NewHouseholdPage() {
  const { t } = useTranslation('cases');
  useDocumentTitle(t('form.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const searchedName = params.get('name') ?? '';
  const [accommodation, setAccommodation] = useState<'own_flat' | 'shared_accommodation'>('own_flat');
  const [accommodationName, setAccommodationName] = useState('');
  const [street, setStreet] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [postcode, setPostcode] = useState('');
  const [quarterCode, setQuarterCode] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>([{ ...emptyMember('head'), familyName: searchedName.split(/\s+/).slice(-1)[0] ?? '', givenNames: searchedName.split(/\s+/).slice(0, -1).join(' ') }]);
  const [confirm, setConfirm] = useState(false);
  const quarters = useQuery({ queryKey: ['quarters'], queryFn: () => api('GET /api/quarters'), staleTime: 5 * 60_000 });
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => api('GET /api/regions'), staleTime: 5 * 60_000 });
  const statuses = useQuery({ queryKey: ['residence-statuses'], queryFn: () => api('GET /api/residence-statuses'), staleTime: 5 * 60_000 });
  const [candidates, setCandidates] = useState<SearchCandidate[]>([]);
  const known = [...HOUSEHOLD_FIELDS, ...members.flatMap((_, i) => MEMBER_FIELDS.map((f) => `members.${i}.${f}`))];
  const form = useApiForm('new-household', known, {
    send: async () => {
      try {
        return await api('POST /api/households', {
          body: { accommodation, accommodationName, street, houseNumber, postcode, quarterCode: quarterCode || null, regionCode: quarterCode ? null : regionCode || null, members: members.map(toPerson), confirmNotDuplicate: confirm },
        });
      } catch (error) {
        const found = error instanceof ProblemError ? (error.problem as { candidates?: SearchCandidate[] }).candidates : undefined;
        setCandidates(found ?? []);
        throw error;
      }
    },
    invalidate: [['households']],
    onSuccess: (household) => navigate(`/households/${household.id}`),
  });
  const update = (index: number, value: MemberDraft) => setMembers((list) => list.map((m, i) => (i === index ? value : m)));
  const familyName = members[0]?.familyName ?? '';

  return (
    <>
      <PageHeader title={t('form.title')} lead={t('form.lead')} />
      {form.summary}
      {candidates.length ? (
        <section aria-labelledby="duplicates-title">
          <h2 className="kern-heading-medium" id="duplicates-title">
            {t('form.duplicatesTitle')}
          </h2>
          <CandidateTable candidates={candidates} />
          <CheckboxField id={form.id('confirmNotDuplicate')} label={t('form.confirmNotDuplicate')} checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
        </section>
      ) : null}
      <form className="staff-form staff-form--wide" onSubmit={form.onSubmit} noValidate>
        <RadioGroup id={form.id('accommodation')} name="accommodation" legend={t('form.accommodation')} value={accommodation} onChange={(v) => setAccommodation(v as typeof accommodation)} options={(['own_flat', 'shared_accommodation'] as const).map((a) => ({ value: a, label: t(`accommodation.${a}`) }))} horizontal />
        {accommodation === 'shared_accommodation' ? <TextField id={form.id('accommodationName')} label={t('form.accommodationName')} value={accommodationName} onChange={(e) => setAccommodationName(e.target.value)} error={form.field('accommodationName')} /> : null}
        <TextField id={form.id('street')} label={t('form.street')} value={street} onChange={(e) => setStreet(e.target.value)} error={form.field('street')} optional={t('optional')} autoComplete="off" />
        <TextField id={form.id('houseNumber')} label={t('form.houseNumber')} value={houseNumber} onChange={(e) => setHouseNumber(e.target.value)} error={form.field('houseNumber')} optional={t('optional')} autoComplete="off" />
        <TextField id={form.id('postcode')} label={t('form.postcode')} value={postcode} onChange={(e) => setPostcode(e.target.value)} error={form.field('postcode')} inputMode="numeric" optional={t('optional')} autoComplete="off" />
        <SelectField id={form.id('quarterCode')} label={t('form.quarter')} hint={t('form.quarterHint')} value={quarterCode} onChange={(e) => setQuarterCode(e.target.value)} error={form.field('quarterCode')} options={[{ value: '', label: t('form.quarterUnknown') }, ...(quarters.data ?? []).map((q) => ({ value: q.code, label: `${q.code} ${q.name}` }))]} />
        {quarterCode ? null : <SelectField id={form.id('regionCode')} label={t('form.region')} value={regionCode} onChange={(e) => setRegionCode(e.target.value)} error={form.field('regionCode')} options={[{ value: '', label: t('form.regionChoose') }, ...(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))]} />}
        {members.map((m, i) => (
          <div key={i}>
            <MemberFields index={i} value={m} onChange={(v) => update(i, v)} statuses={statuses.data ?? []} id={form.id} error={form.field} />
            {i > 0 ? (
              <Button variant="tertiary" small onClick={() => setMembers((list) => list.filter((_, j) => j !== i))}>
                {t('form.removePerson', { number: i + 1 })}
              </Button>
            ) : null}
          </div>
        ))}
        <div className="staff-actions">
          <Button variant="secondary" onClick={() => setMembers((list) => [...list, emptyMember(list.length === 1 ? 'spouse' : 'child', familyName)])}>
            {t('form.addPerson')}
          </Button>
        </div>
        {statuses.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
        <FormActions submit={form.busy ? t('form.saving') : t('form.submit')} disabled={form.busy} />
      </form>
    </>
  );
}
