import type { z } from 'zod';
import type { editLetterBody, Letter, LetterList, uploadLetterBody } from '#contracts/letters.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { authorizeStaff, permittedActions } from '#server/platform/authorize.ts';
import { conflict, invalid, notFound, Problem, type FieldError } from '#server/platform/problem.ts';
import { berlinDate } from '#server/time.ts';
import { caseScope, householdRecord } from './cases.policy.ts';
import { staffNamer } from './staff-names.ts';
import * as q from './cases.queries.ts';
import { decodedLength, decodeUpload, isFieldError, letterFileName, letterInputErrors, letterOverdue, readLetterFile, tooLarge, type LetterFile } from './letters.policy.ts';
import * as l from './letters.queries.ts';
import { databaseLetterStore, type LetterFileStore } from './letters.store.ts';
import { staleProblem } from './people.service.ts';
import { caseFileInReach, householdInReach } from './reach.ts';

const LETTER_ACTIONS = ['letter.read', 'letter.add', 'letter.edit'] as const;
type Members = Awaited<ReturnType<typeof q.membersOf>>;
const nameOf = (m: Members[number]): string => `${m.givenNames} ${m.familyName}`.trim();

/** Where the files lie: the database, sealed (an object store would be chosen here). */
const storeOf = (deps: Deps): LetterFileStore => databaseLetterStore(deps.keys);

/** The letters as the staff app shows them: the person and the staff named, overdue today. */
async function present(tx: Tx, rows: readonly l.LetterRow[], members: Members, today: string): Promise<Letter[]> {
  const people = new Map(members.map((m) => [m.id, nameOf(m)]));
  const named = await staffNamer(tx, rows.flatMap((r) => [r.uploadedBy, r.dealtWithBy]));
  return rows.map((r) => ({
    id: r.id,
    householdId: r.householdId,
    personId: r.personId,
    personName: r.personId ? (people.get(r.personId) ?? '') : null,
    authority: r.authority,
    authorityName: r.authorityName,
    fileNumber: r.fileNumber,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    state: r.state,
    overdue: letterOverdue(r, today),
    note: r.note,
    dealtWithAt: r.dealtWithAt?.toISOString() ?? null,
    dealtWithBy: named(r.dealtWithBy),
    contentType: r.contentType,
    byteSize: r.byteSize,
    fileUrl: `/api/letters/${r.id}/file`,
    uploadedBy: named(r.uploadedBy),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  }));
}

async function presentOne(tx: Tx, row: l.LetterRow, members: Members, today: string): Promise<Letter> {
  const [presented] = await present(tx, [row], members, today);
  if (!presented) throw new Error('letter not presented');
  return presented;
}

/** GET /api/households/:id/letters: the household's letters (not their files), what the actor may do; audited. */
export async function listLetters(deps: Deps, actor: Actor, householdId: string): Promise<LetterList> {
  const staff = authorizeStaff(actor, 'letter.read');
  const now = deps.now();
  const today = berlinDate(now);
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const household = await householdInReach(tx, staff, 'letter.read', householdId);
    const file = await q.caseFileOfHousehold(tx, household.id);
    const members = await q.membersOf(tx, household.id);
    const rows = await l.lettersOfHousehold(tx, household.id);
    await recordAudit(tx, staff, { action: 'letter.list', recordType: 'letter', recordIds: [household.id, ...rows.map((r) => r.id)] }, now);
    // A closed case file keeps its letters readable and editable; new ones need an open file.
    const names = file && !file.closedAt ? LETTER_ACTIONS : (['letter.read', 'letter.edit'] as const);
    return {
      today,
      letters: await present(tx, rows, members, today),
      permittedActions: permittedActions(staff, names, householdRecord(household)),
      people: members.map((m) => ({ id: m.id, name: nameOf(m) })),
    };
  });
}

/**
 * POST /api/households/:id/letters: a scan or photo of a letter with what it says. The bytes are
 * checked before anything is written (size, type by content, a PDF's structure), an image's
 * metadata is removed, and the file is sealed into the store in the same transaction; audited.
 */
export async function uploadLetter(deps: Deps, actor: Actor, householdId: string, input: z.infer<typeof uploadLetterBody>): Promise<Letter> {
  const staff = authorizeStaff(actor, 'letter.add');
  if (tooLarge(decodedLength(input.data))) throw new Problem(413, 'payload-too-large', { errors: [{ field: 'data', key: 'field.fileTooLarge', values: { maximum: '10 MB' } }] });
  const decoded = decodeUpload(input.data);
  const file: LetterFile | FieldError = decoded && decoded.length > 0 ? readLetterFile(decoded) : { field: 'data', key: 'field.letterType' };
  const now = deps.now();
  const today = berlinDate(now);
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const { household, file: caseFile } = await caseFileInReach(tx, staff, 'letter.add', householdId);
    if (caseFile.closedAt) throw conflict('details.caseClosed');
    const members = await q.membersOf(tx, household.id);
    const errors = letterInputErrors(input, today);
    if (input.personId && !members.some((m) => m.id === input.personId)) errors.unshift({ field: 'personId', key: 'field.invalidOption' });
    if (isFieldError(file)) errors.unshift(file);
    if (errors.length || isFieldError(file)) throw invalid(errors);
    const row = await l.insertLetter(tx, {
      organisationId: staff.organisationId,
      householdId: household.id,
      personId: input.personId,
      authority: input.authority,
      authorityName: input.authorityName,
      fileNumber: input.fileNumber,
      receivedOn: input.receivedOn,
      dueOn: input.dueOn,
      contentType: file.contentType,
      byteSize: file.bytes.length,
      uploadedBy: staff.accountId,
      createdAt: now,
      updatedAt: now,
    });
    await storeOf(deps).put(tx, { letterId: row.id, organisationId: row.organisationId }, file.bytes);
    await recordAudit(tx, staff, { action: 'letter.add', recordType: 'letter', recordIds: [row.id, household.id, ...(row.personId ? [row.personId] : [])] }, now);
    return presentOne(tx, row, members, today);
  });
}

/** GET /api/letters/:id/file: the file as stored (opened from its seal), with its type and a name for it; audited. */
export async function readLetterFileOf(deps: Deps, actor: Actor, id: string): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const staff = authorizeStaff(actor, 'letter.read');
  const now = deps.now();
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await l.findLetter(tx, id);
    if (!row) throw notFound();
    const household = await householdInReach(tx, staff, 'letter.read', row.householdId);
    const bytes = await storeOf(deps).get(tx, { letterId: row.id, organisationId: row.organisationId });
    if (!bytes) throw notFound();
    await recordAudit(tx, staff, { action: 'letter.read-file', recordType: 'letter', recordIds: [row.id, household.id] }, now);
    return { bytes, contentType: row.contentType, fileName: letterFileName(row) };
  });
}

/**
 * PATCH /api/letters/:id: deal with a letter (with a note) or open it again, change its due date,
 * file number or sender's name — with the version read (409 with `current` when it changed
 * meanwhile); audited.
 */
export async function editLetter(deps: Deps, actor: Actor, id: string, input: z.infer<typeof editLetterBody>): Promise<Letter> {
  const staff = authorizeStaff(actor, 'letter.edit');
  const now = deps.now();
  const today = berlinDate(now);
  return deps.db.transaction(caseScope(staff), async (tx) => {
    const row = await l.findLetter(tx, id);
    if (!row) throw notFound();
    const household = await householdInReach(tx, staff, 'letter.edit', row.householdId);
    const members = await q.membersOf(tx, household.id);
    const authorityName = input.authorityName ?? row.authorityName;
    if (row.authority === 'other' && !authorityName.trim()) throw invalid([{ field: 'authorityName', key: 'field.required' }]);
    const state = input.state ?? row.state;
    const dealtWith = state === 'dealt_with' ? (row.state === 'dealt_with' ? { dealtWithAt: row.dealtWithAt, dealtWithBy: row.dealtWithBy } : { dealtWithAt: now, dealtWithBy: staff.accountId }) : { dealtWithAt: null, dealtWithBy: null };
    const updated = await l.updateLetterAt(tx, row.id, input.version, {
      state,
      ...dealtWith,
      note: input.note ?? row.note,
      dueOn: input.dueOn === undefined ? row.dueOn : input.dueOn,
      fileNumber: input.fileNumber ?? row.fileNumber,
      authorityName,
      updatedAt: now,
    });
    if (!updated) {
      const current = await l.findLetter(tx, row.id);
      throw staleProblem(current ? await presentOne(tx, current, members, today) : null);
    }
    await recordAudit(tx, staff, { action: 'letter.edit', recordType: 'letter', recordIds: [row.id, household.id] }, now);
    return presentOne(tx, updated, members, today);
  });
}
