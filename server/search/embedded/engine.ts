import { HIGHLIGHTED_FIELDS, SEARCHABLE_FIELDS, type HighlightedField, type SearchDocument } from '../document.ts';
import type { EngineHit, EngineQuery, EngineResult, EngineStatus, SearchEngine } from '../engine.ts';
import { FACET_FIELDS, type FacetField } from '../schemas.ts';
import { Columns, ENUM_FIELDS, SET_FIELDS, enumCode, setMask, type EnumField, type SetField } from './columns.ts';
import { highlight } from './highlight.ts';
import { readSnapshot, writeSnapshot } from './snapshot.ts';
import { TextIndex, type Expansion } from './text-index.ts';
import { queryTerms, type QueryTerm } from './tokenizer.ts';

// The in-process engine used when MEILI_HOST is not set. It keeps Meilisearch's
// rules where it can (tests/integration/search-contract.test.ts holds both to
// them): every word must match, typo budget by length, prefix on the last word,
// ranking by sort, typos, matched attribute, exactness, then newest.

// Postings hold the fields a term is in as Uint16 bitmasks (text-index.ts, snapshot.ts).
if (SEARCHABLE_FIELDS.length > 16) throw new Error('more searchable fields than the 16 bits of a field mask');
const ALL_FIELDS_MASK = (1 << SEARCHABLE_FIELDS.length) - 1;
const TITLE_FIELDS_MASK = (1 << SEARCHABLE_FIELDS.indexOf('title_zh')) | (1 << SEARCHABLE_FIELDS.indexOf('title_en'));

/** A slot is dead once its document was replaced or removed; snapshots drop dead slots. */
interface Slots {
  docs: (SearchDocument | undefined)[];
  byId: Map<string, number>;
}

/** Per-slot scratch of one text match, reused between queries (a generation stamp marks what is current). */
class MatchScratch {
  generation = 0;
  stamp = new Uint32Array(0);
  groupsMatched = new Uint8Array(0);
  typos = new Uint8Array(0);
  groupTypos = new Uint8Array(0);
  exact = new Uint8Array(0);
  groupExact = new Uint8Array(0);
  fields = new Uint16Array(0);

  next(capacity: number): number {
    if (this.stamp.length < capacity || this.generation === 0xffffffff) {
      this.stamp = new Uint32Array(capacity);
      this.groupsMatched = new Uint8Array(capacity);
      this.typos = new Uint8Array(capacity);
      this.groupTypos = new Uint8Array(capacity);
      this.exact = new Uint8Array(capacity);
      this.groupExact = new Uint8Array(capacity);
      this.fields = new Uint16Array(capacity);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

interface TextMatch {
  slots: number[];
  scratch: MatchScratch;
  /** Dictionary terms that matched, for highlighting. */
  words: Set<string>;
  phrases: string[];
}

export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded' as const;
  private slots: Slots = { docs: [], byId: new Map() };
  private text = new TextIndex();
  private columns = new Columns();
  private readonly scratch = new MatchScratch();
  private state: EngineStatus = 'warming';
  private dirty = false;

  /** `snapshotPath`: where the index is kept between runs; none keeps it in memory only (tests). */
  constructor(private readonly options: { snapshotPath?: string } = {}) {}

  async open(): Promise<void> {
    if (this.options.snapshotPath) {
      const snapshot = await readSnapshot(this.options.snapshotPath);
      if (snapshot) {
        this.slots = { docs: snapshot.docs, byId: new Map(snapshot.docs.map((d, slot) => [d!.id, slot])) };
        this.text = snapshot.text;
        this.columns = new Columns();
        snapshot.docs.forEach((doc, slot) => this.columns.set(slot, doc!));
      }
    }
    this.state = 'ok';
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (const doc of documents) {
      this.kill(doc.id);
      const slot = this.slots.docs.length;
      this.slots.docs.push(doc);
      this.slots.byId.set(doc.id, slot);
      this.text.add(
        slot,
        SEARCHABLE_FIELDS.map((f) => {
          const value = doc[f];
          return Array.isArray(value) ? value.join(' ') : value;
        }),
      );
      this.columns.set(slot, doc);
    }
    if (documents.length) this.changed();
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.kill(id);
    if (ids.length) this.changed();
  }

  private changed(): void {
    this.dirty = true;
    this.unfiltered = null;
  }

  private kill(id: string): void {
    const slot = this.slots.byId.get(id);
    if (slot === undefined) return;
    this.slots.byId.delete(id);
    this.slots.docs[slot] = undefined;
    this.columns.kill(slot);
  }

  async clear(): Promise<void> {
    this.slots = { docs: [], byId: new Map() };
    this.text = new TextIndex();
    this.columns = new Columns();
    this.changed();
  }

  async versions(): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for (const [id, slot] of this.slots.byId) versions.set(id, this.slots.docs[slot]!.updatedAt);
    return versions;
  }

  async status(): Promise<EngineStatus> {
    return this.state;
  }

  async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    this.text.trim();
    if (!this.options.snapshotPath) return;
    const live = this.slots.docs.filter((d): d is SearchDocument => d !== undefined);
    // Written from a compacted copy: dead slots and their postings are dropped.
    await writeSnapshot(this.options.snapshotPath, this.slots.docs, this.text, live.length);
  }

  async close(): Promise<void> {
    await this.flush();
  }

  async suggest(prefix: string, limit: number) {
    const match = this.match(queryTerms(prefix), TITLE_FIELDS_MASK);
    const slots = match ? match.slots.filter((s) => this.columns.alive[s]) : [];
    const ranked = this.rank(slots, match, { sort: 'relevance', offset: 0, limit });
    return ranked.map((slot) => {
      const doc = this.slots.docs[slot]!;
      return { id: doc.id, title_zh: doc.title_zh, title_en: doc.title_en };
    });
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const terms = queryTerms(query.text);
    const match = terms.length ? this.match(terms, ALL_FIELDS_MASK) : null;
    if (terms.length && !match) return { hits: [], total: 0, facets: emptyFacets(query.facets) };

    const { required, facetFilters } = this.compileFilters(query);
    const { results, nearMisses } =
      !match && !hasFilters(query) ? this.everything() : this.sift(match ? match.slots : null, required, facetFilters);
    const tallies = new Map(
      query.facets.map((field) => {
        const cached =
          !match && !hasFilters(query) && field !== 'auctionOpen' ? this.unfiltered?.counts.get(field) : null;
        if (cached) return [field, cached] as const;
        const counts = this.tally(field, query.now);
        counts.add(results);
        const misses = nearMisses.get(field);
        if (misses) counts.add(misses);
        if (!match && !hasFilters(query) && field !== 'auctionOpen') this.unfiltered!.counts.set(field, counts.counts);
        return [field, counts.counts] as const;
      }),
    );

    const page =
      this.unfiltered && results === this.unfiltered.results
        ? this.unfilteredOrder(query.sort).slice(query.offset, query.offset + query.limit)
        : this.rank(results, match, query);
    const hits: EngineHit[] = page.map((slot) => {
      const document = this.slots.docs[slot]!;
      const marked: Partial<Record<HighlightedField, string>> = {};
      for (const field of HIGHLIGHTED_FIELDS) {
        if (document[field]) {
          marked[field] = highlight(document[field], match?.words ?? new Set(), match?.phrases ?? [], {
            crop: field.startsWith('summary'),
          });
        }
      }
      return { document, highlight: marked };
    });
    const facets: EngineResult['facets'] = {};
    for (const [field, counts] of tallies) {
      const labels = this.columns.labels(field);
      const values: Record<string, number> = {};
      counts.forEach((n, code) => {
        if (n > 0) values[labels[code]!] = n;
      });
      facets[field] = values;
    }
    return { hits, total: results.length, facets };
  }

  /**
   * One pass over the candidates (null: every document): those passing every
   * filter are the results; those failing exactly one facet field's filter
   * count only for that field (disjunctive facets).
   */
  private sift(
    candidates: number[] | null,
    required: (slot: number) => boolean,
    facetFilters: [FacetField, (slot: number) => boolean][],
  ): { results: number[]; nearMisses: Map<FacetField, number[]> } {
    const alive = this.columns.alive;
    const results: number[] = [];
    const nearMisses = new Map<FacetField, number[]>(facetFilters.map(([field]) => [field, []]));
    const consider = (slot: number) => {
      if (!alive[slot] || !required(slot)) return;
      let failed: FacetField | null = null;
      for (const [field, test] of facetFilters) {
        if (test(slot)) continue;
        if (failed) return; // fails two fields: counts nowhere
        failed = field;
      }
      if (failed === null) results.push(slot);
      else nearMisses.get(failed)!.push(slot);
    };
    if (candidates) for (const slot of candidates) consider(slot);
    else for (let slot = 0; slot < this.slots.docs.length; slot++) consider(slot);
    return { results, nearMisses };
  }

  /**
   * Every live document and (filled as asked) its facet counts: what the
   * default browse page and the home page ask, kept until the next write.
   */
  private unfiltered: {
    results: number[];
    counts: Map<FacetField, Int32Array>;
    orders: Map<EngineQuery['sort'], number[]>;
  } | null = null;

  private everything(): { results: number[]; nearMisses: Map<FacetField, number[]> } {
    this.unfiltered ??= { results: this.sift(null, () => true, []).results, counts: new Map(), orders: new Map() };
    return { results: this.unfiltered.results, nearMisses: new Map() };
  }

  /** Every live document in a sort's order, computed once per write. */
  private unfilteredOrder(sort: EngineQuery['sort']): number[] {
    const cache = this.unfiltered!;
    let order = cache.orders.get(sort);
    if (!order) {
      order = this.rank(cache.results, null, { sort, offset: 0, limit: cache.results.length });
      cache.orders.set(sort, order);
    }
    return order;
  }

  /**
   * The slots containing every query term (each CJK bigram counts as one), with
   * their typos, exact matches and matched fields in the scratch arrays.
   */
  private match(terms: QueryTerm[], fieldMask: number): TextMatch | null {
    const groups: Expansion[][] = terms.flatMap((t) => this.text.expand(t));
    if (groups.some((g) => g.length === 0)) return null;
    const size = (g: Expansion[]) => g.reduce((n, e) => n + this.text.postingsOf(e.termId).length, 0);
    groups.sort((a, b) => size(a) - size(b)); // the rarest first: later groups touch fewer survivors
    const s = this.scratch;
    const gen = s.next(this.columns.capacity);
    const last = groups.length - 1;
    const slots: number[] = [];
    groups.forEach((group, g) => {
      for (const e of group) {
        const { slots: postings, masks, length } = this.text.postingsOf(e.termId);
        for (let i = 0; i < length; i++) {
          const mask = masks[i]! & fieldMask;
          if (mask === 0) continue;
          const slot = postings[i]!;
          if (g === 0) {
            if (s.stamp[slot] !== gen) {
              s.stamp[slot] = gen;
              s.groupsMatched[slot] = 0;
              s.typos[slot] = 0;
              s.exact[slot] = 0;
              s.fields[slot] = 0;
            }
          } else if (s.stamp[slot] !== gen || s.groupsMatched[slot]! < g) {
            continue;
          }
          if (s.groupsMatched[slot] === g) {
            s.groupsMatched[slot] = g + 1;
            s.typos[slot] = s.typos[slot]! + e.typos;
            s.groupTypos[slot] = e.typos;
            s.exact[slot] = s.exact[slot]! + (e.exact ? 1 : 0);
            s.groupExact[slot] = e.exact ? 1 : 0;
            if (g === last) slots.push(slot);
          } else {
            // The same group again through another term: keep its best match.
            if (e.typos < s.groupTypos[slot]!) {
              s.typos[slot] = s.typos[slot]! - (s.groupTypos[slot]! - e.typos);
              s.groupTypos[slot] = e.typos;
            }
            if (e.exact && !s.groupExact[slot]) {
              s.exact[slot] = s.exact[slot]! + 1;
              s.groupExact[slot] = 1;
            }
          }
          s.fields[slot] = s.fields[slot]! | mask;
        }
      }
    });
    const phrases = terms.filter((t) => t.kind === 'cjk').map((t) => t.text);
    const longPhrases = phrases.filter((p) => p.length >= 3);
    const matched = longPhrases.length
      ? slots.filter((slot) => longPhrases.every((p) => this.containsPhrase(this.slots.docs[slot], p, fieldMask)))
      : slots;
    const words = new Set(groups.flat().map((e) => e.term));
    return { slots: matched, scratch: s, words, phrases };
  }

  private containsPhrase(doc: SearchDocument | undefined, phrase: string, fieldMask: number): boolean {
    if (!doc) return false;
    return SEARCHABLE_FIELDS.some((f, i) => fieldMask & (1 << i) && String(doc[f]).includes(phrase));
  }

  /** The page of `slots` in the query's order (a partial sort: only what the page needs is ordered). */
  private rank(
    slots: number[],
    match: TextMatch | null,
    { sort, offset, limit }: Pick<EngineQuery, 'sort' | 'offset' | 'limit'>,
  ): number[] {
    if (offset >= slots.length) return [];
    const c = this.columns;
    const s = match?.scratch;
    // Lower sorts first. Documents without the sorted value come last either way.
    const primary = (slot: number): number => {
      switch (sort) {
        case 'newest':
          return -c.publishedAt[slot]!;
        case 'price_asc':
          return Number.isNaN(c.priceCny[slot]) ? Infinity : c.priceCny[slot]!;
        case 'price_desc':
          return Number.isNaN(c.priceCny[slot]) ? Infinity : -c.priceCny[slot]!;
        case 'trl_desc':
          return -c.trl[slot]!;
        case 'patent_life_desc':
          return Number.isNaN(c.patentExpiresAt[slot]) ? Infinity : -c.patentExpiresAt[slot]!;
        default:
          return 0;
      }
    };
    // Relevance: fewer typos, then the earliest matched field, then more exact words.
    const relevance = (slot: number): number =>
      s
        ? s.typos[slot]! * 4096 + (31 - Math.clz32(s.fields[slot]! & -s.fields[slot]!)) * 128 + (127 - s.exact[slot]!)
        : 0;
    const n = slots.length;
    const keyA = new Float64Array(n);
    const keyB = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      keyA[i] = primary(slots[i]!);
      keyB[i] = relevance(slots[i]!);
    }
    const before = (i: number, j: number): number =>
      keyA[i]! - keyA[j]! ||
      keyB[i]! - keyB[j]! ||
      c.publishedAt[slots[j]!]! - c.publishedAt[slots[i]!]! ||
      slots[j]! - slots[i]!;
    const wanted = Math.min(n, offset + limit);
    const order = topK(n, wanted, before);
    return order.slice(offset).map((i) => slots[i]!);
  }

  private compileFilters(query: EngineQuery) {
    const f = query.filters;
    const c = this.columns;
    const checks: ((slot: number) => boolean)[] = [];
    if (f.organization !== undefined) {
      const org = c.organizations.find(f.organization);
      checks.push((slot) => c.organization[slot] === org);
    }
    if (f.trlMin !== undefined) checks.push((slot) => c.trl[slot]! >= f.trlMin!);
    if (f.trlMax !== undefined) checks.push((slot) => c.trl[slot]! <= f.trlMax!);
    // NaN (no CNY price) fails both comparisons: a price bound excludes listings without one.
    if (f.priceMin !== undefined) checks.push((slot) => c.priceCny[slot]! >= f.priceMin!);
    if (f.priceMax !== undefined) checks.push((slot) => c.priceCny[slot]! <= f.priceMax!);
    const required = (slot: number) => {
      for (const check of checks) if (!check(slot)) return false;
      return true;
    };

    const facetFilters: [FacetField, (slot: number) => boolean][] = [];
    for (const field of Object.keys(ENUM_FIELDS) as EnumField[]) {
      if (!f[field].length) continue;
      const wanted = new Set(f[field].map((v) => enumCode(field, v)));
      facetFilters.push([field, (slot) => wanted.has(c.enums[field][slot]!)]);
    }
    for (const field of Object.keys(SET_FIELDS) as SetField[]) {
      if (!f[field].length) continue;
      const mask = setMask(field, f[field]);
      facetFilters.push([field, (slot) => (c.sets[field][slot]! & mask) !== 0]);
    }
    if (f.region.length) {
      const wanted = new Set(f.region.map((r) => c.regions.find(r)));
      facetFilters.push(['region', (slot) => wanted.has(c.region[slot]!)]);
    }
    if (f.openLicense !== undefined) {
      const want = f.openLicense ? 1 : 0;
      facetFilters.push(['openLicense', (slot) => c.openLicense[slot] === want]);
    }
    if (f.auctionOpen !== undefined) {
      const want = f.auctionOpen;
      facetFilters.push(['auctionOpen', (slot) => c.auctionEndsAt[slot]! > query.now === want]);
    }
    return { required, facetFilters };
  }

  /** A facet field's counters and a tight loop that counts a list of slots into them. */
  private tally(field: FacetField, now: number): { counts: Int32Array; add: (slots: number[]) => void } {
    const c = this.columns;
    const counts = c.counters(field);
    const byCode = (codes: Uint8Array | Uint16Array) => (slots: number[]) => {
      for (const slot of slots) counts[codes[slot]!]!++;
    };
    if (field in ENUM_FIELDS) return { counts, add: byCode(c.enums[field as EnumField]) };
    if (field === 'region') return { counts, add: byCode(c.region) };
    if (field in SET_FIELDS) {
      const masks = c.sets[field as SetField];
      return {
        counts,
        add: (slots) => {
          for (const slot of slots) {
            for (let mask = masks[slot]!, code = 0; mask; code++, mask >>= 1) if (mask & 1) counts[code]!++;
          }
        },
      };
    }
    if (field === 'openLicense') {
      return {
        counts,
        add: (slots) => {
          for (const slot of slots) counts[0]! += c.openLicense[slot]!;
        },
      };
    }
    return {
      counts,
      add: (slots) => {
        for (const slot of slots) if (c.auctionEndsAt[slot]! > now) counts[0]!++;
      },
    };
  }
}

/** Whether any filter narrows the query (the unfiltered pass is cached). */
function hasFilters({ filters }: EngineQuery): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
}

function emptyFacets(fields: readonly FacetField[]): EngineResult['facets'] {
  return Object.fromEntries(fields.filter((f) => FACET_FIELDS.includes(f)).map((f) => [f, {}]));
}

/** Indices 0…n-1 of the `k` smallest under `before`, in order: a bounded max-heap, O(n log k). */
function topK(n: number, k: number, before: (i: number, j: number) => number): number[] {
  if (k <= 0) return [];
  if (k * 4 >= n) {
    const all = Array.from({ length: n }, (_, i) => i);
    return all.sort(before).slice(0, k);
  }
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(heap[a]!, heap[b]!) > 0;
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b]!, heap[a]!]);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && worse(l, top)) top = l;
      if (r < heap.length && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      for (let j = heap.length - 1; j > 0;) {
        const parent = (j - 1) >> 1;
        if (!worse(j, parent)) break;
        swap(j, parent);
        j = parent;
      }
    } else if (before(i, heap[0]!) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(before);
}
