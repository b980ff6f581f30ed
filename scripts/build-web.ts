import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildPublicAssets } from '#web/public/build-assets.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const webOutDir = `${repoRoot}dist/web`;

/** Builds the staff app with Vite (dist/web/staff), then the public pages' assets (dist/web). */
export async function buildWeb(): Promise<void> {
  await build({ configFile: `${repoRoot}vite.config.ts`, logLevel: 'warn' });
  await buildPublicAssets(webOutDir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { writeBuildHash } = await import('#server/web-build.ts');
  await buildWeb();
  await writeBuildHash();
  process.stdout.write('Web assets built into dist/web.\n');
}
