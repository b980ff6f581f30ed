import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { SelectField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { useNotice } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { useMe } from '#web/staff/session.tsx';
import type { Account } from '#web/staff/types.ts';
import { useRegionsToday } from '#web/staff/queries.ts';
import { regionsLabel } from './AccountRegions.tsx';
import { CreateAccountForm } from './CreateAccountForm.tsx';
import { EditAccountForm } from './EditAccountForm.tsx';

function AccountStatus({ account }: { account: Account }) {
  const { t } = useTranslation();
  if (account.disabledAt) return <span className="kern-badge kern-badge--danger">{t('accounts.statusDisabled')}</span>;
  if (account.lockedUntil && new Date(account.lockedUntil) > new Date()) return <span className="kern-badge kern-badge--warning">{t('accounts.statusLocked')}</span>;
  if (!account.passwordSet && !account.oidcLinked) return <span className="kern-badge kern-badge--info">{t('accounts.statusInvited')}</span>;
  return <span className="kern-badge kern-badge--success">{t('accounts.statusActive')}</span>;
}

/** Konten: of every organisation (chosen above the table) for those who may list the organisations, else of one's own. */
export function AccountsPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('accounts.title'));
  const { may } = usePermissions();
  const allOrganisations = may('organisation.list');
  const [organisationId, setOrganisationId] = useState(me.organisation.id);
  const [editing, setEditing] = useState<Account | null>(null);
  const notice = useNotice();
  const regions = useRegionsToday();
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => api('GET /api/organisations'), enabled: allOrganisations });
  const accounts = useQuery({
    queryKey: ['accounts', organisationId],
    queryFn: () => api('GET /api/accounts', { query: { organisationId: allOrganisations ? organisationId : undefined } }),
  });
  const organisation = allOrganisations ? organisations.data?.find((o) => o.id === organisationId) : undefined;
  const kind = organisation?.kind ?? me.organisation.kind;
  const organisationName = organisation?.name ?? me.organisation.name;

  return (
    <>
      <PageHeader title={t('accounts.title')} lead={allOrganisations ? t('accounts.leadCity') : t('accounts.leadProvider', { organisation: me.organisation.name })} />
      {allOrganisations && organisations.data ? (
        <div className="staff-filter">
          <SelectField
            id="accounts-organisation"
            label={t('accounts.organisation')}
            value={organisationId}
            onChange={(e) => {
              setOrganisationId(e.target.value);
              setEditing(null);
            }}
            options={organisations.data.map((o) => ({ value: o.id, label: o.name }))}
          />
        </div>
      ) : null}
      {accounts.isError ? <Alert variant="danger" role="alert" title={t('errors.loadFailed')} /> : null}
      {accounts.isPending ? <p className="kern-body">{t('loading.title')}</p> : null}
      {accounts.data ? (
        <Table
          caption={t('accounts.caption', { organisation: organisationName })}
          rows={accounts.data}
          rowKey={(a) => a.id}
          empty={t('accounts.empty')}
          columns={[
            { key: 'name', header: t('accounts.displayName'), rowHeader: true, cell: (a) => a.displayName },
            { key: 'email', header: t('accounts.email'), cell: (a) => a.email },
            { key: 'role', header: t('accounts.role'), cell: (a) => t(`roles.${a.role}`) },
            { key: 'regions', header: t('accounts.regions'), cell: (a) => regionsLabel(a.regionCodes, regions.data ?? [], t('accounts.allRegions')) },
            { key: 'totp', header: t('accounts.totp'), cell: (a) => (a.totpEnabled ? t('common.yes') : t('common.no')) },
            { key: 'status', header: t('common.status'), cell: (a) => <AccountStatus account={a} /> },
            {
              key: 'actions',
              header: t('common.actions'),
              cell: (a) => (
                <Button variant="tertiary" small onClick={() => {
                  notice.clear();
                  setEditing(a);
                }} aria-label={t('accounts.editNamed', { name: a.displayName })}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      {notice.region}
      {editing ? (
        <EditAccountForm
          key={editing.id}
          account={editing}
          kind={kind}
          self={editing.id === me.id}
          onClose={(saved) => {
            if (saved) notice.show(t('common.savedNamed', { name: editing.displayName }));
            setEditing(null);
          }}
        />
      ) : null}
      <CreateAccountForm key={organisationId} organisationId={allOrganisations ? organisationId : undefined} organisationName={organisationName} kind={kind} />
    </>
  );
}
