import mongoose from 'mongoose';
import type { ListingDoc } from '../../server/listings/index.ts';
import type { OrganizationDoc } from '../../server/orgs/index.ts';
import { toSearchDocument, type SearchDocument } from '../../server/search/document.ts';
import { generateListing, type Lister } from '../../seed/listings.ts';
import { DEMO_ORGANIZATIONS } from '../../seed/organizations.ts';

// Search documents of the demo generator, built in memory: what the benchmark
// and the engine's own scale checks index without a database.

export function demoSearchDocuments(count: number): SearchDocument[] {
  const orgs = DEMO_ORGANIZATIONS.filter((o) => o.verified && o.focus).map((o) => ({
    ...o,
    _id: new mongoose.Types.ObjectId(),
  }));
  const listers: Lister[] = orgs.map((o) => ({
    slug: o.slug,
    id: o._id,
    kind: o.kind,
    country: o.region.country,
    focus: o.focus!,
  }));
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  const ctx = { listers, creatorBySlug: new Map(), now: Date.now() };
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i++) {
    const listing = generateListing(i, ctx);
    const lister = listers.find((l) => l.id.equals(listing.organization))!;
    const org = bySlug.get(lister.slug)!;
    docs.push(
      toSearchDocument(
        { ...listing, _id: new mongoose.Types.ObjectId() } as unknown as ListingDoc,
        org as unknown as OrganizationDoc,
      ),
    );
  }
  return docs;
}
