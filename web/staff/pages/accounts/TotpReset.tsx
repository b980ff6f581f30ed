import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { Account } from '#web/staff/types.ts';

/**
 * "Zweiten Faktor zurücksetzen" (lost phone) with a confirm step, for an account that has one on.
 * The server ends the person's sessions; where the organisation requires a second factor, the next
 * login asks them to set one up again.
 */
export function TotpReset({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const reset = useApiForm('account-totp-reset', [], {
    send: () => api('POST /api/accounts/:id/totp-reset', { params: { id: account.id } }),
    invalidate: [['accounts']],
    onSuccess: () => setConfirming(false),
  });
  if (reset.succeeded) return <Alert variant="success" role="status" title={t('accounts.totpResetDone', { name: account.displayName })} />;
  if (!account.totpEnabled) return null;
  return (
    <div className="staff-section" role="group" aria-label={t('accounts.totpReset')}>
      {reset.summary}
      {confirming ? (
        <>
          <p className="kern-body">{t('accounts.totpResetConfirm', { name: account.displayName })}</p>
          <div className="staff-actions">
            <Button variant="secondary" disabled={reset.busy} onClick={(e) => reset.onSubmit(e)}>
              {t('accounts.totpResetYes')}
            </Button>
            <Button variant="tertiary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </>
      ) : (
        <div className="staff-actions">
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('accounts.totpReset')}
          </Button>
        </div>
      )}
    </div>
  );
}
