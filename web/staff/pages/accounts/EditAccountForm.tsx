import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { Account, RoleName, UpdateAccount } from '../../types.ts';
import { rolesFor } from './roles.ts';

interface Props {
  account: Account;
  kind: 'city' | 'provider';
  /** One's own account: role and disabling are not offered. */
  self: boolean;
  onClose: () => void;
}

export function EditAccountForm({ account, kind, self, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [displayName, setDisplayName] = useState(account.displayName);
  const [role, setRole] = useState<RoleName>(account.role);
  const [disabled, setDisabled] = useState(account.disabledAt !== null);
  const [unlock, setUnlock] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('account-edit', ['displayName', 'role', 'disabled', 'unlock']);
  const locked = account.lockedUntil !== null && new Date(account.lockedUntil) > new Date();
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: UpdateAccount = {};
    if (displayName !== account.displayName) body.displayName = displayName;
    if (role !== account.role) body.role = role;
    if (disabled !== (account.disabledAt !== null)) body.disabled = disabled;
    if (unlock) body.unlock = true;
    try {
      await api('PATCH', `/api/accounts/${account.id}`, body);
      await client.invalidateQueries({ queryKey: ['accounts'] });
      onClose();
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  };

  return (
    <section className="staff-section staff-panel" aria-labelledby="account-edit-heading">
      <h2 className="kern-heading-medium" id="account-edit-heading" tabIndex={-1} ref={heading}>
        {t('accounts.editHeading', { name: account.displayName })}
      </h2>
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('displayName')} name="displayName" label={t('accounts.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errors.field('displayName')} />
        {self ? null : (
          <>
            <SelectField id={errors.id('role')} name="role" label={t('accounts.role')} value={role} onChange={(e) => setRole(rolesFor(kind).find((r) => r === e.target.value) ?? role)} options={rolesFor(kind).map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={errors.field('role')} />
            <CheckboxField id={errors.id('disabled')} name="disabled" label={t('accounts.disabledLabel')} checked={disabled} onChange={(e) => setDisabled(e.target.checked)} error={errors.field('disabled')} />
          </>
        )}
        {locked ? <CheckboxField id={errors.id('unlock')} name="unlock" label={t('accounts.unlockLabel')} checked={unlock} onChange={(e) => setUnlock(e.target.checked)} error={errors.field('unlock')} /> : null}
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('common.save')}
          </Button>
          <Button variant="tertiary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
