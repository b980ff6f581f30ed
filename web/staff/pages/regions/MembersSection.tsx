import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate, todayInBerlin } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { MoveMember, Quarter, Region } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

interface MemberRow {
  code: string;
  name: string;
  kind: 'district' | 'locality';
  quarters: string[];
  region: string | null;
}

/** The quarters list each member once per quarter: one row per member, its quarters joined. */
function membersOf(quarters: Quarter[]): MemberRow[] {
  const rows = new Map<string, MemberRow>();
  for (const quarter of quarters) {
    for (const m of quarter.members) {
      const row = rows.get(m.code) ?? { code: m.code, name: m.name, kind: m.kind, quarters: [], region: m.region?.name ?? null };
      row.quarters.push(quarter.name);
      rows.set(m.code, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

function History({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery({ queryKey: ['memberships', code], queryFn: () => api('GET /api/region-members/:code/memberships', { params: { code } }) });
  if (!data) return null;
  return (
    <Table
      caption={t('members.historyCaption')}
      rows={data}
      rowKey={(h) => `${h.region.code}-${h.validFrom}`}
      empty={t('members.noHistory')}
      columns={[
        { key: 'region', header: t('members.region'), rowHeader: true, cell: (h) => h.region.name },
        { key: 'from', header: t('common.validFrom'), cell: (h) => formatDate(h.validFrom, i18n.language) },
        { key: 'to', header: t('common.validTo'), cell: (h) => (h.validTo ? formatDate(h.validTo, i18n.language) : t('common.openEnded')) },
      ]}
    />
  );
}

/** Stadtbezirke and Ortschaften: which region each belongs to, moving one from a date on, its history. */
export function MembersSection({ regions }: { regions: Region[] }) {
  const { t } = useTranslation();
  const quarters = useQuery({ queryKey: ['quarters'], queryFn: () => api('GET /api/quarters') });
  const members = membersOf(quarters.data ?? []);
  const [member, setMember] = useState('');
  const [form, setForm] = useState<MoveMember>({ regionCode: regions[0]?.code ?? '', validFrom: todayInBerlin() });
  const chosen = member || members[0]?.code || '';
  const apiForm = useApiForm('member-move', ['member', 'regionCode', 'validFrom'], {
    send: async () => {
      await api('PUT /api/region-members/:code/region', { params: { code: chosen }, body: form });
      return members.find((m) => m.code === chosen)?.name ?? chosen;
    },
    invalidate: [['regions'], ['quarters'], ['memberships', chosen]],
  });
  const moved = apiForm.done;

  return (
    <Section id="members-heading" heading={t('members.heading')} lead={t('members.lead')}>
      {quarters.data ? (
        <Table
          caption={t('members.caption')}
          rows={members}
          rowKey={(m) => m.code}
          empty={t('members.empty')}
          columns={[
            { key: 'name', header: t('members.name'), rowHeader: true, cell: (m) => m.name },
            { key: 'kind', header: t('members.kind'), cell: (m) => t(`memberKind.${m.kind}`) },
            { key: 'quarters', header: t('members.quarters'), cell: (m) => m.quarters.join(', ') },
            { key: 'region', header: t('members.regionToday'), cell: (m) => m.region ?? t('members.noRegion') },
          ]}
        />
      ) : null}
      <h3 className="kern-heading-small">{t('members.moveHeading')}</h3>
      {moved ? <Alert variant="success" role="status" title={t('members.moved', { name: moved })} /> : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField id={apiForm.id('member')} label={t('members.member')} value={chosen} onChange={(e) => setMember(e.target.value)} options={members.map((m) => ({ value: m.code, label: m.name }))} error={apiForm.field('member')} />
        <SelectField id={apiForm.id('regionCode')} label={t('members.targetRegion')} value={form.regionCode} onChange={(e) => setForm({ ...form, regionCode: e.target.value })} options={regions.map((r) => ({ value: r.code, label: r.name }))} error={apiForm.field('regionCode')} />
        <TextField id={apiForm.id('validFrom')} type="date" label={t('common.validFrom')} value={form.validFrom} onChange={(e) => setForm({ ...form, validFrom: e.target.value })} error={apiForm.field('validFrom')} />
        <FormActions submit={t('members.move')} disabled={apiForm.busy || !chosen} />
      </form>
      {chosen ? (
        <>
          <h3 className="kern-heading-small">{t('members.historyHeading', { name: members.find((m) => m.code === chosen)?.name ?? chosen })}</h3>
          <History code={chosen} />
        </>
      ) : null}
    </Section>
  );
}
