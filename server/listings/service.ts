import mongoose, { type QueryFilter } from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { notFound } from '../errors.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import type { ListingStatus } from '../vocabulary.ts';
import { toListingDto, type ListingDto } from './dto.ts';
import { Listing, type ListingDoc, type ListingFields } from './model.ts';
import type { ListingQuery } from './schemas.ts';

/** What the marketplace shows in browse: open for offers, or already under offer. */
const BROWSABLE: ListingStatus[] = ['published', 'under_offer'];

export interface ListingPage {
  items: ListingDto[];
  total: number;
  page: number;
  pageSize: number;
}

async function organizationsById(ids: mongoose.Types.ObjectId[]): Promise<Map<string, OrganizationDoc>> {
  const unique = [...new Set(ids.map(String))];
  const orgs = await Organization.find({ _id: { $in: unique } }).lean<OrganizationDoc[]>();
  return new Map(orgs.map((o) => [String(o._id), o]));
}

function confidentialFor(actor: Actor, listing: ListingDoc): boolean {
  return can(actor, {
    action: 'listing:view_confidential',
    listing: { status: listing.status, organizationId: String(listing.organization) },
  });
}

async function toDtos(actor: Actor, listings: ListingDoc[]): Promise<ListingDto[]> {
  const orgs = await organizationsById(listings.map((l) => l.organization));
  const now = new Date();
  return listings.map((l) =>
    toListingDto(l, orgs.get(String(l.organization)) ?? null, { confidential: confidentialFor(actor, l), now }),
  );
}

/** Published listings, narrowed by the query's facets, newest first, one page. */
export async function browseListings(actor: Actor, query: ListingQuery): Promise<ListingPage> {
  const filter: QueryFilter<ListingFields> = { status: { $in: BROWSABLE } };
  if (query.kind.length) filter.kind = { $in: query.kind };
  if (query.category.length) filter.category = { $in: query.category };
  if (query.stage.length) filter.stage = { $in: query.stage };
  if (query.dealType.length) filter.dealTypes = { $in: query.dealType };
  if (query.organization) filter.organization = query.organization;

  const sort: Record<string, 1 | -1> =
    query.sort === 'trl_desc' ? { trl: -1, publishedAt: -1, _id: -1 } : { publishedAt: -1, _id: -1 };
  const [total, listings] = await Promise.all([
    Listing.countDocuments(filter),
    Listing.find(filter)
      .sort(sort)
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean<ListingDoc[]>(),
  ]);
  return { items: await toDtos(actor, listings), total, page: query.page, pageSize: query.pageSize };
}

/** One listing as the actor may see it; hidden and unknown ones are both "not found". */
export async function getListing(actor: Actor, id: string): Promise<ListingDto> {
  if (!mongoose.isValidObjectId(id) || !/^[a-f0-9]{24}$/i.test(id)) throw notFound('listing');
  const listing = await Listing.findById(id).lean<ListingDoc>();
  if (
    !listing ||
    !can(actor, {
      action: 'listing:view',
      listing: { status: listing.status, organizationId: String(listing.organization) },
    })
  ) {
    throw notFound('listing');
  }
  const [dto] = await toDtos(actor, [listing]);
  return dto!;
}

export interface MarketplaceCounts {
  listings: number;
  patents: number;
  organizations: number;
  institutes: number;
}

/** The figures on the home page. */
export async function marketplaceCounts(): Promise<MarketplaceCounts> {
  const [listings, patents, organizations, institutes] = await Promise.all([
    Listing.countDocuments({ status: { $in: BROWSABLE } }),
    Listing.aggregate<{ n: number }>([
      { $match: { status: { $in: BROWSABLE } } },
      { $unwind: '$patents' },
      { $count: 'n' },
    ]),
    Organization.countDocuments({ kind: { $ne: 'operator' } }),
    Organization.countDocuments({ kind: { $in: ['basic_institute', 'engineering_institute', 'hospital'] } }),
  ]);
  return { listings, patents: patents[0]?.n ?? 0, organizations, institutes };
}
