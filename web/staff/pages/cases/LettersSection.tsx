import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Letter } from '#contracts/letters.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextAreaField } from '#web/ui/Field.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { useApiForm, usePanels } from '#web/staff/forms.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { lettersKey, useLetters } from './letter-state.ts';
import { LetterForm } from './LetterForm.tsx';

type Panel = { kind: 'add' };

// i18n-keys: letters:authority.*
/**
 * The household's letters and their deadlines: who sent each, the file number, whom it concerns,
 * when it came and by when it must be answered (overdue marked), open or dealt with. "Brief
 * hinzufügen" uploads a scan or a photo (the tablet's camera); each file opens for download;
 * "Erledigt" asks for a note and takes the letter off the worklist. Buttons follow the list's
 * permittedActions for this household.
 */
export function LettersSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('letters');
  const readable = usePermissions().may('letter.read');
  const query = useLetters(householdId, readable);
  const { panel, open, close, saved, region } = usePanels<Panel>();
  const [dealing, setDealing] = useState<Letter | null>(null);
  const [note, setNote] = useState('');
  const deal = useApiForm('letter-deal', ['note'], {
    send: () => api('PATCH /api/letters/:id', { params: { id: dealing?.id ?? '' }, body: { version: dealing?.version ?? 1, state: 'dealt_with', note } }),
    invalidate: [lettersKey(householdId), ['worklist']],
    onSuccess: (l) => {
      setDealing(null);
      saved(t('deal.done', { sender: sender(l) }))();
    },
  });
  const { hash } = useLocation();
  const landed = useRef('');
  // A link from the worklist (#letter-…) lands on the letter once the list has loaded (once per link).
  useEffect(() => {
    if (!query.data || !hash.startsWith('#letter-') || landed.current === hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    landed.current = hash;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    // After the page's own move of the focus to its heading (RouteFocus, one frame after a route change; the list may come from the cache before).
    let frame = window.requestAnimationFrame(() => {
      frame = window.requestAnimationFrame(() => {
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [query.data, hash]);
  if (!readable) return null;
  if (query.isError) return <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} />;
  if (!query.data) return null;
  const { letters, people, permittedActions } = query.data;
  const may = (action: string) => permittedActions.includes(action);
  function sender(l: Letter): string {
    return l.authorityName || t(`authority.${l.authority}`);
  }
  return (
    <Section id="letters" heading={t('heading')} lead={t('lead')}>
      {region}
      {may('letter.add') ? (
        <div className="staff-actions">
          <Button variant="primary" onClick={() => { setDealing(null); open({ kind: 'add' }); }}>
            {t('form.open')}
          </Button>
        </div>
      ) : null}
      {panel?.kind === 'add' ? <LetterForm householdId={householdId} people={people} onClose={close} onSaved={saved(t('form.saved'))} /> : null}
      {dealing ? (
        <section className="staff-section staff-panel" aria-labelledby="letter-deal-heading">
          <h3 className="kern-heading-small" id="letter-deal-heading">
            {t('deal.heading', { sender: sender(dealing) })}
          </h3>
          {deal.summary}
          <form className="staff-form" noValidate onSubmit={deal.onSubmit}>
            <TextAreaField id={deal.id('note')} label={t('deal.note')} optional={t('form.optional')} hint={t('deal.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={deal.field('note')} rows={3} />
            <div className="staff-actions">
              <Button variant="primary" type="submit" disabled={deal.busy}>
                {t('deal.submit')}
              </Button>
              <Button variant="tertiary" onClick={() => setDealing(null)}>
                {t('staff:common.cancel')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
      <Table<Letter>
        caption={t('list.caption')}
        rows={letters}
        rowKey={(l) => l.id}
        empty={t('list.none')}
        columns={[
          {
            key: 'sender',
            header: t('list.sender'),
            rowHeader: true,
            cell: (l) => (
              <span id={`letter-${l.id}`}>
                {sender(l)}
                {l.fileNumber ? <><br /><span className="kern-body--small">{t('list.fileNumber', { number: l.fileNumber })}</span></> : null}
              </span>
            ),
          },
          { key: 'person', header: t('list.person'), cell: (l) => l.personName ?? t('list.household') },
          { key: 'received', header: t('list.received'), cell: (l) => formatDate(l.receivedOn, i18n.language) },
          {
            key: 'due',
            header: t('list.due'),
            cell: (l) => (l.dueOn ? <>{formatDate(l.dueOn, i18n.language)}{l.overdue ? <> <Badge variant="danger">{t('list.overdue')}</Badge></> : null}</> : '–'),
          },
          {
            key: 'state',
            header: t('list.state'),
            cell: (l) => (
              <>
                <Badge variant={l.state === 'open' ? 'info' : 'success'}>{l.state === 'open' ? t('state.open') : t('state.dealt_with')}</Badge>
                {l.note ? <><br />{l.note}</> : null}
              </>
            ),
          },
          {
            key: 'actions',
            header: t('list.actions'),
            cell: (l) => (
              <>
                <a className="kern-link" href={l.fileUrl} download>
                  {t('list.download', { sender: sender(l) })}
                </a>
                {may('letter.edit') && l.state === 'open' ? (
                  <>
                    <br />
                    <Button variant="tertiary" small onClick={() => { close(); deal.clear(); setNote(''); setDealing(l); }}>
                      {t('deal.open', { sender: sender(l) })}
                    </Button>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}
