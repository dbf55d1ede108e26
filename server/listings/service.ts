import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { notFound } from '../errors.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import { toListingDto, type ListingDto } from './dto.ts';
import { Listing, type ListingDoc } from './model.ts';
import { stepsFor } from './steps.ts';

function confidentialFor(actor: Actor, listing: ListingDoc): boolean {
  return can(actor, {
    action: 'listing:view_confidential',
    listing: { status: listing.status, organizationId: String(listing.organization) },
  });
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
  // By _id: the only look-up FerretDB answers from an index.
  const organization = await Organization.findById(listing.organization).lean<OrganizationDoc>();
  const resource = { status: listing.status, organizationId: String(listing.organization) };
  const reviewer =
    can(actor, { action: 'listing:manage', listing: resource }) || can(actor, { action: 'listing:review' });
  return toListingDto(listing, organization, {
    confidential: confidentialFor(actor, listing),
    steps: reviewer ? stepsFor(actor, listing) : null,
  });
}
