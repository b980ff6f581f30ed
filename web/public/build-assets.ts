import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PurgeCSS } from 'purgecss';
import rtlcss from 'rtlcss';
import { bookingSamples } from './booking/samples.tsx';
import { PUBLIC_LOCALES } from './i18n.tsx';
import { PAGE_SLUGS, pageBySlug } from './pages.ts';
import { renderPublicPage, type PageData } from './render.tsx';

const require = createRequire(import.meta.url);
const kernDist = dirname(require.resolve('@kern-ux/native/dist/kern.min.css'));
const here = dirname(fileURLToPath(import.meta.url));

/** The two Fira Sans cuts the pages use (regular text; headings, labels and bold). */
const FONTS = ['FiraSans-Regular.woff2', 'FiraSans-SemiBold.woff2'];

/** Every page in every language, with sample data covering each branch, as the purge's content. */
function renderedSamples(): { raw: string; extension: string }[] {
  const sample: PageData[] = [
    { page: 'start', regions: [{ code: 'x', name: 'X', districts: ['A'], localities: ['B'], providers: ['C'] }, { code: 'y', name: 'Y', districts: [], localities: [], providers: [] }] },
    { page: 'signLanguage', videoUrl: null },
    { page: 'signLanguage', videoUrl: 'https://video.example/dgs.mp4' },
    { page: 'signLanguage', videoUrl: 'https://video.example/dgs' },
    { page: 'notFound' },
  ];
  for (const slug of Object.values(PAGE_SLUGS)) {
    const page = pageBySlug(slug);
    if (page && page !== 'start' && page !== 'signLanguage') sample.push({ page });
  }
  return PUBLIC_LOCALES.flatMap((lang) => [
    ...sample.map((data) => renderPublicPage(lang, data)),
    ...bookingSamples(lang),
  ].map((raw) => ({ raw, extension: 'html' })));
}

async function purge(css: string, content: { raw: string; extension: string }[]): Promise<string> {
  const [result] = await new PurgeCSS().purge({
    content,
    css: [{ raw: css }],
    // States and attributes the markup reaches without naming them as classes.
    safelist: { standard: ['html', 'body', ':root'], greedy: [/dir/, /lang/] },
    variables: true,
    keyframes: true,
    fontFace: true,
  });
  return result?.css ?? '';
}

/**
 * Builds the public pages' assets into `<outDir>/public`: KERN UX reduced to what the pages use,
 * our own CSS, a right-to-left variant of each (rtlcss) for Arabic and Persian, and the two KERN
 * fonts, and the booking pages' small enhancement script. Everything is served from 'self'; nothing is inline.
 */
export async function buildPublicAssets(outDir: string): Promise<void> {
  const target = join(outDir, 'public');
  await mkdir(target, { recursive: true });
  const content = renderedSamples();

  const kern = await purge(await readFile(join(kernDist, 'kern.min.css'), 'utf8'), content);
  const own = await readFile(join(here, 'public.css'), 'utf8');
  await writeFile(join(target, 'kern.css'), kern);
  await writeFile(join(target, 'kern.rtl.css'), rtlcss.process(kern));
  await writeFile(join(target, 'public.css'), own);
  await writeFile(join(target, 'public.rtl.css'), rtlcss.process(own));
  for (const font of FONTS) await copyFile(join(kernDist, 'fonts', 'fira-sans', font), join(target, font));
  // The booking pages' optional enhancement (the pages work without it).
  await copyFile(join(here, 'booking.js'), join(target, 'booking.js'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPublicAssets(process.argv[2] ?? join(here, '../../dist/web'));
}
