import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { Problem } from '#server/platform/problem.ts';

/**
 * PDF documents through Typst (docs/decisions/0015-documents-typst-fonts.md). A template is a
 * Typst file beside its use case; the data travels as one JSON string in `sys.inputs.data` and the
 * template reads it with `json(bytes(sys.inputs.data))`, so what a person typed is always text,
 * never markup. Fonts are the TTF files of the npm packages below (OFL-1.1), nothing from the
 * machine: the same PDF on every machine. A family a document asks for that is not loaded answers
 * a translated 503 problem (`font-missing`) naming it, never a PDF with empty boxes.
 */

const require = createRequire(import.meta.url);

/** Font family → its files (regular, bold) inside an npm package. */
const FONT_FILES: Record<string, { pkg: string; files: string[] }> = {
  'Noto Sans': { pkg: '@expo-google-fonts/noto-sans', files: ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'] },
  Vazirmatn: { pkg: '@expo-google-fonts/vazirmatn', files: ['400Regular/Vazirmatn_400Regular.ttf', '700Bold/Vazirmatn_700Bold.ttf'] },
};

/**
 * The family that writes a script; Latin and Cyrillic share Noto Sans. Arabic and Persian are set
 * in Vazirmatn: Noto Sans Arabic draws a letter's dots as glyphs of their own, which a PDF reader
 * extracts as doubled letters (copying, search, screen readers).
 */
export const FAMILY_OF_SCRIPT = {
  latin: 'Noto Sans',
  cyrillic: 'Noto Sans',
  arabic: 'Vazirmatn',
  ethiopic: 'Noto Sans Ethiopic',
} as const;
export type DocumentScript = keyof typeof FAMILY_OF_SCRIPT;

function packageDir(pkg: string): string | null {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return null;
  }
}

/** The font files found, per family (a family whose package is missing is left out). */
export function loadFonts(table = FONT_FILES): Map<string, Buffer[]> {
  const fonts = new Map<string, Buffer[]>();
  for (const [family, { pkg, files }] of Object.entries(table)) {
    const dir = packageDir(pkg);
    const paths = dir ? files.map((f) => join(dir, f)) : [];
    if (paths.length && paths.every((p) => existsSync(p))) fonts.set(family, paths.map((p) => readFileSync(p)));
  }
  return fonts;
}

let compiler: { typst: NodeCompiler; families: Set<string> } | null = null;

function instance() {
  if (compiler) return compiler;
  const fonts = loadFonts();
  const typst = NodeCompiler.create({ fontArgs: [{ fontBlobs: [...fonts.values()].flat() }] });
  compiler = { typst, families: new Set(fonts.keys()) };
  return compiler;
}

/** The 503 a document answers when a script it must set has no font here. */
export function fontMissing(family: string): Problem {
  return new Problem(503, 'font-missing', { detailKey: 'details.fontMissing', values: { font: family } });
}

export interface TypstDocument {
  /** The Typst source (a template file's text), reading its data from `sys.inputs.data`. */
  source: string;
  /** Everything the template shows, as JSON. */
  data: unknown;
  /** The families the document needs; each must be loaded, else `font-missing`. */
  families: readonly string[];
}

/** Compiles a Typst document to PDF. Throws `font-missing` (503) for a family not loaded; other compile errors are bugs. */
export function renderPdf(doc: TypstDocument): Buffer {
  const { typst, families } = instance();
  const absent = doc.families.find((f) => !families.has(f));
  if (absent) throw fontMissing(absent);
  const result = typst.compile({ mainFileContent: doc.source, inputs: { data: JSON.stringify(doc.data), fonts: JSON.stringify(doc.families) } });
  const error = result.takeError();
  if (error || !result.result) throw new Error(`typst: ${JSON.stringify(error?.shortDiagnostics ?? 'no document')}`);
  const warnings = (result.takeWarnings()?.shortDiagnostics ?? []) as { message?: string }[];
  const unknown = warnings.map((w) => /unknown font family: (.+)/.exec(w.message ?? '')?.[1]).find((f) => f !== undefined);
  if (unknown) throw fontMissing(unknown);
  return typst.pdf(result.result);
}
