import { describe, expect, it } from 'vitest';
import { Problem } from '#server/platform/problem.ts';
import { pdfText } from '#test/pdf.ts';
import { loadFonts, renderPdf } from './typst.ts';

const source = '#let data = json(bytes(sys.inputs.data))\n#set text(font: data.fonts)\nName: #data.name';

describe('Typst documents', () => {
  it('prints what a person typed as text, never as markup or code', async () => {
    const name = '*Ali* _Yusuf_ #panic("x") $a$ <label> @ref';
    const pdf = renderPdf({ source, families: ['Noto Sans'], data: { name, fonts: ['Noto Sans'] } });
    expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain(`Name: ${name}`);
  });

  it('loads the fonts of the packages, and leaves out a family whose package is missing', () => {
    const fonts = loadFonts({
      'Noto Sans': { pkg: '@expo-google-fonts/noto-sans', files: ['400Regular/NotoSans_400Regular.ttf'] },
      Missing: { pkg: '@lotse/no-such-font-package', files: ['Regular.ttf'] },
    });
    expect([...fonts.keys()]).toEqual(['Noto Sans']);
    expect(fonts.get('Noto Sans')?.[0]?.subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
  });

  it('refuses a family it has not loaded with the font-missing problem, whether the document names it up front or only in its source', () => {
    const refused = (families: string[], fonts: string[]) => {
      try {
        renderPdf({ source, families, data: { name: 'x', fonts } });
      } catch (e) {
        return e instanceof Problem ? [e.status, e.type, e.options.values] : e;
      }
      return null;
    };
    expect(refused(['Noto Sans Ethiopic'], ['Noto Sans'])).toEqual([503, 'font-missing', { font: 'Noto Sans Ethiopic' }]);
    expect(refused(['Noto Sans'], ['Noto Sans', 'Amiri'])).toEqual([503, 'font-missing', { font: 'amiri' }]);
  });
});
