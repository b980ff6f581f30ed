import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const webDistDir = join(repoRoot, 'dist', 'web');
const hashFile = join(webDistDir, '.build-hash');

/** What the web build reads: a change in any of these makes dist/web stale. */
const INPUTS = ['web', 'locales', 'contracts', 'vite.config.ts', 'package-lock.json'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .flatMap((entry) => filesUnder(join(path, entry.name)));
}

/** sha256 over the paths and contents of every input file, in a stable order. */
export function webInputsHash(root = repoRoot): string {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => filesUnder(join(root, input))).sort();
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export async function writeBuildHash(hash = webInputsHash()): Promise<void> {
  writeFileSync(hashFile, `${hash}\n`);
}

function builtHash(): string | null {
  if (!existsSync(join(webDistDir, 'staff', 'index.html')) || !existsSync(hashFile)) return null;
  return readFileSync(hashFile, 'utf8').trim();
}

/** Builds the web assets when dist/web is missing or older than its inputs (called by `lotse start`). */
export async function ensureWebBuilt(log: (message: string) => void = (m) => process.stdout.write(`${m}\n`)): Promise<void> {
  const hash = webInputsHash();
  if (builtHash() === hash) return;
  log('Building the web assets (dist/web is missing or stale)…');
  const { buildWeb } = await import('../scripts/build-web.ts');
  await buildWeb();
  await writeBuildHash(hash);
  log('Web assets built.');
}
