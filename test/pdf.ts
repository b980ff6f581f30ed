import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/**
 * The text of a PDF as a reader extracts it (pdfjs), in the order the document draws it, pages
 * joined by newlines: to assert what a generated document says. A PDF holds right-to-left text in
 * visual order, one item per word: each run of right-to-left items on one line is put back into
 * reading order.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const items = (await (await doc.getPage(n)).getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
      pages.push(logical(items).map((i) => i.str).join(' '));
    }
    return pages.join('\n');
  } finally {
    await task.destroy();
  }
}

const lineOf = (item: TextItem) => Math.round(item.transform[5] ?? 0);

/** Items in drawing order → reading order: every run of right-to-left items on one line reversed. */
function logical(items: TextItem[]): TextItem[] {
  const out: TextItem[] = [];
  let run: TextItem[] = [];
  for (const item of items) {
    const first = run[0];
    if (first && (item.dir !== 'rtl' || lineOf(item) !== lineOf(first))) {
      out.push(...run.reverse());
      run = [];
    }
    if (item.dir === 'rtl') run.push(item);
    else out.push(item);
  }
  return [...out, ...run.reverse()];
}
