// How the embedded engine cuts text into index terms.
//
// Latin text: lower-cased words of letters and digits, accents folded (as
// Meilisearch does). Chinese, Japanese and Korean text: overlapping character
// bigrams. A dictionary segmenter (Intl.Segmenter) splits medical terms
// (导管 → 导|管) and is ten times slower; bigrams find every word a reader
// would type (超声 in 超声内镜 and in 血管内超声), and a phrase check on the
// stored text keeps longer queries from matching scattered characters.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;

export function fold(text: string): string {
  // Most words are ASCII: skip the decomposition for them.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export const isCjk = (text: string) => CJK.test(text);

export interface Run {
  text: string;
  cjk: boolean;
  /** Offsets in the original text (highlighting wraps them). */
  start: number;
  end: number;
}

export function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const match of text.matchAll(RUNS)) {
    const cjk = isCjk(match[0][0]!);
    out.push({ text: cjk ? match[0] : fold(match[0]), cjk, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** Index terms of a text: its words, and the bigrams of CJK runs (a lone character stays a unigram). */
export function indexTerms(text: string, emit: (term: string) => void): void {
  // The hot loop of indexing: no intermediate objects.
  const pattern = new RegExp(RUNS.source, 'gu');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const run = m[0];
    if (!CJK.test(run[0]!)) emit(fold(run));
    else if (run.length === 1) emit(run);
    else for (let i = 0; i + 1 < run.length; i++) emit(run.slice(i, i + 2));
  }
}

export type QueryTerm =
  | { kind: 'word'; text: string; prefix: boolean; maxTypos: number }
  /** A CJK run: every bigram must match, and (from three characters) the run as a phrase. */
  | { kind: 'cjk'; text: string };

/** Typo budget by word length, Meilisearch's defaults; none on numbers (patent keys among them), as Meilisearch's disableOnNumbers. */
export function typoBudget(word: string): number {
  if (/^\d+$/.test(word)) return 0;
  const length = [...word].length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

export function queryTerms(text: string): QueryTerm[] {
  const all = runs(text);
  return all.map((run, i) =>
    run.cjk
      ? { kind: 'cjk', text: run.text }
      : { kind: 'word', text: run.text, prefix: i === all.length - 1, maxTypos: typoBudget(run.text) },
  );
}
