import type { ESLint } from 'eslint';

/** The local ESLint plugin `lotse` (module-boundaries.js): rules `module-boundaries` and `sql-in-queries`. */
export declare const lotsePlugin: ESLint.Plugin;
