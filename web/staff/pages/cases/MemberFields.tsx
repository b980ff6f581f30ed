import { useTranslation } from 'react-i18next';
import type { relationship as relationshipEnum } from '#contracts/cases.ts';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';

export type Relationship = (typeof relationshipEnum)['options'][number];
export const RELATIONSHIPS: readonly Relationship[] = ['head', 'spouse', 'partner', 'child', 'stepchild', 'parent', 'sibling', 'grandchild', 'other_relative', 'other'];

/** A person as typed into the form (strings; turned into the contract's shape on sending). */
export interface MemberDraft {
  relationship: Relationship;
  givenNames: string;
  familyName: string;
  givenNamesOriginal: string;
  familyNameOriginal: string;
  birthDate: string;
  sex: '' | 'female' | 'male' | 'diverse';
  languages: string;
  interpreterNeeded: boolean;
  residenceCode: string;
  residenceParagraph: string;
  residenceExpiresOn: string;
  assignedOn: string;
  integrationCourseOn: string;
  schoolStartOn: string;
}

export const emptyMember = (relationship: Relationship, familyName = ''): MemberDraft => ({
  relationship,
  givenNames: '',
  familyName,
  givenNamesOriginal: '',
  familyNameOriginal: '',
  birthDate: '',
  sex: '',
  languages: '',
  interpreterNeeded: false,
  residenceCode: '',
  residenceParagraph: '',
  residenceExpiresOn: '',
  assignedOn: '',
  integrationCourseOn: '',
  schoolStartOn: '',
});

export const MEMBER_FIELDS = ['relationship', 'givenNames', 'familyName', 'givenNamesOriginal', 'familyNameOriginal', 'birthDate', 'sex', 'languages', 'interpreterNeeded', 'residence.code', 'residence.paragraph', 'residence.expiresOn', 'assignedOn', 'integrationCourseOn', 'schoolStartOn'] as const;

interface MemberFieldsProps {
  index: number;
  value: MemberDraft;
  onChange: (value: MemberDraft) => void;
  statuses: readonly { code: string; name: string }[];
  /** The form's field ids and messages, by the API's field path (members.N.…). */
  id: (name: string) => string;
  error: (name: string) => string | undefined;
}

/** One person of a new household: names as in the documents and in the original script, birth, languages, residence. */
export function MemberFields({ index, value, onChange, statuses, id, error }: MemberFieldsProps) {
  const { t } = useTranslation('cases');
  const f = (name: string) => `members.${index}.${name}`;
  const set = <K extends keyof MemberDraft>(key: K, v: MemberDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="kern-fieldset staff-section">
      <legend className="kern-label">{t('form.person', { number: index + 1 })}</legend>
      <SelectField id={id(f('relationship'))} label={t('person.relationship')} value={value.relationship} error={error(f('relationship'))} onChange={(e) => set('relationship', e.target.value as Relationship)} options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationship.${r}`) }))} />
      <TextField id={id(f('givenNames'))} label={t('person.givenNames')} value={value.givenNames} error={error(f('givenNames'))} onChange={(e) => set('givenNames', e.target.value)} autoComplete="off" />
      <TextField id={id(f('familyName'))} label={t('person.familyName')} hint={t('person.familyNameHint')} value={value.familyName} error={error(f('familyName'))} onChange={(e) => set('familyName', e.target.value)} required autoComplete="off" />
      <TextField id={id(f('givenNamesOriginal'))} label={t('person.givenNamesOriginal')} value={value.givenNamesOriginal} error={error(f('givenNamesOriginal'))} onChange={(e) => set('givenNamesOriginal', e.target.value)} dir="auto" optional={t('optional')} autoComplete="off" />
      <TextField id={id(f('familyNameOriginal'))} label={t('person.familyNameOriginal')} value={value.familyNameOriginal} error={error(f('familyNameOriginal'))} onChange={(e) => set('familyNameOriginal', e.target.value)} dir="auto" optional={t('optional')} autoComplete="off" />
      <TextField id={id(f('birthDate'))} label={t('person.birthDate')} hint={t('person.birthDateHint')} value={value.birthDate} error={error(f('birthDate'))} onChange={(e) => set('birthDate', e.target.value)} inputMode="numeric" optional={t('optional')} />
      <SelectField id={id(f('sex'))} label={t('person.sex')} value={value.sex} error={error(f('sex'))} onChange={(e) => set('sex', e.target.value as MemberDraft['sex'])} options={[{ value: '', label: t('person.sexUnknown') }, ...(['female', 'male', 'diverse'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))]} />
      <TextField id={id(f('languages'))} label={t('person.languages')} hint={t('person.languagesHint')} value={value.languages} error={error(f('languages'))} onChange={(e) => set('languages', e.target.value)} optional={t('optional')} autoComplete="off" />
      <CheckboxField id={id(f('interpreterNeeded'))} label={t('person.interpreterNeeded')} checked={value.interpreterNeeded} onChange={(e) => set('interpreterNeeded', e.target.checked)} />
      <SelectField id={id(f('residence.code'))} label={t('person.residence')} value={value.residenceCode} error={error(f('residence.code'))} onChange={(e) => set('residenceCode', e.target.value)} options={[{ value: '', label: t('person.residenceUnknown') }, ...statuses.map((s) => ({ value: s.code, label: s.name }))]} />
      {value.residenceCode ? (
        <>
          <TextField id={id(f('residence.paragraph'))} label={t('person.paragraph')} value={value.residenceParagraph} error={error(f('residence.paragraph'))} onChange={(e) => set('residenceParagraph', e.target.value)} optional={t('optional')} />
          <TextField id={id(f('residence.expiresOn'))} type="date" label={t('person.expiresOn')} value={value.residenceExpiresOn} error={error(f('residence.expiresOn'))} onChange={(e) => set('residenceExpiresOn', e.target.value)} optional={t('optional')} />
        </>
      ) : null}
      <TextField id={id(f('assignedOn'))} type="date" label={t('person.assignedOn')} hint={t('person.assignedOnHint')} value={value.assignedOn} error={error(f('assignedOn'))} onChange={(e) => set('assignedOn', e.target.value)} optional={t('optional')} />
      <TextField id={id(f('integrationCourseOn'))} type="date" label={t('person.integrationCourseOn')} value={value.integrationCourseOn} error={error(f('integrationCourseOn'))} onChange={(e) => set('integrationCourseOn', e.target.value)} optional={t('optional')} />
      <TextField id={id(f('schoolStartOn'))} type="date" label={t('person.schoolStartOn')} value={value.schoolStartOn} error={error(f('schoolStartOn'))} onChange={(e) => set('schoolStartOn', e.target.value)} optional={t('optional')} />
    </fieldset>
  );
}
