/**
 * Where sealed values live. Each module that seals values with the key ring names its sealed
 * columns here, through its public file, so that `lotse keys rotate` can re-seal every one of them
 * under the newest key (decision 0004's key ring; the issue's rotation). A column is described by
 * its table, its key and tenant columns, and the context its values were sealed with: the
 * context is bound into every sealed value, so a wrong one would fail to open.
 */
export interface SealedColumn {
  /** The table, as in SQL. */
  readonly table: string;
  /** The primary key column (text or uuid); the context is built from it. */
  readonly key: string;
  /** The column naming the organisation whose audit chain logs the re-sealing. */
  readonly organisation: string;
  /** The column holding the sealed value (null where none). */
  readonly column: string;
  /** `text` (default): sealed strings (`KeyRing.seal`); `bytes`: sealed documents in a bytea column (`KeyRing.sealBytes`). */
  readonly encoding?: 'text' | 'bytes';
  /** A boolean column that says whether this row's values are sealed at all (plain text otherwise). */
  readonly sealedFlag?: string;
  /** The context the value was sealed with, from the row's key. */
  readonly context: (key: string) => string;
}

/** The same context for a column of many rows: `<table>:<key>:<field>`, as most modules seal. */
export const rowFieldContext = (prefix: string, field: string) => (key: string): string => `${prefix}:${key}:${field}`;
