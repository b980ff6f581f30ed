import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, RadioGroup, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { OfficeDetail, TriState, UpdateOffice } from '#web/staff/types.ts';
import { toNumber } from '#web/staff/format.ts';
import { Section } from '#web/ui/Section.tsx';

type Facts = OfficeDetail['accessibility'];
interface EntranceRow {
  name: string;
  isMainEntrance: boolean;
  stepCount: string;
  ramp: TriState;
  automaticDoor: TriState;
  doorWidthCm: string;
}

const asTri = (value: string): TriState => (value === 'yes' || value === 'no' ? value : 'unknown');
/** An empty number field means "unknown" (null), not 0. */
const numberOrNull = (text: string) => (text.trim() === '' ? null : toNumber(text));

function Tri({ id, legend, value, onChange, error }: { id: string; legend: string; value: TriState; onChange: (v: TriState) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const options = (['yes', 'no', 'unknown'] as const).map((v) => ({ value: v, label: t(`offices.tri.${v}`) }));
  return <RadioGroup id={id} name={id} legend={legend} value={value} options={options} onChange={(v) => onChange(asTri(v))} error={error} horizontal />;
}

/** The accessibility facts (A11yJSON-like); every fact can be yes, no or unknown. */
export function AccessibilityForm({ office, onClose }: { office: OfficeDetail; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [facts, setFacts] = useState<Facts>(office.accessibility);
  const [floor, setFloor] = useState(office.accessibility.floor === null ? '' : String(office.accessibility.floor));
  const [entrances, setEntrances] = useState<EntranceRow[]>(
    office.accessibility.entrances.map((e) => ({ ...e, stepCount: e.stepCount === null ? '' : String(e.stepCount), doorWidthCm: e.doorWidthCm === null ? '' : String(e.doorWidthCm) })),
  );
  const known = ['accessibility.floor', ...entrances.flatMap((_, i) => ['name', 'stepCount', 'doorWidthCm'].map((f) => `accessibility.entrances.${i}.${f}`)), 'accessibility'];
  const setEntrance = (index: number, patch: Partial<EntranceRow>) => setEntrances(entrances.map((e, i) => (i === index ? { ...e, ...patch } : e)));

  const apiForm = useApiForm('office-access', known, {
    send: async () => {
      const body: UpdateOffice = {
        accessibility: {
          ...facts,
          floor: numberOrNull(floor),
          entrances: entrances.map((e) => ({ ...e, stepCount: numberOrNull(e.stepCount), doorWidthCm: numberOrNull(e.doorWidthCm) })),
        },
      };
      await api('PATCH /api/offices/:id', { params: { id: office.id }, body });
    },
    invalidate: [['office', office.id], ['scorecard', office.id]],
    onSuccess: () => onClose(true),
  });

  const id = (name: string) => apiForm.id(`accessibility.${name}`);
  return (
    <Section id="office-access-heading" heading={t('offices.editAccess')} lead={t('offices.access.unknownHint')} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={id('floor')} inputMode="numeric" label={t('offices.access.floor')} hint={t('offices.access.floorHint')} value={floor} onChange={(e) => setFloor(e.target.value)} error={apiForm.field('accessibility.floor')} />
        <Tri id={id('elevator.exists')} legend={t('offices.access.elevator')} value={facts.elevator.exists} onChange={(v) => setFacts({ ...facts, elevator: { ...facts.elevator, exists: v } })} />
        <Tri id={id('elevator.working')} legend={t('offices.access.elevatorWorking')} value={facts.elevator.working} onChange={(v) => setFacts({ ...facts, elevator: { ...facts.elevator, working: v } })} />
        <Tri id={id('accessibleToilet')} legend={t('offices.access.accessibleToilet')} value={facts.accessibleToilet} onChange={(v) => setFacts({ ...facts, accessibleToilet: v })} />
        <Tri id={id('signage.atEntrance')} legend={t('offices.access.signageAtEntrance')} value={facts.signage.atEntrance} onChange={(v) => setFacts({ ...facts, signage: { ...facts.signage, atEntrance: v } })} />
        <Tri id={id('signage.pictograms')} legend={t('offices.access.pictograms')} value={facts.signage.pictograms} onChange={(v) => setFacts({ ...facts, signage: { ...facts.signage, pictograms: v } })} />
        <Tri id={id('signage.tactile')} legend={t('offices.access.tactile')} value={facts.signage.tactile} onChange={(v) => setFacts({ ...facts, signage: { ...facts.signage, tactile: v } })} />
        <Tri id={id('hearingLoop')} legend={t('offices.access.hearingLoop')} value={facts.hearingLoop} onChange={(v) => setFacts({ ...facts, hearingLoop: v })} />
        <Tri id={id('quietRoom')} legend={t('offices.access.quietRoom')} value={facts.quietRoom} onChange={(v) => setFacts({ ...facts, quietRoom: v })} />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('offices.access.entrancesCaption')}</legend>
          <ol className="staff-rows">
            {entrances.map((e, i) => (
              <li key={i} className="staff-row staff-row--stacked">
                <TextField id={id(`entrances.${i}.name`)} label={t('offices.access.entranceName', { n: i + 1 })} optional={t('common.optional')} value={e.name} onChange={(ev) => setEntrance(i, { name: ev.target.value })} error={apiForm.field(`accessibility.entrances.${i}.name`)} />
                <CheckboxField id={id(`entrances.${i}.isMainEntrance`)} label={t('offices.access.isMain', { n: i + 1 })} checked={e.isMainEntrance} onChange={(ev) => setEntrance(i, { isMainEntrance: ev.target.checked })} />
                <TextField id={id(`entrances.${i}.stepCount`)} inputMode="numeric" label={t('offices.access.stepCountOf', { n: i + 1 })} hint={t('offices.access.emptyIsUnknown')} value={e.stepCount} onChange={(ev) => setEntrance(i, { stepCount: ev.target.value })} error={apiForm.field(`accessibility.entrances.${i}.stepCount`)} />
                <Tri id={id(`entrances.${i}.ramp`)} legend={t('offices.access.rampOf', { n: i + 1 })} value={e.ramp} onChange={(v) => setEntrance(i, { ramp: v })} />
                <Tri id={id(`entrances.${i}.automaticDoor`)} legend={t('offices.access.automaticDoorOf', { n: i + 1 })} value={e.automaticDoor} onChange={(v) => setEntrance(i, { automaticDoor: v })} />
                <TextField id={id(`entrances.${i}.doorWidthCm`)} inputMode="numeric" label={t('offices.access.doorWidthOf', { n: i + 1 })} hint={t('offices.access.emptyIsUnknown')} value={e.doorWidthCm} onChange={(ev) => setEntrance(i, { doorWidthCm: ev.target.value })} error={apiForm.field(`accessibility.entrances.${i}.doorWidthCm`)} />
                <Button variant="tertiary" small onClick={() => setEntrances(entrances.filter((_, j) => j !== i))}>
                  {t('offices.access.removeEntrance', { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" small onClick={() => setEntrances([...entrances, { name: '', isMainEntrance: entrances.length === 0, stepCount: '', ramp: 'unknown', automaticDoor: 'unknown', doorWidthCm: '' }])}>
            {t('offices.access.addEntrance')}
          </Button>
        </fieldset>
        <FormActions submit={t('common.save')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
    </Section>
  );
}
