/// <reference types="vite/client" />
/** Values the build takes from the contracts (vite.config.ts `define`), so the page needs no contract module for them. */
declare const __LOTSE_MIN_PASSWORD_LENGTH__: number;
