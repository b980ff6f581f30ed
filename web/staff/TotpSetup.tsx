import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { totpSetupResult } from '#contracts/identity.ts';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { api } from '#web/staff/api.ts';
import { useFormErrors } from '#web/staff/forms.tsx';

type TotpSetupResult = z.infer<typeof totpSetupResult>;

function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${window.btoa(binary)}`;
}

/**
 * Setting up a second factor: a new secret (QR code and text), then a first code enables it
 * (POST /api/auth/totp/setup, then /enable). Used at login and on "Mein Konto".
 */
export function TotpSetup({ form, headingLevel, onEnabled }: { form: string; headingLevel: 2 | 3; onEnabled: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetupResult | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(form, ['code']);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const start = async () => {
    setBusy(true);
    try {
      setSetup(await api('POST /api/auth/totp/setup'));
      errors.clear();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const enable = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api('POST /api/auth/totp/enable', { body: { code } });
      errors.clear();
      await onEnabled();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (!setup) {
    return (
      <>
        {errors.summary}
        <Button onClick={() => void start()} disabled={busy}>
          {t('totp.start')}
        </Button>
      </>
    );
  }
  return (
    <>
      {errors.summary}
      <ol className="kern-list kern-list--number">
        <li>{t('totp.stepApp')}</li>
        <li>
          {t('totp.stepScan')}
          <div className="staff-qr">
            <img src={svgDataUri(setup.qrSvg)} alt={t('totp.qrAlt')} width={200} height={200} />
          </div>
          <Heading className="kern-heading-small">{t('totp.secretHeading')}</Heading>
          <p className="kern-body">{t('totp.secretHint')}</p>
          <p className="staff-secret" translate="no">
            <code>{setup.secret}</code>
          </p>
        </li>
        <li>{t('totp.stepCode')}</li>
      </ol>
      <form className="staff-form" noValidate onSubmit={(event) => void enable(event)}>
        <TextField id={errors.id('code')} name="code" inputMode="numeric" autoComplete="one-time-code" label={t('login.code')} hint={t('login.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} error={errors.field('code')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('totp.enable')}
          </Button>
        </div>
      </form>
    </>
  );
}
