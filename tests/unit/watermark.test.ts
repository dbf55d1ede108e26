import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { isDomainError } from '../../server/errors.ts';
import { watermarkPdf } from '../../server/files/index.ts';
import { stampRuns } from '../../server/files/stamp-font.ts';
import { pageEmbeddedFonts, pageText, pageTextObjects } from '../support/pdf-text.ts';

const AT = new Date('2025-03-04T05:06:07Z');

/** A PDF of `pages` A4 pages, each saying "Body of page N" in Helvetica. */
async function makePdf(pages: number, setup: (doc: PDFDocument) => void = () => {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    doc.addPage([595, 842]).drawText(`Body of page ${n}`, { x: 72, y: 700, size: 12, font });
  }
  setup(doc);
  return doc.save();
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error)).toBe(true);
  return error as { code: string; fieldErrors: Record<string, string[]> };
}

test('every page of a multi-page PDF carries the organization, the user and the time, and keeps its own content', async () => {
  const stamped = await PDFDocument.load(
    await watermarkPdf(await makePdf(3), { organization: 'Acme Medical', user: 'Jane Doe', at: AT }),
  );
  expect(stamped.getPageCount()).toBe(3);
  stamped.getPages().forEach((page, index) => {
    const text = pageText(stamped, page);
    expect(text).toContain(`Body of page ${index + 1}`);
    expect(text).toContain('Acme Medical · Jane Doe');
    expect(text).toContain('2025-03-04 05:06 UTC');
  });
});

test('Chinese organization and user names are drawn with real glyphs and read back as written', async () => {
  const stamped = await PDFDocument.load(
    await watermarkPdf(await makePdf(2), { organization: '北京协和医院', user: '张堃', at: AT }),
  );
  for (const page of stamped.getPages()) {
    expect(pageText(stamped, page)).toContain('北京协和医院 · 张堃');
    // Glyph 0 is .notdef, the empty box a font draws for a character it lacks.
    const glyphs = pageTextObjects(stamped, page).flatMap((o) => o.glyphs);
    expect(glyphs.length).toBeGreaterThan(0);
    expect(glyphs).not.toContain(0);
  }
});

test('every glyph embedded for the stamp has an outline within the em box', async () => {
  const stamped = await PDFDocument.load(
    await watermarkPdf(await makePdf(1), {
      organization: '北京协和医院 Medical',
      user: '张堃 (zk@example.cn)',
      at: AT,
    }),
  );
  const checked: string[] = [];
  for (const { file, toUnicode } of pageEmbeddedFonts(stamped.getPage(0))) {
    const font = fontkit.create(Buffer.from(file));
    for (const [glyph, char] of toUnicode) {
      if (char.trim() === '') continue;
      const outline = font.getGlyph(glyph).path;
      const bbox = outline.bbox;
      // An empty or garbled outline draws nothing (or a smear) where the character should be.
      expect({ char, drawn: outline.toSVG() !== '' }).toEqual({ char, drawn: true });
      expect(Math.min(bbox.minX, bbox.minY)).toBeGreaterThanOrEqual(-font.unitsPerEm);
      expect(Math.max(bbox.maxX, bbox.maxY)).toBeLessThanOrEqual(2 * font.unitsPerEm);
      checked.push(char);
    }
  }
  expect(checked).toEqual(expect.arrayContaining(['北', '堃', 'M', 'x', '@', '2', ':']));
});

test('the diagonal line crosses the page corner to corner and the footer runs along the bottom', async () => {
  const stamped = await PDFDocument.load(
    await watermarkPdf(await makePdf(1), { organization: 'O', user: 'U', at: AT }),
  );
  const [diagonal, footer] = ['O · U', 'Confidential'].map((needle) =>
    pageTextObjects(stamped, stamped.getPage(0)).find((o) => o.text.includes(needle)),
  );
  // Tm's first two numbers are the text direction: cos and sin of its angle.
  const angle = (m: number[]) => Math.round((Math.atan2(m[1]!, m[0]!) * 180) / Math.PI);
  expect(angle(diagonal!.matrix!)).toBe(Math.round((Math.atan2(842, 595) * 180) / Math.PI));
  expect(angle(footer!.matrix!)).toBe(0);
  expect(footer!.matrix![5]).toBeLessThan(20);
});

test('on a page turned by /Rotate the footer still runs along the bottom edge as seen', async () => {
  const stamped = await PDFDocument.load(
    await watermarkPdf(await makePdf(1, (doc) => doc.getPage(0).setRotation(degrees(90))), {
      organization: 'O',
      user: 'U',
      at: AT,
    }),
  );
  const footer = pageTextObjects(stamped, stamped.getPage(0)).find((o) => o.text.includes('Confidential'))!;
  // Turned 90° clockwise, the seen bottom edge is the page's right edge (x = 595), read upwards.
  const [a, b, , , x] = footer.matrix!;
  expect([Math.round(a!), Math.round(b!)]).toEqual([0, 1]);
  expect(x).toBeGreaterThan(575);
  expect(x).toBeLessThanOrEqual(595);
});

test('a character no bundled font has is drawn as a question mark', () => {
  expect(
    stampRuns('a\u{E000}b')
      .map((run) => run.text)
      .join(''),
  ).toBe('a?b');
});

test('control and text-direction characters in names are not drawn', async () => {
  const stamped = await PDFDocument.load(
    await watermarkPdf(await makePdf(1), { organization: 'Evil\u202Egnp.exe\nCorp', user: 'U', at: AT }),
  );
  expect(pageText(stamped, stamped.getPage(0))).toContain('Evilgnp.exe Corp · U');
});

test('a damaged PDF is refused as unreadable, not a server error', async () => {
  const error = await refusal(
    watermarkPdf(new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body\n%%EOF'), {
      organization: 'O',
      user: 'U',
      at: AT,
    }),
  );
  expect(error.fieldErrors).toEqual({ file: ['validation.filePdfUnreadable'] });
});

test('an encrypted PDF is refused as unreadable, not a server error', async () => {
  const encrypted = await makePdf(1, (doc) => {
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 });
  });
  const error = await refusal(watermarkPdf(encrypted, { organization: 'O', user: 'U', at: AT }));
  expect(error.fieldErrors).toEqual({ file: ['validation.filePdfUnreadable'] });
});

test('the stamp fonts embedded are subsets, not the whole typeface', async () => {
  const plain = await makePdf(1);
  const stamped = await watermarkPdf(plain, { organization: '北京协和医院', user: '张堃', at: AT });
  // Noto Sans SC is megabytes; the glyphs of one stamp are kilobytes.
  expect(stamped.length - plain.length).toBeLessThan(100_000);
});
