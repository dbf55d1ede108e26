import SearchableMap from 'minisearch/SearchableMap';
import { indexTerms, type QueryTerm } from './tokenizer.ts';

// An inverted index of our own: term → postings (document slot, bitmask of the
// fields that contain the term), in typed arrays that grow by doubling. MiniSearch's
// radix tree (SearchableMap) is used for what it does best, finding the terms
// within a typo budget or under a prefix. Slots only grow (an update takes a new
// slot), so every posting list stays sorted; dead slots are dropped when a
// snapshot is written (see snapshot.ts).

/** Expansions of one prefix beyond this many terms are dropped (Meilisearch caps too). */
const MAX_PREFIX_TERMS = 300;
const MAX_TYPO_TERMS = 50;

export interface Postings {
  slots: Int32Array;
  masks: Uint16Array;
  length: number;
}

/** One dictionary term a query term stands for. */
export interface Expansion {
  termId: number;
  term: string;
  typos: number;
  /** Matched as typed: not through a typo or as a prefix. */
  exact: boolean;
}

export class TextIndex {
  /** Term → id: a hash map for the exact look-ups of indexing, the radix tree for typos and prefixes. */
  private readonly ids = new Map<string, number>();
  private readonly dictionary = new SearchableMap<number>();
  private readonly terms: string[] = [];
  private readonly postings: Postings[] = [];
  /** CJK character → ids of the bigrams containing it, for one-character queries. */
  private readonly bigramsByChar = new Map<string, number[]>();

  get termCount(): number {
    return this.terms.length;
  }

  /** Indexes one document's fields (by position in SEARCHABLE_FIELDS) under `slot`. */
  add(slot: number, fields: readonly string[]): void {
    const masks = new Map<string, number>();
    fields.forEach((text, field) => {
      if (!text) return;
      const bit = 1 << field;
      indexTerms(text, (term) => masks.set(term, (masks.get(term) ?? 0) | bit));
    });
    for (const [term, mask] of masks) this.append(this.idOf(term), slot, mask);
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      this.ids.set(term, this.terms.length);
      id = this.terms.length;
      this.dictionary.set(term, id);
      this.terms.push(term);
      this.postings.push({ slots: new Int32Array(4), masks: new Uint16Array(4), length: 0 });
      if (term.length === 2 && /\P{ASCII}/u.test(term)) {
        for (const char of new Set(term)) {
          const ids = this.bigramsByChar.get(char) ?? [];
          ids.push(id);
          this.bigramsByChar.set(char, ids);
        }
      }
    }
    return id;
  }

  private append(termId: number, slot: number, mask: number): void {
    const p = this.postings[termId]!;
    if (p.length === p.slots.length) {
      const capacity = Math.max(4, p.length * 2);
      const slots = new Int32Array(capacity);
      slots.set(p.slots);
      const masks = new Uint16Array(capacity);
      masks.set(p.masks);
      p.slots = slots;
      p.masks = masks;
    }
    p.slots[p.length] = slot;
    p.masks[p.length] = mask;
    p.length++;
  }

  postingsOf(termId: number): Postings {
    return this.postings[termId]!;
  }

  /** The dictionary terms a query word or CJK bigram stands for. */
  expand(term: QueryTerm): Expansion[][] {
    if (term.kind === 'cjk') {
      if (term.text.length === 1) {
        // A lone character matches itself and every bigram that contains it.
        const ids = [...(this.bigramsByChar.get(term.text) ?? [])];
        const own = this.ids.get(term.text);
        if (own !== undefined) ids.push(own);
        return [ids.map((termId) => ({ termId, term: this.terms[termId]!, typos: 0, exact: true }))];
      }
      // Every bigram must match: one group each.
      const groups: Expansion[][] = [];
      for (let i = 0; i + 1 < term.text.length; i++) {
        const bigram = term.text.slice(i, i + 2);
        const termId = this.ids.get(bigram);
        groups.push(termId === undefined ? [] : [{ termId, term: bigram, typos: 0, exact: true }]);
      }
      return groups;
    }
    const found = new Map<string, Expansion>();
    const exactId = this.ids.get(term.text);
    if (exactId !== undefined) found.set(term.text, { termId: exactId, term: term.text, typos: 0, exact: true });
    if (term.prefix) {
      let n = 0;
      for (const [key, termId] of this.dictionary.atPrefix(term.text)) {
        if (!found.has(key)) found.set(key, { termId, term: key, typos: 0, exact: false });
        if (++n >= MAX_PREFIX_TERMS) break;
      }
    }
    if (term.maxTypos > 0) {
      // As Meilisearch counts them: a word that differs in its first letter costs one typo more.
      const typosOf = (key: string, distance: number) => distance + (key[0] === term.text[0] ? 0 : 1);
      const fuzzy = [...this.dictionary.fuzzyGet(term.text, term.maxTypos)]
        .map(([key, [termId, distance]]) => ({ termId, term: key, typos: typosOf(key, distance), exact: false }))
        .filter((e) => e.typos <= term.maxTypos && !found.has(e.term) && !/^\d+$/.test(e.term))
        .sort((a, b) => a.typos - b.typos)
        .slice(0, MAX_TYPO_TERMS);
      for (const expansion of fuzzy) found.set(expansion.term, expansion);
    }
    return [[...found.values()]];
  }

  /** Gives back the room the doubling left at the end of every posting list (after a bulk build). */
  trim(): void {
    for (const p of this.postings) {
      if (p.slots.length > p.length) {
        p.slots = p.slots.slice(0, p.length);
        p.masks = p.masks.slice(0, p.length);
      }
    }
  }

  /** Every posting, for snapshots: terms in id order with their lists. */
  *entries(): Generator<[string, Postings]> {
    for (let id = 0; id < this.terms.length; id++) yield [this.terms[id]!, this.postings[id]!];
  }

  /** Adds a whole posting list at once (loading a snapshot); `term` must be new. */
  load(term: string, slots: Int32Array, masks: Uint16Array): void {
    const id = this.idOf(term);
    this.postings[id] = { slots, masks, length: slots.length };
  }
}
