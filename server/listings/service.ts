import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { forbidden, notFound, unauthorized } from '../errors.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import { toListingDto, type ListingDto } from './dto.ts';
import { Listing, resourceOf, type ListingDoc } from './model.ts';
import { stepsFor } from './steps.ts';
import { mayViewConfidential } from './data-room.ts';

/** The stored listing if the actor may see it; hidden, unknown and malformed ids are all "not found". */
export async function findVisibleListing(actor: Actor, id: string): Promise<ListingDoc> {
  if (!mongoose.isValidObjectId(id) || !/^[a-f0-9]{24}$/i.test(id)) throw notFound('listing');
  // By _id: the only look-up FerretDB answers from an index.
  const listing = await Listing.findById(id).lean<ListingDoc>();
  if (!listing || !can(actor, { action: 'listing:view', listing: resourceOf(listing) })) throw notFound('listing');
  return listing;
}

/** The stored listing if the actor's organization owns it (an outsider who may see it is refused). */
export async function findOwnListing(actor: Actor, id: string): Promise<ListingDoc> {
  if (!actor) throw unauthorized();
  const listing = await findVisibleListing(actor, id);
  if (!can(actor, { action: 'listing:manage', listing: resourceOf(listing) })) throw forbidden();
  return listing;
}

/** One listing as the actor may see it; hidden and unknown ones are both "not found". */
export async function getListing(actor: Actor, id: string): Promise<ListingDto> {
  const listing = await findVisibleListing(actor, id);
  const organization = await Organization.findById(listing.organization).lean<OrganizationDoc>();
  const resource = resourceOf(listing);
  const reviewer =
    can(actor, { action: 'listing:manage', listing: resource }) || can(actor, { action: 'listing:review' });
  return toListingDto(listing, organization, {
    confidential: await mayViewConfidential(actor, listing),
    steps: reviewer ? stepsFor(actor, listing) : null,
  });
}
