import { MARK_END, MARK_START } from '../document.ts';
import { runs } from './tokenizer.ts';

// Marks what matched in a field, as Meilisearch's `_formatted` does, and crops
// long text to a window around the first match.

/** Cropped text is about this many characters (a CJK character counts as two). */
const CROP_WIDTH = 240;

export function highlight(
  text: string,
  words: ReadonlySet<string>,
  phrases: readonly string[],
  { crop }: { crop: boolean },
): string {
  const ranges: [number, number][] = [];
  for (const run of runs(text)) {
    if (!run.cjk && words.has(run.text)) ranges.push([run.start, run.end]);
  }
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + phrase.length)) {
      ranges.push([at, at + phrase.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const prev = merged.at(-1);
    if (prev && range[0] <= prev[1]) prev[1] = Math.max(prev[1], range[1]);
    else merged.push([...range]);
  }

  let [from, to] = [0, text.length];
  if (crop && width(text) > CROP_WIDTH) [from, to] = window(text, merged[0]?.[0] ?? 0);
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [start, end] of merged) {
    if (end <= from || start >= to) continue;
    out +=
      text.slice(at, Math.max(at, start)) +
      MARK_START +
      text.slice(Math.max(start, from), Math.min(end, to)) +
      MARK_END;
    at = Math.min(end, to);
  }
  out += text.slice(at, to) + (to < text.length ? '…' : '');
  return out;
}

const width = (text: string) => {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
};

/** A window of about CROP_WIDTH around `focus`, starting a little before it, cut at word boundaries. */
function window(text: string, focus: number): [number, number] {
  let from = focus;
  for (let w = 0; from > 0 && w < CROP_WIDTH / 4; from--) w += text.charCodeAt(from - 1) > 0x2e7f ? 2 : 1;
  let to = from;
  for (let w = 0; to < text.length && w < CROP_WIDTH; to++) w += text.charCodeAt(to) > 0x2e7f ? 2 : 1;
  // Do not cut a Latin word in two.
  while (from > 0 && /\w/.test(text[from - 1]!) && /\w/.test(text[from]!)) from--;
  while (to < text.length && /\w/.test(text[to - 1]!) && /\w/.test(text[to]!)) to++;
  return [from, to];
}
