import type { LetterAuthority } from '#contracts/letters.ts';
import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';
import { samplePdf, samplePng } from '#server/platform/sample-documents.ts';
import { berlinDate } from '#server/time.ts';
import { isFieldError, letterInputErrors, readLetterFile } from './letters.policy.ts';
import * as l from './letters.queries.ts';
import { databaseLetterStore } from './letters.store.ts';
import { addDays } from './plans.policy.ts';
import * as p from './plans.queries.ts';

/**
 * Demo letters (fictional): the first households of every provider show a case file's mail — a
 * Jobcenter request to cooperate due in five days (PDF; on the social worker's worklist), a photo
 * of a Familienkasse letter whose deadline passed two days ago, and a Krankenkasse letter dealt
 * with. The files are made in code (a small PDF, a PNG), checked and sealed as an upload is.
 */

interface LetterTemplate {
  who: 'head' | 'spouse' | null;
  authority: LetterAuthority;
  authorityName: string;
  fileNumber: string;
  receivedIn: number;
  dueIn: number | null;
  kind: 'pdf' | 'png';
  lines: readonly string[];
  note?: string;
}

const HOUSEHOLDS: readonly (readonly LetterTemplate[])[] = [
  [
    { who: 'head', authority: 'jobcenter', authorityName: 'Jobcenter Dresden', fileNumber: '72301BG0012345', receivedIn: -3, dueIn: 5, kind: 'pdf', lines: ['Jobcenter Dresden', 'Aufforderung zur Mitwirkung', 'Bitte reichen Sie die Kontoauszüge der letzten drei Monate ein.'] },
  ],
  [
    { who: 'spouse', authority: 'family_benefits_office', authorityName: 'Familienkasse Sachsen', fileNumber: '123FK456789', receivedIn: -12, dueIn: -2, kind: 'png', lines: [] },
    { who: null, authority: 'health_insurance', authorityName: 'AOK PLUS', fileNumber: 'K-998877', receivedIn: -20, dueIn: null, kind: 'pdf', lines: ['AOK PLUS', 'Ihre elektronische Gesundheitskarte'], note: 'Karten für alle vier Personen angekommen.' },
  ],
];

export async function seedDemoLetters(tx: Tx, keys: KeyRing, now: Date, providers: readonly { organisationId: string; socialWorkerId: string | null }[]): Promise<number> {
  const today = berlinDate(now);
  const store = databaseLetterStore(keys);
  let count = 0;
  for (const provider of providers) {
    const files = await p.demoCaseFilesOf(tx, provider.organisationId);
    for (const [i, templates] of HOUSEHOLDS.entries()) {
      const file = files[i];
      if (!file) continue;
      const head = file.people.find((x) => x.relationship === 'head') ?? file.people[0];
      const spouse = file.people.find((x) => x.relationship === 'spouse' || x.relationship === 'partner') ?? head;
      for (const t of templates) {
        const person = t.who === 'head' ? head : t.who === 'spouse' ? spouse : null;
        const receivedOn = addDays(today, t.receivedIn);
        if (letterInputErrors({ ...t, receivedOn }, today).length) throw new Error(`demo letter of ${t.authorityName} breaks the rules`);
        const upload = readLetterFile(t.kind === 'pdf' ? samplePdf([...t.lines, `Aktenzeichen ${t.fileNumber}`]) : samplePng(60, 80, [245, 242, 230]));
        if (isFieldError(upload)) throw new Error(`demo letter of ${t.authorityName} is no valid file`);
        const at = new Date(`${receivedOn}T15:00:00Z`);
        const dealtWith = t.note !== undefined;
        const row = await l.insertLetter(tx, {
          organisationId: provider.organisationId,
          householdId: file.householdId,
          personId: person?.id ?? null,
          authority: t.authority,
          authorityName: t.authorityName,
          fileNumber: t.fileNumber,
          receivedOn,
          dueOn: t.dueIn === null ? null : addDays(today, t.dueIn),
          state: dealtWith ? 'dealt_with' : 'open',
          note: t.note ?? '',
          dealtWithAt: dealtWith ? new Date(at.getTime() + 2 * 86_400_000) : null,
          dealtWithBy: dealtWith ? provider.socialWorkerId : null,
          contentType: upload.contentType,
          byteSize: upload.bytes.length,
          uploadedBy: provider.socialWorkerId,
          version: dealtWith ? 2 : 1,
          createdAt: at,
          updatedAt: at,
        });
        await store.put(tx, { letterId: row.id, organisationId: row.organisationId }, upload.bytes);
        count += 1;
      }
    }
  }
  return count;
}
