import fontkit from '@pdf-lib/fontkit';
import {
  BlendMode,
  degrees,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
  type Color,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { invalid } from '../errors.ts';
import { cut, oneLine } from './one-line.ts';
import { stampFont, stampRuns } from './stamp-font.ts';

// The data-room watermark: every page of a confidential PDF carries who
// downloaded it and when, once large and diagonal across the page and once as
// a footer line. Drawn as real text (extractable, so a leaked copy names its
// source to any PDF tool) in Noto Sans SC, so Chinese names read as written.

export interface Stamp {
  organization: string;
  user: string;
  at: Date;
}

/** Names longer than this are cut, so the lines stay readable. */
const MAX_NAME = 60;
const FOOTER_SIZE = 8;
const FOOTER_MARGIN = 14;
const MIN_SIZE = 4;

/** What PDF files pdf-lib cannot open (damaged, encrypted) are refused as. */
export const pdfUnreadable = () => invalid({ file: ['validation.filePdfUnreadable'] });

/** Loads a PDF, or throws pdfUnreadable() when pdf-lib cannot (damaged, encrypted, no pages). */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    // pdf-lib opens some damaged files without complaint; their pages cannot be reached.
    if (doc.getPageCount() > 0) return doc;
  } catch {
    // Encrypted, or damaged beyond what pdf-lib repairs: the answer is the same.
  }
  throw pdfUnreadable();
}

const clean = (name: string) => cut(oneLine(name), MAX_NAME, '…');

const minuteUtc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

interface Line {
  /** Widths are at size 1: multiply by the font size. */
  runs: { font: PDFFont; text: string; unitWidth: number }[];
  unitWidth: number;
}

async function layout(doc: PDFDocument, embedded: Map<string, PDFFont>, text: string): Promise<Line> {
  const runs = [];
  for (const run of stampRuns(text)) {
    let font = embedded.get(run.slice);
    if (!font) {
      font = await doc.embedFont(await stampFont(run.slice), { subset: true });
      embedded.set(run.slice, font);
    }
    runs.push({ font, text: run.text, unitWidth: font.widthOfTextAtSize(run.text, 1) });
  }
  return { runs, unitWidth: runs.reduce((sum, r) => sum + r.unitWidth, 0) };
}

/**
 * Draws a line centred on (u, v) of the page as seen (its crop box, after its
 * /Rotate), at `angle` degrees from the seen horizontal.
 */
function drawLine(page: PDFPage, line: Line, at: { u: number; v: number; angle: number; size: number; color: Color }) {
  const box = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const radians = (at.angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  // Start half the width back along the line and a third of the size down, so the line's middle sits on (u, v).
  let u = at.u - (cos * line.unitWidth * at.size) / 2 + (sin * at.size) / 3;
  let v = at.v - (sin * line.unitWidth * at.size) / 2 - (cos * at.size) / 3;
  // Thin outlines stroked as well as filled read like the regular weight.
  page.pushOperators(
    pushGraphicsState(),
    setTextRenderingMode(TextRenderingMode.FillAndOutline),
    setLineWidth(at.size * 0.035),
    setStrokingColor(at.color),
  );
  for (const run of line.runs) {
    // The seen frame back to the page's own coordinates, which /Rotate turns clockwise.
    const [x, y] =
      rotation === 90
        ? [box.x + box.width - v, box.y + u]
        : rotation === 180
          ? [box.x + box.width - u, box.y + box.height - v]
          : rotation === 270
            ? [box.x + v, box.y + box.height - u]
            : [box.x + u, box.y + v];
    page.drawText(run.text, {
      x,
      y,
      font: run.font,
      size: at.size,
      color: at.color,
      rotate: degrees(at.angle + rotation),
      // Multiply: the page's own dark marks stay dark where the stamp crosses them.
      blendMode: BlendMode.Multiply,
    });
    u += cos * run.unitWidth * at.size;
    v += sin * run.unitWidth * at.size;
  }
  page.pushOperators(popGraphicsState());
}

/** Stamps every page of a PDF with a data-room watermark (organization, user, time). */
export async function watermarkPdf(pdf: Uint8Array, stamp: Stamp): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  doc.registerFontkit(fontkit);
  const embedded = new Map<string, PDFFont>();
  const who = `${clean(stamp.organization)} · ${clean(stamp.user)}`;
  const diagonal = await layout(doc, embedded, who);
  const footer = await layout(doc, embedded, `机密 Confidential · ${who} · ${minuteUtc(stamp.at)}`);

  for (const page of doc.getPages()) {
    const box = page.getCropBox();
    const sideways = page.getRotation().angle % 180 !== 0;
    const [width, height] = sideways ? [box.height, box.width] : [box.width, box.height];
    const across = Math.hypot(width, height);
    drawLine(page, diagonal, {
      u: width / 2,
      v: height / 2,
      angle: (Math.atan2(height, width) * 180) / Math.PI,
      size: Math.max(MIN_SIZE, Math.min(48, (across * 0.7) / diagonal.unitWidth)),
      color: rgb(0.82, 0.82, 0.82),
    });
    drawLine(page, footer, {
      u: width / 2,
      v: Math.min(FOOTER_MARGIN, height / 4),
      angle: 0,
      size: Math.max(MIN_SIZE, Math.min(FOOTER_SIZE, (width - 2 * FOOTER_MARGIN) / footer.unitWidth)),
      color: rgb(0.4, 0.4, 0.4),
    });
  }
  return doc.save();
}
