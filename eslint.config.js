// @ts-check
import tseslint from 'typescript-eslint';
import { lotsePlugin } from './eslint/module-boundaries.js';

/**
 * Flat config: typescript-eslint's recommended rules plus the type-aware rules STYLE.md asks for
 * (no `any`, no floating promises, exhaustive switches). Plain JS files are linted without types.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.lotse/**', 'coverage/**', 'db/migrations/**', 'web/**/dist/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Module boundaries and SQL only in *.queries.ts (decision 0012; the rules say which files they spare).
    files: ['server/**/*.ts', 'server/**/*.tsx'],
    plugins: { lotse: lotsePlugin },
    rules: { 'lotse/module-boundaries': 'error', 'lotse/sql-in-queries': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
