import { rowFieldContext, type SealedColumn } from '#server/platform/sealed-fields.ts';

/** The case work's sealed columns (notes and goals in sensitive areas or marked sensitive, transfer packages), for `lotse keys rotate`. */
export const CASE_SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'service_entry', key: 'id', organisation: 'organisation_id', column: 'note', sealedFlag: 'note_sealed', context: rowFieldContext('service_entry', 'note') },
  { table: 'need_assessment', key: 'id', organisation: 'organisation_id', column: 'note', sealedFlag: 'note_sealed', context: rowFieldContext('need_assessment', 'note') },
  ...(['title', 'steps', 'review_note'] as const).map((field) => ({ table: 'plan_goal', key: 'id', organisation: 'organisation_id', column: field, sealedFlag: 'sealed', context: rowFieldContext('plan_goal', field) })),
  // The files of letters: sealed documents (bytes), bound to the letter.
  { table: 'letter_file', key: 'letter_id', organisation: 'organisation_id', column: 'sealed', encoding: 'bytes', context: rowFieldContext('letter_file', 'sealed') },
  // What moves with a transfer, sealed bound to the row (transfers.policy.ts); re-sealing is logged in the sender's chain.
  { table: 'case_transfer', key: 'id', organisation: 'from_organisation_id', column: 'package', context: rowFieldContext('case_transfer', 'package') },
];
