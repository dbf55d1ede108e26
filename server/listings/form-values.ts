import type { Bilingual } from '../shared/bilingual.ts';
import { formatMajorUnits, type Money } from '../shared/money.ts';
import { DEAL_TYPES, type DealType } from '../vocabulary.ts';

// The listing as the multi-step form holds it: text in every input (amounts in
// major units, dates as YYYY-MM-DD, IPC classes and keywords comma-separated), a flag per
// deal type, empty strings for what is not filled in. Form drafts store this
// shape; the form schemas in schemas.ts turn it into a listing's input, and
// toFormValues turns a listing (or a parsed step) back into it.

export interface TextPair {
  zh?: string;
  en?: string;
}
export interface MoneyText {
  amount?: string;
  currency?: string;
}
/** A checkbox: true once stored; 'true' as a browser posts it; false or absent when unticked. */
export type Flag = boolean | string | undefined;

export interface PatentRowValues {
  number?: string;
  jurisdiction?: string;
  type?: string;
  status?: string;
  title?: TextPair;
  filingDate?: string;
  grantDate?: string;
  expiryDate?: string;
  /** IPC classes, comma-separated. */
  ipc?: string;
}

/** An uploaded document in the form: the stored file, and what the owner says about it. */
export interface DocumentRowValues {
  /** The listing's document this row is (absent for one uploaded in this draft). */
  id?: string;
  file?: string;
  name?: string;
  visibility?: string;
  /** As stored (server-side facts, shown beside the row). */
  contentType?: string;
  size?: number;
}

export interface ListingFormValues {
  kind?: string;
  title?: TextPair;
  summary?: TextPair;
  problem?: TextPair;
  advantages?: TextPair;
  clinicalUse?: TextPair;
  partnerSought?: TextPair;
  /** Keywords, comma-separated (or one a line). */
  keywords?: string;
  category?: string;
  nmpaClass?: string;
  regulatory?: { fda?: string; ce?: string };
  trl?: string;
  stage?: string;
  confidential?: { details?: string };
  /** An array from the browser's script; `{ "0": …, "1": … }` from a plain form post. */
  patents?: PatentRowValues[] | Record<string, PatentRowValues>;
  dealTypes?: Partial<Record<DealType, Flag>>;
  /** The form's way of saying "no asking price" on purpose (a listing stores it as a null price). */
  priceOnRequest?: Flag;
  askingPrice?: MoneyText;
  licenseTerms?: { upfront?: MoneyText; royaltyPercent?: string; minimumAnnual?: MoneyText; openLicense?: Flag };
  auction?: { startingPrice?: MoneyText; reserve?: MoneyText; minimumIncrement?: MoneyText; endsAt?: string };
  equityOffered?: { percent?: string; valuation?: MoneyText };
  nda?: { text?: TextPair };
  documents?: DocumentRowValues[] | Record<string, DocumentRowValues>;
}

export const isTicked = (flag: unknown): boolean => flag === true || flag === 'true' || flag === 'on';

/** Repeated rows (patents) in order, whether they came as an array or as a plain post's numbered keys. */
export function rowsOf<T>(value: T[] | Record<string, T> | null | undefined): T[] {
  if (Array.isArray(value)) return value;
  if (!value || typeof value !== 'object') return [];
  return Object.keys(value)
    .filter((key) => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => value[key]!);
}

/** What separates the items of a list typed in one input (IPC classes, keywords): Chinese keyboards type full-width ones. */
export const LIST_SEPARATORS = /[,，;；、]/;
/** A line break separates items too (one a line). */
const ITEM_BREAK = new RegExp(`${LIST_SEPARATORS.source}|[\\r\\n]`);

/** `a, b；c、d` or one item a line → ['a', 'b', 'c', 'd']. */
export const splitList = (text: string): string[] =>
  text
    .split(ITEM_BREAK)
    .map((item) => item.trim())
    .filter(Boolean);

// Times in the form are China Standard Time (UTC+8, no daylight saving), as the
// pages show them; stored in UTC.
const CHINA_OFFSET_MS = 8 * 3600_000;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A `datetime-local` value read as China time; anything else (an ISO time with its zone) as written. */
export function fromChinaTime(text: string): Date {
  return LOCAL_DATE_TIME.test(text) ? new Date(Date.parse(`${text}Z`) - CHINA_OFFSET_MS) : new Date(text);
}

/** A time as a `datetime-local` value in China time. */
export function toChinaTime(time: Date | string): string {
  return new Date(new Date(time).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

// What toFormValues reads: a listing's input (editableListing, a parsed form
// step), with dates as Dates or ISO strings and money in minor units.
type Time = Date | string | null | undefined;
type StoredMoney = Pick<Money, 'amount'> & { currency?: string | null };
interface ListingLike {
  kind?: string;
  title?: Bilingual;
  summary?: Bilingual;
  problem?: Bilingual;
  advantages?: Bilingual;
  clinicalUse?: Bilingual;
  partnerSought?: Bilingual;
  keywords?: readonly string[];
  category?: string;
  nmpaClass?: string;
  regulatory?: { fda?: string; ce?: string };
  trl?: number;
  stage?: string;
  confidential?: { details?: string };
  patents?: {
    number: string;
    jurisdiction: string;
    type: string;
    status: string;
    title?: Bilingual | null;
    filingDate: Time;
    grantDate?: Time;
    expiryDate?: Time;
    ipc?: string[];
  }[];
  dealTypes?: readonly string[];
  priceOnRequest?: boolean;
  askingPrice?: StoredMoney | null;
  licenseTerms?: {
    upfront?: StoredMoney | null;
    royaltyPercent?: number | null;
    minimumAnnual?: StoredMoney | null;
    openLicense?: boolean;
  } | null;
  auction?: {
    startingPrice: StoredMoney;
    reserve?: StoredMoney | null;
    minimumIncrement: StoredMoney;
    endsAt: Time;
  } | null;
  equityOffered?: { percent: number; valuation: StoredMoney } | null;
  nda?: { text?: Bilingual };
  documents?: DocumentRowValues[];
}

const pair = (text: Bilingual | null | undefined): TextPair => ({ zh: text?.zh ?? '', en: text?.en ?? '' });
const day = (time: Time) => (time ? new Date(time).toISOString().slice(0, 10) : '');
const number = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
function moneyText(money: StoredMoney | null | undefined): MoneyText {
  const currency = (money?.currency ?? 'CNY') as Money['currency'];
  return { amount: money ? formatMajorUnits(money.amount, currency) : '', currency };
}

/** The form's values for the fields present in `listing`. */
export function toFormValues(listing: ListingLike): ListingFormValues {
  const values: ListingFormValues = {};
  const has = (key: keyof ListingLike) => Object.hasOwn(listing, key);
  if (has('kind')) values.kind = listing.kind;
  for (const key of ['title', 'summary', 'problem', 'advantages', 'clinicalUse', 'partnerSought'] as const) {
    if (has(key)) values[key] = pair(listing[key]);
  }
  if (has('keywords')) values.keywords = (listing.keywords ?? []).join(', ');
  if (has('category')) values.category = listing.category;
  if (has('nmpaClass')) values.nmpaClass = listing.nmpaClass;
  if (has('regulatory')) {
    values.regulatory = { fda: listing.regulatory?.fda ?? 'none', ce: listing.regulatory?.ce ?? 'none' };
  }
  if (has('trl')) values.trl = number(listing.trl);
  if (has('stage')) values.stage = listing.stage;
  if (has('confidential')) values.confidential = { details: listing.confidential?.details ?? '' };
  if (has('patents')) {
    values.patents = (listing.patents ?? []).map((p) => ({
      number: p.number,
      jurisdiction: p.jurisdiction,
      type: p.type,
      status: p.status,
      title: pair(p.title),
      filingDate: day(p.filingDate),
      grantDate: day(p.grantDate),
      expiryDate: day(p.expiryDate),
      ipc: (p.ipc ?? []).join(', '),
    }));
  }
  if (has('dealTypes')) {
    values.dealTypes = Object.fromEntries(DEAL_TYPES.map((d) => [d, (listing.dealTypes ?? []).includes(d)]));
  }
  if (has('askingPrice')) {
    values.askingPrice = moneyText(listing.askingPrice);
    // A listing without a price is shown as "price on request".
    values.priceOnRequest = listing.priceOnRequest ?? !listing.askingPrice;
  }
  if (has('licenseTerms')) {
    const terms = listing.licenseTerms;
    values.licenseTerms = {
      upfront: moneyText(terms?.upfront),
      royaltyPercent: number(terms?.royaltyPercent),
      minimumAnnual: moneyText(terms?.minimumAnnual),
      openLicense: terms?.openLicense ?? false,
    };
  }
  if (has('auction')) {
    const auction = listing.auction;
    values.auction = {
      startingPrice: moneyText(auction?.startingPrice),
      reserve: moneyText(auction?.reserve),
      minimumIncrement: moneyText(auction?.minimumIncrement),
      endsAt: auction?.endsAt ? toChinaTime(auction.endsAt) : '',
    };
  }
  if (has('equityOffered')) {
    const equity = listing.equityOffered;
    values.equityOffered = { percent: number(equity?.percent), valuation: moneyText(equity?.valuation) };
  }
  if (has('nda')) values.nda = { text: pair(listing.nda?.text) };
  if (has('documents')) values.documents = (listing.documents ?? []).map((d) => ({ ...d }));
  return values;
}
