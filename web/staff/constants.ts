/** MIN_PASSWORD_LENGTH of contracts/identity.ts, put in by the build (see vite.config.ts). */
export const MIN_PASSWORD_LENGTH: number = __LOTSE_MIN_PASSWORD_LENGTH__;
