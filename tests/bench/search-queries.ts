// The search benchmark's query set: what people type into the search box and
// click in the filters, built from the demo vocabulary (seed/phrases.ts) with a
// seeded PRNG, so every run, and both the engine and the API, see the same 200.
import { CATEGORY_BANKS } from '../../seed/phrases.ts';
import { Random } from '../../seed/random.ts';
import type { SearchDocument } from '../../server/search/document.ts';
import type { EngineQuery } from '../../server/search/engine.ts';
import {
  FACET_FIELDS,
  SEARCH_SORTS,
  searchQuery,
  type FacetField,
  type SearchQuery,
} from '../../server/search/schemas.ts';
import { engineQuery } from '../../server/search/service.ts';
import {
  CATEGORIES,
  DEAL_TYPES,
  LISTING_KINDS,
  NMPA_CLASSES,
  ORGANIZATION_KINDS,
  PATENT_STATUSES,
  STAGES,
} from '../../server/vocabulary.ts';

/** How many queries of each kind; 200 in all. */
const MIX = {
  chinese: 40,
  english: 25,
  phrase: 20,
  typo: 20,
  patent: 20,
  prefix: 25,
  filtered: 25,
  faceted: 15,
  browse: 10,
} as const;
export type QueryClass = keyof typeof MIX;

export interface BenchQuery {
  kind: QueryClass;
  /** The query string of GET /api/v1/search (and of the engine query, through the same schema). */
  params: URLSearchParams;
}

/** Words people search for that the device names contain (or, like 内镜 for 内窥镜, nearly). */
const COMMON_ZH = [
  '超声',
  '导管',
  '内镜',
  '血管内超声',
  '手术机器人',
  '支架',
  '微针',
  '水凝胶',
  '激光',
  '传感器',
  '芯片',
  '监测',
  '康复',
  '成像',
  '心电',
  '血糖',
  '试剂盒',
  '机器人',
  '探测器',
  '外骨骼',
  '内窥镜',
  '骨科',
  '心血管',
  '介入',
  '可穿戴',
  '微流控',
  '体外诊断',
  '生物材料',
  '人工智能',
  '一次性使用',
  '光学',
  '磁共振',
  '脑电',
  '敷料',
  '假肢',
];
const STOPWORDS = new Set(['for', 'with', 'from', 'and', 'the', 'into', 'based']);

interface Vocabulary {
  zhNames: string[];
  enNames: string[][];
  enWords: string[];
}

function vocabulary(): Vocabulary {
  const devices = Object.values(CATEGORY_BANKS).flatMap((bank) => bank.devices);
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean);
  const enNames = devices.map((d) => words(d.en));
  const qualWords = devices.flatMap((d) => d.quals.flatMap((q) => words(q.en)));
  const enWords = [...new Set([...enNames.flat(), ...qualWords])].filter((w) => w.length >= 4 && !STOPWORDS.has(w));
  // Names with Latin letters (PET探测器模块) leave the Chinese class to the English ones.
  const zhNames = devices.map((d) => d.zh).filter((zh) => /^\p{Script=Han}+$/u.test(zh));
  return { zhNames, enNames, enWords };
}

/** One or two typing mistakes: a letter swapped, dropped, doubled or replaced. */
function misspell(rng: Random, word: string): string {
  const edits = word.length >= 9 && rng.chance(0.5) ? 2 : 1;
  let out = word;
  for (let e = 0; e < edits; e++) {
    const i = rng.int(1, out.length - 2);
    const letter = String.fromCharCode(rng.int(97, 122));
    const op = rng.int(0, 3);
    if (op === 0) out = out.slice(0, i) + out[i + 1] + out[i] + out.slice(i + 2);
    else if (op === 1) out = out.slice(0, i) + out.slice(i + 1);
    else if (op === 2) out = out.slice(0, i) + letter + out.slice(i);
    else out = out.slice(0, i) + letter + out.slice(i + 1);
  }
  return out === word ? word.slice(1) : out;
}

/** A patent number as people paste it: with spaces, or without the office prefix and check digit. */
function respell(rng: Random, number: string): string {
  const cn = /^CN(\d{4})(\d)(\d{7})\.(\d)$/.exec(number);
  if (cn) {
    const [, year, type, serial, check] = cn;
    return rng.pick([
      `CN ${year} ${type} ${serial}.${check}`,
      `${year}${type}${serial}`,
      `ZL${year}${type}${serial}.${check}`,
      `${year}${type}${serial}.${check}`,
    ]);
  }
  const other = /^([A-Z]{2})([\d/-]+)([A-Z]\d?)?$/.exec(number);
  if (other) return rng.pick([`${other[1]} ${other[2]}`, `${other[1]}${other[2]}`]);
  return number;
}

type Generator = (rng: Random) => Record<string, string | string[]>;

function generators(v: Vocabulary, docs: readonly SearchDocument[]): Record<QueryClass, Generator> {
  const zhWord = (rng: Random) => {
    if (rng.chance(0.45)) return rng.pick(COMMON_ZH);
    const name = rng.pick(v.zhNames);
    if (rng.chance(0.45)) return name; // a device's whole name, as in titles
    // Compound nouns read as words from either end: 血管内超声 / 超声导管.
    const length = rng.int(2, Math.min(4, name.length - 1));
    return rng.chance(0.5) ? name.slice(0, length) : name.slice(-length);
  };
  const anyWord = (rng: Random) => (rng.chance(0.5) ? zhWord(rng) : rng.pick(v.enWords));
  const regions = [...new Set(docs.map((d) => d.region))];
  const pickSome = <T>(rng: Random, values: readonly T[], max: number) => rng.sample(values, rng.int(1, max));
  return {
    chinese: (rng) => ({ q: zhWord(rng) }),
    english: (rng) => ({ q: rng.pick(v.enWords) }),
    phrase: (rng) => {
      const pairs = v.enNames.flatMap((n) => n.slice(1).map((w, i) => [n[i]!, w]));
      const [first, second] = rng.pick(pairs.filter((p) => p.every((w) => w.length >= 3 && !STOPWORDS.has(w))));
      return { q: `${first} ${second}` };
    },
    typo: (rng) => ({ q: misspell(rng, rng.pick(v.enWords.filter((w) => w.length >= 5))) }),
    patent: (rng) => {
      const doc = rng.pick(docs.filter((d) => d.patentNumbers.length));
      return { q: respell(rng, rng.pick(doc.patentNumbers)) };
    },
    prefix: (rng) => {
      if (rng.chance(0.4)) {
        const word = rng.pick(COMMON_ZH);
        return { q: word.slice(0, rng.int(1, Math.min(2, word.length))) };
      }
      const word = rng.pick(v.enWords);
      const fragment = word.slice(0, rng.int(3, Math.min(6, word.length - 1)));
      return { q: rng.chance(0.3) ? `${rng.pick(v.enWords)} ${fragment}` : fragment };
    },
    filtered: (rng) => {
      const params: Record<string, string | string[]> = rng.chance(0.5) ? { q: anyWord(rng) } : {};
      for (const filter of rng.sample(['category', 'kind', 'trl', 'price', 'dealType'], rng.int(1, 3))) {
        if (filter === 'category') params.category = pickSome(rng, CATEGORIES, 2);
        if (filter === 'kind') params.kind = rng.pick(LISTING_KINDS);
        if (filter === 'dealType') params.dealType = pickSome(rng, DEAL_TYPES, 2);
        if (filter === 'trl') {
          const min = rng.int(1, 7);
          params.trlMin = String(min);
          params.trlMax = String(rng.int(min, 9));
        }
        if (filter === 'price') {
          const min = Math.round(rng.logUniform(1e4, 1e6));
          params.priceMin = String(min);
          params.priceMax = String(Math.round(min * rng.logUniform(2, 100)));
        }
      }
      if (rng.chance(0.3)) params.sort = rng.pick(SEARCH_SORTS);
      return params;
    },
    faceted: (rng) => {
      const params: Record<string, string | string[]> = rng.chance(0.5) ? { q: anyWord(rng) } : {};
      const values: Record<string, () => string | string[]> = {
        kind: () => pickSome(rng, LISTING_KINDS, 2),
        category: () => pickSome(rng, CATEGORIES, 3),
        nmpaClass: () => pickSome(rng, NMPA_CLASSES, 2),
        stage: () => pickSome(rng, STAGES, 3),
        dealType: () => pickSome(rng, DEAL_TYPES, 2),
        orgKind: () => pickSome(rng, ORGANIZATION_KINDS.slice(0, 4), 2),
        region: () => pickSome(rng, regions, 3),
        patentStatus: () => pickSome(rng, PATENT_STATUSES, 2),
        openLicense: () => 'true',
        auctionOpen: () => rng.pick(['true', 'false']),
      };
      for (const field of rng.sample(Object.keys(values), rng.int(2, 4))) params[field] = values[field]!();
      return params;
    },
    browse: () => ({}), // sort and page are set by benchQueries
  };
}

function toParams(record: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return params;
}

/** The 200 queries, classes interleaved, identical on every run for the same documents. */
export function benchQueries(docs: readonly SearchDocument[]): BenchQuery[] {
  const rng = new Random(20261123);
  const make = generators(vocabulary(), docs);
  const queries: BenchQuery[] = [];
  for (const [kind, count] of Object.entries(MIX) as [QueryClass, number][]) {
    for (let i = 0; i < count; i++) {
      const record = make[kind](rng);
      // Empty queries go through every sort, then a few deeper pages.
      if (kind === 'browse') {
        record.sort = SEARCH_SORTS[i % SEARCH_SORTS.length]!;
        if (i >= SEARCH_SORTS.length) record.page = String(rng.int(2, 20));
      }
      queries.push({ kind, params: toParams(record) });
    }
  }
  const order = rng.sample(queries, queries.length);
  for (const q of order) parseQuery(q.params); // every query must be one the API accepts
  return order;
}

/** As app/utils/validation.server.ts reads a query string: a repeated key becomes a list. */
function parseQuery(params: URLSearchParams): SearchQuery {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    record[key] = all.length > 1 ? all : all[0]!;
  }
  return searchQuery.parse(record);
}

/** The engine query the search service builds for the API: every facet field, as a browse page asks. */
export function toEngineQuery(params: URLSearchParams, facets: readonly FacetField[] = FACET_FIELDS): EngineQuery {
  return engineQuery(parseQuery(params), facets);
}
