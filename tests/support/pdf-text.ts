import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';

// Reads back the text a page shows, the way a PDF viewer's copy or search
// does: each text object's glyph codes mapped through its font's ToUnicode
// map (or, for simple fonts, the string itself). Enough for what pdf-lib
// writes (Tf, Tj, Tm), which is what the tests check.

export interface TextObject {
  text: string;
  /** The glyph codes shown, for checking none is 0 (.notdef, a missing glyph). */
  glyphs: number[];
  /** The last Tm matrix set in the object: [a, b, c, d, e, f]. */
  matrix: number[] | null;
}

function streamText(stream: unknown): string {
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a content stream');
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

/** A ToUnicode CMap's code → text pairs (bfchar entries; pdf-lib writes no ranges for subsets it makes). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(parseInt(code!, 16), Buffer.from(text!, 'hex').swap16().toString('utf16le'));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, start] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      for (let code = parseInt(from!, 16); code <= parseInt(to!, 16); code++) {
        map.set(code, String.fromCodePoint(parseInt(start!, 16) + code - parseInt(from!, 16)));
      }
    }
  }
  return map;
}

export function pageTextObjects(doc: PDFDocument, page: PDFPage): TextObject[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const source = streams.map(streamText).join('\n');
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);

  const objects: TextObject[] = [];
  let current: TextObject | null = null;
  let cmap: Map<number, string> | null = null;
  const token =
    /\bBT\b|\bET\b|\/([^\s/]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj|((?:-?[\d.]+\s+){6})Tm/g;
  for (const match of source.matchAll(token)) {
    const [whole, fontName, hex, literal, matrix] = match;
    if (whole === 'BT') objects.push((current = { text: '', glyphs: [], matrix: null }));
    else if (whole === 'ET') current = null;
    else if (fontName !== undefined) {
      const cmapStream = fonts?.lookupMaybe(PDFName.of(fontName), PDFDict)?.lookup(PDFName.of('ToUnicode'));
      cmap = cmapStream ? toUnicode(streamText(cmapStream)) : null;
    } else if (current && hex !== undefined) {
      // Two-byte glyph codes through the ToUnicode map (pdf-lib's embedded fonts); else one-byte Latin text.
      const width = cmap ? 4 : 2;
      for (let i = 0; i < hex.length; i += width) {
        const code = parseInt(hex.slice(i, i + width), 16);
        current.glyphs.push(code);
        current.text += cmap ? (cmap.get(code) ?? '\uFFFD') : String.fromCharCode(code);
      }
    } else if (current && literal !== undefined) {
      current.text += literal.replace(/\\(.)/g, '$1');
    } else if (current && matrix !== undefined) {
      current.matrix = matrix.trim().split(/\s+/).map(Number);
    }
  }
  return objects;
}

export interface EmbeddedFont {
  /** The font file (FontFile2) as embedded. */
  file: Uint8Array;
  /** Glyph code → the text it stands for. */
  toUnicode: Map<number, string>;
}

/** The composite (Type0) fonts a page uses, with their embedded font files. */
export function pageEmbeddedFonts(page: PDFPage): EmbeddedFont[] {
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  return (fonts?.entries() ?? []).flatMap(([name]) => {
    const font = fonts!.lookup(name, PDFDict);
    const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict);
    const file = descendant?.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2'));
    if (!file) return [];
    return [
      {
        file: decodePDFRawStream(file as PDFRawStream).decode(),
        toUnicode: toUnicode(streamText(font.lookup(PDFName.of('ToUnicode')))),
      },
    ];
  });
}

/** All text a page shows, text objects joined in order. */
export function pageText(doc: PDFDocument, page: PDFPage): string {
  return pageTextObjects(doc, page)
    .map((o) => o.text)
    .join('');
}
