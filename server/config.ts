import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Parses the environment once; a bad value stops the start
 * with a readable list of every problem (not just the first).
 */

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const keyList = z
  .string()
  .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(
    z
      .array(
        z.string().refine((k) => Buffer.from(k, 'base64').length === 32, {
          message: 'each key must be 32 bytes, base64-encoded (openssl rand -base64 32)',
        }),
      )
      .min(1),
  );

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    LOTSE_DATA_DIR: z.string().min(1).default('./.lotse'),
    LOTSE_DEMO: flag.optional(),
    LOTSE_PUBLIC_URL: z.url().optional(),
    LOTSE_SECRET_KEYS: keyList.optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Lotse <no-reply@lotse.invalid>'),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_LABEL: z.string().min(1).default('Stadt-SSO'),
    LOTSE_TRUST_PROXY: z.string().optional(),
    LOTSE_SIGN_LANGUAGE_VIDEO_URL: z.url().optional(),
    LOTSE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOTSE_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
    LOTSE_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
    LOTSE_CASE_DORMANT_DAYS: z.coerce.number().int().positive().max(3650).default(90),
    LOTSE_SPECIALIST_THRESHOLD_HOURS: z.coerce.number().int().positive().max(2000).default(35),
    LOTSE_CASE_RETENTION_YEARS: z.coerce.number().int().positive().max(30).default(3),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.LOTSE_SECRET_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOTSE_SECRET_KEYS'],
        message: 'is required with DATABASE_URL (a comma-separated key ring, newest first)',
      });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together',
      });
    }
  });

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  demo: boolean;
  publicUrl: string;
  secretKeys: Buffer[];
  smtpUrl: string | null;
  mailFrom: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; label: string } | null;
  /** Fastify's trustProxy: off, on, addresses/CIDR ranges, or a hop count. */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  signLanguageVideoUrl: string | null;
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number };
  /**
   * Case work: a case file without a contact for this long is dormant; a Fachleistung needs a
   * forecast of at least `specialistThresholdHours` over the next 12 months (the city's setting); a
   * closed case file is erased `retentionYears` after its closure (the retention job, review list).
   */
  cases: { dormantAfterDays: number; specialistThresholdHours: number; retentionYears: number };
  /** Abuse limits of the appointment booking (defaults in appointments/limits.ts; tests move them out of the way). */
  appointmentLimits?: Partial<import('#server/modules/appointments/appointments.public.ts').AppointmentLimits>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Lotse cannot start, the configuration is wrong:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value; // comma-separated addresses or CIDR ranges, as Fastify takes them
}

/** Reads or creates the embedded key ring in the data directory (embedded default only). */
function embeddedKeyRing(dataDir: string): Buffer[] {
  const file = join(dataDir, 'secret-keys');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((k) => Buffer.from(k, 'base64'));
}

/** `lotse keys add`: a new key heads the embedded key ring; the older ones stay behind it until the rotation is done. */
export function prependEmbeddedKey(dataDir: string, key: string): void {
  const file = join(dataDir, 'secret-keys');
  const before = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${key}\n${before}${before ? '\n' : ''}`, { mode: 0o600 });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells and compose files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.LOTSE_DATA_DIR);
  const database = e.DATABASE_URL
    ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: join(dataDir, 'pgdata') } as const);
  const secretKeys = e.LOTSE_SECRET_KEYS
    ? e.LOTSE_SECRET_KEYS.map((k) => Buffer.from(k, 'base64'))
    : embeddedKeyRing(dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    demo: e.LOTSE_DEMO ?? database.kind === 'pglite',
    publicUrl: (e.LOTSE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    secretKeys,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, label: e.OIDC_LABEL }
        : null,
    trustProxy: parseTrustProxy(e.LOTSE_TRUST_PROXY),
    signLanguageVideoUrl: e.LOTSE_SIGN_LANGUAGE_VIDEO_URL ?? null,
    logLevel: e.LOTSE_LOG_LEVEL,
    session: { idleMinutes: e.LOTSE_SESSION_IDLE_MINUTES, absoluteHours: e.LOTSE_SESSION_ABSOLUTE_HOURS },
    cases: { dormantAfterDays: e.LOTSE_CASE_DORMANT_DAYS, specialistThresholdHours: e.LOTSE_SPECIALIST_THRESHOLD_HOURS, retentionYears: e.LOTSE_CASE_RETENTION_YEARS },
  };
}
