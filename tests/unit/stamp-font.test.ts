import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { stampFont, woff2ToTrueType } from '../../server/files/stamp-font.ts';

const require = createRequire(import.meta.url);
const slice = (name: string) =>
  readFileSync(require.resolve(`@fontsource-variable/noto-sans-sc/files/noto-sans-sc-${name}-wght-normal.woff2`));

// fontkit reads WOFF2 outlines correctly (it only cannot subset them): it is the
// reference the decoded TrueType must match glyph for glyph.
test.each(['latin', '77', '117'])(
  'the decoded slice %s has the same glyphs, outlines and metrics as the WOFF2',
  async (name) => {
    const reference = fontkit.create(slice(name));
    const decoded = fontkit.create(Buffer.from(await stampFont(name)));
    expect(decoded.numGlyphs).toBe(reference.numGlyphs);
    for (let id = 0; id < reference.numGlyphs; id++) {
      const [want, got] = [reference.getGlyph(id), decoded.getGlyph(id)];
      expect({ id, path: got.path.toSVG(), advance: got.advanceWidth }).toEqual({
        id,
        path: want.path.toSVG(),
        advance: want.advanceWidth,
      });
    }
    expect(decoded.glyphForCodePoint(0x41).id).toBe(reference.glyphForCodePoint(0x41).id);
  },
);

test('a decoded font stays intact when other fonts are decoded after it', async () => {
  const first = await woff2ToTrueType(slice('latin'));
  const before = Buffer.from(first);
  await Promise.all([woff2ToTrueType(slice('77')), woff2ToTrueType(slice('117'))]);
  expect(Buffer.from(first).equals(before)).toBe(true);
});

test('stamps made in parallel share one decoding of a slice', async () => {
  const [a, b] = await Promise.all([stampFont('5'), stampFont('5')]);
  expect(a).toBe(b);
});

test('a file that is not WOFF2 is refused', async () => {
  await expect(woff2ToTrueType(new TextEncoder().encode('not a font at all, clearly'))).rejects.toThrow(
    /ConvertWOFF2ToTTF failed/,
  );
});
