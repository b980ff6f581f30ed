import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_CITY } from '#server/seed/demo.ts';

/**
 * End-to-end harness: Lotse as a real process on the embedded database, driven by Debian's Chromium
 * through playwright-core; axe-core on every page. The database holds the demo data (as a new
 * installation does), but the tests neither use nor change it: before the server starts the
 * harness creates a city administrator of its own through the command line, and the tests make
 * every other record they need through the API (e2e/factories.ts), under names unique to the run.
 * So a data dir can be reused: running the tests twice on one database passes (e2e/reuse.test.ts).
 */
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A staff account a test can log in with. */
export interface Credentials {
  email: string;
  password: string;
  displayName: string;
}

export interface RunningLotse {
  url: string;
  dataDir: string;
  /** The city administrator the harness created for this run (unique email). */
  admin: Credentials;
  output: () => string;
  /** Stops the process; removes the data dir unless it was handed in. */
  stop: () => Promise<void>;
}

/** A random suffix for names and emails, so that records of two runs on one database never meet. */
export function uniqueTag(): string {
  return randomBytes(4).toString('hex');
}

function lotseEnv(dataDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, HOST: '127.0.0.1', LOTSE_DATA_DIR: dataDir, LOTSE_DEMO: '1', LOTSE_LOG_LEVEL: 'warn', DATABASE_URL: '', ...env };
}

function cli(dataDir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/lotse.js', ...args], { env: lotseEnv(dataDir, {}), timeout: 150_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`lotse ${args[0] ?? ''} ${args[1] ?? ''} failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

/**
 * Before the server holds the data dir (PGlite allows one process): the demo data where the
 * database is empty (a no-op otherwise), then a city administrator of this run's own. Lotse serves
 * one city; the harness finds it by the name the demo gives it (the only demo fact it reads).
 */
export async function bootstrapCityAdmin(dataDir: string): Promise<Credentials> {
  await cli(dataDir, ['demo', 'seed']);
  const tag = uniqueTag();
  const admin = { email: `e2e-admin-${tag}@stadt.test`, password: `e2e-pass-${tag}-long`, displayName: `E2E Verwaltung ${tag}` };
  await cli(dataDir, ['user', 'create', '--email', admin.email, '--role', 'city_admin', '--org', DEMO_CITY, '--name', admin.displayName, '--password', admin.password]);
  return admin;
}

/** Starts Lotse on a new data dir, or on `opts.dataDir` (kept on stop), with its own city administrator. */
export async function startLotse(env: Record<string, string> = {}, opts: { dataDir?: string } = {}): Promise<RunningLotse> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'lotse-e2e-'));
  const admin = await bootstrapCityAdmin(dataDir);
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/lotse.js', 'start'], {
    env: lotseEnv(dataDir, { PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Lotse exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Lotse did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    admin,
    output: () => output,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A context that lets axe be injected despite the strict CSP (the page's own CSP stays in force otherwise). */
export async function newContext(browser: Browser, opts: { mobile?: boolean; javaScript?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    bypassCSP: true,
    javaScriptEnabled: opts.javaScript ?? true,
    locale: opts.locale ?? 'de-DE',
    ...(opts.mobile ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }),
  });
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core, WCAG 2.1 AA rule set: the page must have no violation. Works with JavaScript off too (the CDP evaluates it). */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as AxeViolation[];
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** A mail Lotse sent: the envelope's recipients and the text part. */
export interface Mail {
  to: string;
  text: string;
}

export interface Inbox {
  /** For Lotse's SMTP_URL. */
  smtpUrl: string;
  /** Every mail received so far, oldest first. */
  mails: Mail[];
  close: () => Promise<void>;
}

/** A real SMTP server in the test process: Lotse sends through SMTP_URL, the test reads the mail. */
export async function startInbox(): Promise<Inbox> {
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: mail.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await new Promise<number>((resolve) => {
    smtp.listen(0, '127.0.0.1', () => {
      const address = smtp.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return { smtpUrl: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

export interface E2eApp {
  /** Lotse's base URL. */
  url: string;
  browser: Browser;
  /** The mails Lotse sent (empty unless started with `{ mail: true }`). */
  mails: Mail[];
  /** The run's own city administrator (see bootstrapCityAdmin). */
  admin: Credentials;
}

/**
 * One Lotse process and one browser for a test file (beforeAll/afterAll); with `mail` an inbox
 * receives what Lotse sends. The fields are set once beforeAll has run. A data dir named in
 * LOTSE_E2E_DATA_DIR is reused and kept (a manual check that the journeys pass twice on one
 * database: run a file twice with the same dir); otherwise each file gets a fresh one.
 */
/**
 * One Lotse for the test file. `fresh`: a data dir of its own even when LOTSE_E2E_DATA_DIR names a
 * shared one — for a test of the demo content itself, which it may change (the retention review
 * erases the demo's due case file), so that a second run on the shared database still passes.
 */
export function useLotse(opts: { mail?: boolean; fresh?: boolean } = {}): E2eApp {
  const app: E2eApp = { url: '', browser: undefined as unknown as Browser, mails: [], admin: { email: '', password: '', displayName: '' } };
  let lotse: RunningLotse | undefined;
  let browser: Browser | undefined;
  let inbox: Inbox | undefined;
  beforeAll(async () => {
    inbox = opts.mail ? await startInbox() : undefined;
    const dataDir = opts.fresh ? undefined : process.env.LOTSE_E2E_DATA_DIR;
    lotse = await startLotse(inbox ? { SMTP_URL: inbox.smtpUrl } : {}, dataDir ? { dataDir } : {});
    browser = await launchBrowser();
    Object.assign(app, { url: lotse.url, browser, mails: inbox?.mails ?? [], admin: lotse.admin });
  });
  afterAll(async () => {
    await browser?.close();
    await lotse?.stop();
    await inbox?.close();
  });
  return app;
}

/** Fills in the staff login form and sends it (the outcome is the test's to check). */
export async function submitLogin(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/app/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

/** Logs a staff account in (one the test made, see e2e/factories.ts) and waits for the home page. */
export async function logIn(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await submitLogin(page, url, who.email, who.password);
  await page.waitForURL(/\/app\/?$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
}
