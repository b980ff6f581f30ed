import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { Account, RoleName, UpdateAccount } from '#web/staff/types.ts';
import { usePermissions } from '#web/staff/permissions.ts';
import { AccountRegionsField, useAssignableRegions } from './AccountRegions.tsx';
import { rolesFor } from './roles.ts';
import { TotpReset } from './TotpReset.tsx';
import { Section } from '#web/ui/Section.tsx';

interface Props {
  account: Account;
  kind: 'city' | 'provider';
  /** One's own account: role and disabling are not offered. */
  self: boolean;
  onClose: (saved: boolean) => void;
}

export function EditAccountForm({ account, kind, self, onClose }: Props) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<RoleName>(account.role);
  const [disabled, setDisabled] = useState(account.disabledAt !== null);
  const [unlock, setUnlock] = useState(false);
  const [regionCodes, setRegionCodes] = useState<string[]>(account.regionCodes ?? []);
  const { mayOn } = usePermissions();
  const mayAssign = mayOn('account.assign-regions', { organisationId: account.organisationId }, account);
  const regions = useAssignableRegions(account, kind);
  const apiForm = useApiForm('account-edit', ['displayName', 'role', 'disabled', 'unlock', 'regionCodes'], {
    send: () => {
      const body: UpdateAccount = {};
      if (displayName !== account.displayName) body.displayName = displayName;
      if (role !== account.role) body.role = role;
      if (disabled !== (account.disabledAt !== null)) body.disabled = disabled;
      if (unlock) body.unlock = true;
      const assigned = regionCodes.length > 0 ? regionCodes : null;
      if (mayAssign && JSON.stringify(assigned) !== JSON.stringify(account.regionCodes)) body.regionCodes = assigned;
      return api('PATCH /api/accounts/:id', { params: { id: account.id }, body });
    },
    invalidate: [['accounts']],
    onSuccess: () => onClose(true),
  });
  const locked = account.lockedUntil !== null && new Date(account.lockedUntil) > new Date();

  return (
    <Section id="account-edit-heading" heading={t('accounts.editHeading', { name: account.displayName })} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('displayName')} name="displayName" label={t('accounts.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={apiForm.field('displayName')} />
        {self ? null : (
          <>
            <SelectField id={apiForm.id('role')} name="role" label={t('accounts.role')} value={role} onChange={(e) => setRole(rolesFor(kind).find((r) => r === e.target.value) ?? role)} options={rolesFor(kind).map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={apiForm.field('role')} />
            <CheckboxField id={apiForm.id('disabled')} name="disabled" label={t('accounts.disabledLabel')} checked={disabled} onChange={(e) => setDisabled(e.target.checked)} error={apiForm.field('disabled')} />
          </>
        )}
        {mayAssign ? <AccountRegionsField id={apiForm.id('regionCodes')} regions={regions} value={regionCodes} onChange={setRegionCodes} error={apiForm.field('regionCodes')} /> : null}
        {locked ? <CheckboxField id={apiForm.id('unlock')} name="unlock" label={t('accounts.unlockLabel')} checked={unlock} onChange={(e) => setUnlock(e.target.checked)} error={apiForm.field('unlock')} /> : null}
        <FormActions submit={t('common.save')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
      {mayOn('account.reset-second-factor', { organisationId: account.organisationId }, account) && !self ? <TotpReset account={account} /> : null}
    </Section>
  );
}
