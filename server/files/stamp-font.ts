import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import decompress from 'wawoff2/decompress.js';

// The stamp's typeface: Noto Sans SC (SIL Open Font License), shipped by the
// npm package @fontsource-variable/noto-sans-sc as ~100 WOFF2 slices, each
// covering a range of characters (listed in its unicode.json). Names are often
// Chinese, so the stamp needs CJK glyphs; nothing is fetched at run time and
// no system font is needed. Only the slices a stamp uses are decoded (cached),
// and pdf-lib embeds only the glyphs drawn. pdf-lib cannot subset WOFF2, so
// the slices are decoded to TrueType by wawoff2 (Google's woff2 decoder).
//
// The slices hold the variable font's default instance, the Thin weight; the
// watermark thickens it by stroking the outlines as well as filling them.

const PACKAGE = '@fontsource-variable/noto-sans-sc';
const require = createRequire(import.meta.url);

interface Slice {
  name: string;
  ranges: [number, number][];
}

/** What a character no slice has is drawn as. */
const REPLACEMENT = '?';

let slices: Slice[] | undefined;
/** Decoding promises, not results: stamps in parallel share one decoding. */
const fonts = new Map<string, Promise<Uint8Array>>();

function loadSlices(): Slice[] {
  const table = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<string, string>;
  const list = Object.entries(table).map(([key, value]) => ({
    // "[117]" → "117", "latin" stays: the slice's file is noto-sans-sc-<name>-wght-normal.woff2.
    name: key.replace(/^\[(\d+)\]$/, '$1'),
    ranges: value.split(',').map((part) => {
      const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to!, 16)] as [number, number];
    }),
  }));
  // Named slices (latin, latin-ext…) first: mixed text then needs fewer fonts.
  return list.sort((a, b) => Number(/^\d+$/.test(a.name)) - Number(/^\d+$/.test(b.name)));
}

function sliceOf(codePoint: number): string | undefined {
  slices ??= loadSlices();
  return slices.find((s) => s.ranges.some(([from, to]) => codePoint >= from && codePoint <= to))?.name;
}

/** A WOFF2 font as TrueType; rejects when the bytes are not WOFF2. */
export async function woff2ToTrueType(woff2: Uint8Array): Promise<Uint8Array> {
  // A copy: the decoder answers with a view of its memory, which its next call overwrites.
  return (await decompress(woff2)).slice();
}

/** The TrueType font of one slice (decoded once per process). */
export function stampFont(slice: string): Promise<Uint8Array> {
  let font = fonts.get(slice);
  if (!font) {
    font = woff2ToTrueType(readFileSync(require.resolve(`${PACKAGE}/files/noto-sans-sc-${slice}-wght-normal.woff2`)));
    fonts.set(slice, font);
  }
  return font;
}

export interface StampRun {
  slice: string;
  text: string;
}

/**
 * The text cut into runs of characters from the same slice, in order.
 * A character no slice covers becomes "?".
 */
export function stampRuns(text: string): StampRun[] {
  const runs: StampRun[] = [];
  for (let char of text) {
    let slice = sliceOf(char.codePointAt(0)!);
    if (slice === undefined) {
      char = REPLACEMENT;
      slice = sliceOf(REPLACEMENT.codePointAt(0)!)!;
    }
    const last = runs.at(-1);
    if (last?.slice === slice) last.text += char;
    else runs.push({ slice, text: char });
  }
  return runs;
}
