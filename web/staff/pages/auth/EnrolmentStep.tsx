import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/ui/Button.tsx';
import { api } from '#web/staff/api.ts';
import { SESSION_KEY, useSetSession } from '#web/staff/session.tsx';
import { TotpSetup } from '#web/staff/TotpSetup.tsx';

/** The organisation requires a second factor and the account has none yet: set it up to go on. */
export function EnrolmentStep() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setSession = useSetSession();
  const cancel = async () => {
    try {
      await api('POST /api/auth/logout');
    } finally {
      setSession(null);
    }
  };
  return (
    <>
      <TotpSetup form="enrol" headingLevel={2} onEnabled={() => client.invalidateQueries({ queryKey: SESSION_KEY })} />
      <div className="staff-actions">
        <Button variant="tertiary" onClick={() => void cancel()}>
          {t('login.cancel')}
        </Button>
      </div>
    </>
  );
}
