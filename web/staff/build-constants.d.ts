/// <reference types="vite/client" />
/** Values the build takes from the contracts (vite.config.ts `define`), so zod stays out of the bundle. */
declare const __LOTSE_MIN_PASSWORD_LENGTH__: number;
