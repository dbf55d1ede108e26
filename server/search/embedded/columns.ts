import type { SearchDocument } from '../document.ts';
import type { FacetField } from '../schemas.ts';
import {
  CATEGORIES,
  DEAL_TYPES,
  LISTING_KINDS,
  NMPA_CLASSES,
  ORGANIZATION_KINDS,
  PATENT_STATUSES,
  STAGES,
} from '../../vocabulary.ts';

// The attributes filters, facets and sorts read, one typed array per field,
// indexed by document slot: a filter or a facet count over 100,000 listings is
// one pass over a few hundred kilobytes. Enumerations are stored as codes (their
// position in the vocabulary), lists as bitmasks, absent numbers as NaN.

const codes = <T extends string>(values: readonly T[]) => new Map(values.map((v, i) => [v as string, i]));

/** Single-valued enumerations and their vocabularies. */
export const ENUM_FIELDS = {
  kind: LISTING_KINDS,
  category: CATEGORIES,
  nmpaClass: NMPA_CLASSES,
  stage: STAGES,
  orgKind: ORGANIZATION_KINDS,
} as const;
export type EnumField = keyof typeof ENUM_FIELDS;

/** Multi-valued enumerations (bitmasks) and the document field they come from. */
export const SET_FIELDS = {
  dealType: { values: DEAL_TYPES, source: 'dealTypes' },
  patentStatus: { values: PATENT_STATUSES, source: 'patentStatus' },
} as const;
export type SetField = keyof typeof SET_FIELDS;

const ENUM_CODES = Object.fromEntries(
  Object.entries(ENUM_FIELDS).map(([field, values]) => [field, codes(values)]),
) as Record<EnumField, Map<string, number>>;
const SET_CODES = Object.fromEntries(
  Object.entries(SET_FIELDS).map(([field, { values }]) => [field, codes(values)]),
) as Record<SetField, Map<string, number>>;

export function enumCode(field: EnumField, value: string): number {
  return ENUM_CODES[field].get(value) ?? -1;
}

export function setMask(field: SetField, values: readonly string[]): number {
  let mask = 0;
  for (const v of values) {
    const code = SET_CODES[field].get(v);
    if (code !== undefined) mask |= 1 << code;
  }
  return mask;
}

/** Free-text values (regions, organization ids) interned to small numbers. */
class Interned {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  code(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}

function grow<T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

export class Columns {
  capacity = 0;
  alive = new Uint8Array(0);
  enums = Object.fromEntries(Object.keys(ENUM_FIELDS).map((f) => [f, new Uint8Array(0)])) as Record<
    EnumField,
    Uint8Array
  >;
  sets = Object.fromEntries(Object.keys(SET_FIELDS).map((f) => [f, new Uint8Array(0)])) as Record<SetField, Uint8Array>;
  trl = new Uint8Array(0);
  region = new Uint16Array(0);
  organization = new Int32Array(0);
  openLicense = new Uint8Array(0);
  priceCny = new Float64Array(0);
  auctionEndsAt = new Float64Array(0);
  publishedAt = new Float64Array(0);
  patentExpiresAt = new Float64Array(0);
  readonly regions = new Interned();
  readonly organizations = new Interned();

  private ensure(slot: number): void {
    if (slot < this.capacity) return;
    const capacity = Math.max(1024, this.capacity * 2, slot + 1);
    this.alive = grow(this.alive, capacity);
    for (const f of Object.keys(this.enums) as EnumField[]) this.enums[f] = grow(this.enums[f], capacity);
    for (const f of Object.keys(this.sets) as SetField[]) this.sets[f] = grow(this.sets[f], capacity);
    this.trl = grow(this.trl, capacity);
    this.region = grow(this.region, capacity);
    this.organization = grow(this.organization, capacity);
    this.openLicense = grow(this.openLicense, capacity);
    this.priceCny = grow(this.priceCny, capacity);
    this.auctionEndsAt = grow(this.auctionEndsAt, capacity);
    this.publishedAt = grow(this.publishedAt, capacity);
    this.patentExpiresAt = grow(this.patentExpiresAt, capacity);
    this.capacity = capacity;
  }

  set(slot: number, doc: SearchDocument): void {
    this.ensure(slot);
    this.alive[slot] = 1;
    for (const f of Object.keys(ENUM_FIELDS) as EnumField[]) this.enums[f][slot] = enumCode(f, doc[f]);
    for (const f of Object.keys(SET_FIELDS) as SetField[]) {
      this.sets[f][slot] = setMask(f, doc[SET_FIELDS[f].source]);
    }
    this.trl[slot] = doc.trl;
    this.region[slot] = this.regions.code(doc.region);
    this.organization[slot] = this.organizations.code(doc.organizationId);
    this.openLicense[slot] = doc.openLicense ? 1 : 0;
    this.priceCny[slot] = doc.priceCny ?? NaN;
    this.auctionEndsAt[slot] = doc.auctionEndsAt ?? NaN;
    this.publishedAt[slot] = doc.publishedAt;
    this.patentExpiresAt[slot] = doc.patentExpiresAt ?? NaN;
  }

  kill(slot: number): void {
    this.alive[slot] = 0;
  }

  /** Facet counters for one field: one per possible value. */
  counters(field: FacetField): Int32Array {
    if (field in ENUM_FIELDS) return new Int32Array(ENUM_FIELDS[field as EnumField].length);
    if (field in SET_FIELDS) return new Int32Array(SET_FIELDS[field as SetField].values.length);
    if (field === 'region') return new Int32Array(this.regions.values.length);
    return new Int32Array(1); // openLicense, auctionOpen: the count of `true`
  }

  /** The value names of a field's counters, in counter order. */
  labels(field: FacetField): readonly string[] {
    if (field in ENUM_FIELDS) return ENUM_FIELDS[field as EnumField];
    if (field in SET_FIELDS) return SET_FIELDS[field as SetField].values;
    if (field === 'region') return this.regions.values;
    return ['true'];
  }
}
