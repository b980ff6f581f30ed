import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { SelectField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { useMe } from '#web/staff/session.tsx';
import type { Account } from '#web/staff/types.ts';
import { CreateAccountForm } from './CreateAccountForm.tsx';
import { EditAccountForm } from './EditAccountForm.tsx';

function AccountStatus({ account }: { account: Account }) {
  const { t } = useTranslation();
  if (account.disabledAt) return <span className="kern-badge kern-badge--danger">{t('accounts.statusDisabled')}</span>;
  if (account.lockedUntil && new Date(account.lockedUntil) > new Date()) return <span className="kern-badge kern-badge--warning">{t('accounts.statusLocked')}</span>;
  if (!account.passwordSet && !account.oidcLinked) return <span className="kern-badge kern-badge--info">{t('accounts.statusInvited')}</span>;
  return <span className="kern-badge kern-badge--success">{t('accounts.statusActive')}</span>;
}

/** Konten: city_admin for every organisation (chosen above the table), provider_admin for its own. */
export function AccountsPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('accounts.title'));
  const isCity = me.role === 'city_admin';
  const [organisationId, setOrganisationId] = useState(me.organisation.id);
  const [editing, setEditing] = useState<Account | null>(null);
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => api('GET /api/organisations'), enabled: isCity });
  const accounts = useQuery({
    queryKey: ['accounts', organisationId],
    queryFn: () => api('GET /api/accounts', { query: { organisationId: isCity ? organisationId : undefined } }),
  });
  const organisation = isCity ? organisations.data?.find((o) => o.id === organisationId) : undefined;
  const kind = organisation?.kind ?? me.organisation.kind;
  const organisationName = organisation?.name ?? me.organisation.name;

  return (
    <>
      <PageHeader title={t('accounts.title')} lead={isCity ? t('accounts.leadCity') : t('accounts.leadProvider', { organisation: me.organisation.name })} />
      {isCity && organisations.data ? (
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
            { key: 'totp', header: t('accounts.totp'), cell: (a) => (a.totpEnabled ? t('common.yes') : t('common.no')) },
            { key: 'status', header: t('common.status'), cell: (a) => <AccountStatus account={a} /> },
            {
              key: 'actions',
              header: t('common.actions'),
              cell: (a) => (
                <Button variant="tertiary" small onClick={() => setEditing(a)} aria-label={t('accounts.editNamed', { name: a.displayName })}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      {editing ? <EditAccountForm key={editing.id} account={editing} kind={kind} self={editing.id === me.id} onClose={() => setEditing(null)} /> : null}
      <CreateAccountForm key={organisationId} organisationId={isCity ? organisationId : undefined} organisationName={organisationName} kind={kind} />
    </>
  );
}
