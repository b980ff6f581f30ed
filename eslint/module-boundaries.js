// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Lotse's module boundaries (decision 0012), as ESLint rules of the local plugin `lotse`:
 *
 * - `lotse/module-boundaries`: code under server/ reaches a module `server/modules/<b>/` only through
 *   its public file `<b>.public.ts` (from inside the module itself, anything of its own). Two
 *   exceptions: a `*.schema.ts` may import another module's `*.schema.ts` (foreign keys), and the
 *   composition root `server/app.ts` registers each module's `<b>.routes.ts`. Tests, fixtures and
 *   benchmarks may import what they need.
 * - `lotse/sql-in-queries`: SQL lives in `*.queries.ts`: elsewhere under server/ neither `drizzle-orm`
 *   nor a `*.schema.ts` table may be imported as a value (types are fine); `server/db.ts` is the
 *   database layer itself.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Repository-relative path with forward slashes. */
const repoPath = (/** @type {string} */ file) => relative(root, file).split(sep).join('/');

const isExempt = (/** @type {string} */ path) =>
  /\.(unit\.)?test\.tsx?$|\.fixture\.ts$/.test(path) || /^(test|bench|e2e)\//.test(path) || !path.startsWith('server/');

/** The repository path an import names, or null for a package. */
function target(/** @type {string} */ source, /** @type {string} */ fromPath) {
  if (source.startsWith('#server/')) return `server/${source.slice('#server/'.length)}`;
  if (source.startsWith('.')) return repoPath(resolve(root, dirname(fromPath), source));
  return null;
}

const moduleOf = (/** @type {string} */ path) => /^server\/modules\/([^/]+)\//.exec(path)?.[1] ?? null;

/** @type {import('eslint').Rule.RuleModule} */
const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'A module is reached only through its public file (decision 0012).' },
    messages: {
      boundary: "'{{source}}' reaches inside the {{module}} module: import what it offers from '#server/modules/{{module}}/{{module}}.public.ts' (decision 0012).",
    },
    schema: [],
  },
  create(context) {
    const from = repoPath(context.filename);
    if (isExempt(from)) return {};
    const own = moduleOf(from);
    /** @param {any} node @param {string} source */
    function check(node, source) {
      const to = target(source, from);
      if (!to) return;
      const other = moduleOf(to);
      if (!other || other === own) return;
      const file = to.slice(`server/modules/${other}/`.length);
      if (file === `${other}.public.ts`) return;
      if (from.endsWith('.schema.ts') && to.endsWith('.schema.ts')) return;
      if (from === 'server/app.ts' && file === `${other}.routes.ts`) return;
      context.report({ node, messageId: 'boundary', data: { source, module: other } });
    }
    /** @param {any} node */
    const withSource = (node) => {
      if (node.source && typeof node.source.value === 'string') check(node.source, node.source.value);
    };
    return {
      ImportDeclaration: withSource,
      ExportNamedDeclaration: withSource,
      ExportAllDeclaration: withSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node.source, node.source.value);
      },
      /** @param {any} node */
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.argument;
        if (literal && typeof literal.value === 'string') check(literal, literal.value);
      },
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const sqlInQueries = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL lives in *.queries.ts (STYLE.md habit 3).' },
    messages: {
      sql: "SQL lives in *.queries.ts: '{{source}}' may be imported here for its types only (`import type`).",
    },
    schema: [],
  },
  create(context) {
    const from = repoPath(context.filename);
    if (isExempt(from) || /\.(queries|schema)\.ts$/.test(from) || from === 'server/db.ts') return {};
    return {
      /** @param {any} node */
      ImportDeclaration(node) {
        const source = String(node.source.value);
        const sqlSource = source === 'drizzle-orm' || source.startsWith('drizzle-orm/') || source.endsWith('.schema.ts');
        if (!sqlSource || node.importKind === 'type') return;
        const values = node.specifiers.filter((/** @type {any} */ s) => s.type !== 'ImportSpecifier' || s.importKind !== 'type');
        if (values.length > 0) context.report({ node: node.source, messageId: 'sql', data: { source } });
      },
    };
  },
};

export const lotsePlugin = { rules: { 'module-boundaries': moduleBoundaries, 'sql-in-queries': sqlInQueries } };
