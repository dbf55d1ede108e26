import type { StoredEntry } from '../ledger/index.ts';
import type { Money } from '../shared/money.ts';
import {
  CATEGORIES,
  CURRENCIES,
  ORGANIZATION_KINDS,
  type Category,
  type Currency,
  type ListingKind,
  type OrganizationKind,
} from '../vocabulary.ts';
import { MIN_UNPUBLISHED_AMOUNTS } from './schemas.ts';

// The exchange's figures as the alliance's makerspace reports them, tallied
// from ledger entries. Pure: the service walks the ledger and looks listings up.

/** Deals complete in China: a year runs from midnight China Standard Time (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** One currency's total; `amount` is null (and `suppressed` true) where it could reveal an unpublished amount. */
export interface AmountTotal {
  currency: Currency;
  amount: number | null;
  suppressed: boolean;
}

export interface Figures {
  /** Distinct listings with a completed deal in the ledger. */
  achievementsTransformed: number;
  /** Those of them that are projects. */
  projectsTransformed: number;
  /** Patents moved, by the way they moved. */
  ipRightsTransferred: { assignment: number; license: number; ipForEquity: number; total: number };
  equityInvestments: number;
  /** Cash: assignment prices, licence upfront fees, equity investments. CNY first, never converted. */
  transformationFunds: AmountTotal[];
  /** Distinct companies that received IP for equity. */
  companiesIncubated: number;
  /** Appraised value of IP contributed for equity. CNY first, never converted. */
  registeredCapital: AmountTotal[];
}

export type StatsCategory = Category | 'unknown';

export interface StatsBucket<K extends string> {
  key: K;
  figures: Figures;
}

export interface Stats {
  /** Ledger entries counted. */
  entries: number;
  totals: Figures;
  /** Years (China Standard Time) with entries, oldest first. */
  byYear: StatsBucket<string>[];
  /** The listing's category; `unknown` when the listing cannot be found. */
  byCategory: StatsBucket<StatsCategory>[];
  /** The seller's organisation kind, as the entry recorded it. */
  byMemberKind: StatsBucket<OrganizationKind>[];
}

/** What the tally needs to know of a listing besides the entry. */
export interface ListingFacts {
  kind: ListingKind;
  category: Category;
}

interface MoneyTally {
  amount: number;
  unpublished: number;
}

interface Tally {
  listings: Set<string>;
  projects: Set<string>;
  patents: { assignment: number; license: number; ipForEquity: number };
  equityInvestments: number;
  funds: Map<Currency, MoneyTally>;
  companies: Set<string>;
  capital: Map<Currency, MoneyTally>;
}

const newTally = (): Tally => ({
  listings: new Set(),
  projects: new Set(),
  patents: { assignment: 0, license: 0, ipForEquity: 0 },
  equityInvestments: 0,
  funds: new Map(),
  companies: new Set(),
  capital: new Map(),
});

const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as Money).amount) &&
  CURRENCIES.includes((value as Money).currency);

// The walk reads entries as stored: a tampered field is skipped here (verify names it), never a crash.
function addMoney(totals: Map<Currency, MoneyTally>, money: unknown, published: boolean) {
  if (!isMoney(money)) return;
  const total = totals.get(money.currency) ?? { amount: 0, unpublished: 0 };
  total.amount += money.amount;
  if (!published) total.unpublished++;
  totals.set(money.currency, total);
}

const patentCount = (payload: unknown) => {
  const patents = (payload as { patents?: unknown } | null)?.patents;
  return Array.isArray(patents) ? patents.length : 0;
};

function add(tally: Tally, entry: StoredEntry, listing: ListingFacts | undefined) {
  tally.listings.add(entry.listing.id);
  if (listing?.kind === 'project') tally.projects.add(entry.listing.id);
  const amounts = (entry.amounts ?? {}) as Record<string, unknown>;
  const published = entry.publishAmounts === true;
  switch (entry.type) {
    case 'ip_assignment':
      tally.patents.assignment += patentCount(entry.payload);
      addMoney(tally.funds, amounts.price, published);
      break;
    case 'license_grant':
      tally.patents.license += patentCount(entry.payload);
      addMoney(tally.funds, amounts.upfront, published);
      break;
    case 'equity_investment':
      tally.equityInvestments++;
      addMoney(tally.funds, amounts.investment, published);
      break;
    case 'ip_for_equity':
      tally.patents.ipForEquity += patentCount(entry.payload);
      tally.companies.add(entry.parties.buyer.organizationId);
      addMoney(tally.capital, amounts.appraisedValue, published);
      break;
  }
}

type AmountFigure = 'funds' | 'capital';

/** Whether a bucket's total of one amount figure in one currency is withheld. */
type Withheld = (figure: AmountFigure, currency: Currency) => boolean;

/** A total that includes one or two unpublished amounts could give them away to someone who knows the rest. */
const revealing = (unpublished: number) => unpublished > 0 && unpublished < MIN_UNPUBLISHED_AMOUNTS;

/**
 * The withheld totals of one breakdown's buckets (a breakdown of one bucket:
 * the overall totals). Withholding a revealing total is not enough where the
 * overall total is shown: it minus the shown buckets gives away the sum of the
 * withheld ones, so that sum too must include no unpublished amount or at
 * least MIN_UNPUBLISHED_AMOUNTS of them; the buckets with the fewest
 * unpublished amounts are withheld along until it does.
 */
function withheldIn(tallies: Tally[]): Withheld[] {
  const withheld = tallies.map(() => new Set<string>());
  for (const figure of ['funds', 'capital'] as const) {
    for (const currency of CURRENCIES) {
      const unpublished = tallies.map((tally) => tally[figure].get(currency)?.unpublished ?? 0);
      const hidden = unpublished.map(revealing);
      let hiddenCount = unpublished.reduce((sum, n, i) => (hidden[i] ? sum + n : sum), 0);
      const others = unpublished
        .map((n, i) => ({ n, i }))
        .filter(({ n, i }) => n > 0 && !hidden[i])
        .sort((a, b) => a.n - b.n);
      for (const { n, i } of others) {
        if (!revealing(hiddenCount)) break;
        hidden[i] = true;
        hiddenCount += n;
      }
      hidden.forEach((isHidden, i) => isHidden && withheld[i]!.add(`${figure}:${currency}`));
    }
  }
  return withheld.map((keys) => (figure, currency) => keys.has(`${figure}:${currency}`));
}

/** Per currency, CNY always first, never converted. */
function amountTotals(tally: Tally, figure: AmountFigure, withheld: Withheld): AmountTotal[] {
  const totals = tally[figure];
  return CURRENCIES.filter((currency) => currency === 'CNY' || totals.has(currency)).map((currency) => {
    const suppressed = withheld(figure, currency);
    return { currency, amount: suppressed ? null : (totals.get(currency)?.amount ?? 0), suppressed };
  });
}

function figuresOf(tally: Tally, withheld: Withheld): Figures {
  const { assignment, license, ipForEquity } = tally.patents;
  return {
    achievementsTransformed: tally.listings.size,
    projectsTransformed: tally.projects.size,
    ipRightsTransferred: { assignment, license, ipForEquity, total: assignment + license + ipForEquity },
    equityInvestments: tally.equityInvestments,
    transformationFunds: amountTotals(tally, 'funds', withheld),
    companiesIncubated: tally.companies.size,
    registeredCapital: amountTotals(tally, 'capital', withheld),
  };
}

/** The year an entry took effect, in China Standard Time. */
export const yearOf = (at: Date) => String(new Date(at.getTime() + CHINA_OFFSET_MS).getUTCFullYear());

function bucketsOf<K extends string>(tallies: Map<K, Tally>, order: readonly K[]): StatsBucket<K>[] {
  const keys = order.filter((key) => tallies.has(key));
  const withheld = withheldIn(keys.map((key) => tallies.get(key)!));
  return keys.map((key, i) => ({ key, figures: figuresOf(tallies.get(key)!, withheld[i]!) }));
}

function tallyIn<K>(tallies: Map<K, Tally>, key: K): Tally {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = newTally()));
  return tally;
}

/** The figures of `entries`, overall and per year, category and member kind. */
export function tallyStats(entries: StoredEntry[], listings: ReadonlyMap<string, ListingFacts>): Stats {
  const totals = newTally();
  const years = new Map<string, Tally>();
  const categories = new Map<StatsCategory, Tally>();
  const kinds = new Map<OrganizationKind, Tally>();
  for (const entry of entries) {
    const listing = listings.get(entry.listing.id);
    for (const tally of [
      totals,
      tallyIn(years, yearOf(new Date(entry.at))),
      tallyIn(categories, listing?.category ?? 'unknown'),
      tallyIn(kinds, entry.parties.seller.kind),
    ]) {
      add(tally, entry, listing);
    }
  }
  return {
    entries: entries.length,
    totals: figuresOf(totals, withheldIn([totals])[0]!),
    byYear: bucketsOf(years, [...years.keys()].sort()),
    byCategory: bucketsOf(categories, [...CATEGORIES, 'unknown']),
    byMemberKind: bucketsOf(kinds, ORGANIZATION_KINDS),
  };
}
