import { can, type Actor } from '../../server/auth/permissions.ts';
import type { ListingStatus, MemberRole, OrganizationKind } from '../../server/vocabulary.ts';

// The rules of server/auth/permissions.ts, one test each, with the answer
// written out. The actor is a member of OWN_ORG unless the test says otherwise.

const OWN_ORG = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER_ORG = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const anonymous: Actor = null;

function actor({
  kind,
  role = 'owner',
  verified = true,
  organizationId = OWN_ORG,
}: {
  kind: OrganizationKind;
  role?: MemberRole;
  verified?: boolean;
  organizationId?: string;
}): Actor {
  return {
    userId: 'cccccccccccccccccccccccc',
    organizationId,
    organizationKind: kind,
    organizationVerified: verified,
    role,
  };
}

const listing = (status: ListingStatus, organizationId = OWN_ORG) => ({ status, organizationId });
const operator = actor({ kind: 'operator', role: 'member', organizationId: 'dddddddddddddddddddddddd' });
/** A listing of another organization, for the rules that refuse one's own. */
const othersListing = listing('published', OTHER_ORG);
const THIRD_ORG = 'eeeeeeeeeeeeeeeeeeeeeeee';
/** A deal in which OWN_ORG sells to OTHER_ORG. */
const deal = { sellerOrganizationId: OWN_ORG, buyerOrganizationId: OTHER_ORG };
/** An offer OTHER_ORG made on OWN_ORG's listing, and OWN_ORG's counter to it. */
const offer = { bidderOrganizationId: OTHER_ORG, ownerOrganizationId: OWN_ORG, madeByOrganizationId: OTHER_ORG };
const counter = { ...offer, madeByOrganizationId: OWN_ORG };

// ── listing:view ────────────────────────────────────────────────────────────

test('an anonymous visitor may view a published listing', () => {
  expect(can(anonymous, { action: 'listing:view', listing: listing('published') })).toBe(true);
});

test('an anonymous visitor may view a listing under offer', () => {
  expect(can(anonymous, { action: 'listing:view', listing: listing('under_offer') })).toBe(true);
});

test('an anonymous visitor may view a closed listing', () => {
  expect(can(anonymous, { action: 'listing:view', listing: listing('closed') })).toBe(true);
});

test('an anonymous visitor may not view a draft', () => {
  expect(can(anonymous, { action: 'listing:view', listing: listing('draft') })).toBe(false);
});

test('an anonymous visitor may not view a listing submitted for review', () => {
  expect(can(anonymous, { action: 'listing:view', listing: listing('submitted') })).toBe(false);
});

test('an anonymous visitor may not view a withdrawn listing', () => {
  expect(can(anonymous, { action: 'listing:view', listing: listing('withdrawn') })).toBe(false);
});

test('a member of another organization may view its published listing', () => {
  const buyer = actor({ kind: 'company', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'listing:view', listing: listing('published') })).toBe(true);
});

test("the owner of another organization may not view an organization's draft, submitted or withdrawn listing", () => {
  const outsider = actor({ kind: 'company', role: 'owner', organizationId: OTHER_ORG });
  expect(can(outsider, { action: 'listing:view', listing: listing('draft') })).toBe(false);
  expect(can(outsider, { action: 'listing:view', listing: listing('submitted') })).toBe(false);
  expect(can(outsider, { action: 'listing:view', listing: listing('withdrawn') })).toBe(false);
});

test('a member of the owning organization may view its draft', () => {
  const member = actor({ kind: 'hospital', role: 'member' });
  expect(can(member, { action: 'listing:view', listing: listing('draft') })).toBe(true);
});

test('a member of the owning organization may view its submitted and withdrawn listings', () => {
  const member = actor({ kind: 'basic_institute', role: 'member' });
  expect(can(member, { action: 'listing:view', listing: listing('submitted') })).toBe(true);
  expect(can(member, { action: 'listing:view', listing: listing('withdrawn') })).toBe(true);
});

test('a member of an unverified organization may view its own draft', () => {
  const member = actor({ kind: 'engineering_institute', role: 'member', verified: false });
  expect(can(member, { action: 'listing:view', listing: listing('draft') })).toBe(true);
});

test("an operator may view any organization's draft, submitted and withdrawn listings", () => {
  expect(can(operator, { action: 'listing:view', listing: listing('draft', OTHER_ORG) })).toBe(true);
  expect(can(operator, { action: 'listing:view', listing: listing('submitted', OTHER_ORG) })).toBe(true);
  expect(can(operator, { action: 'listing:view', listing: listing('withdrawn', OTHER_ORG) })).toBe(true);
});

// ── listing:view_confidential ───────────────────────────────────────────────

test('an anonymous visitor may not see the confidential section, even of a published listing', () => {
  expect(
    can(anonymous, { action: 'listing:view_confidential', listing: listing('published'), ndaAccepted: false }),
  ).toBe(false);
});

test('a member of the owning organization sees the confidential section of its listings, published or draft', () => {
  const member = actor({ kind: 'hospital', role: 'member' });
  expect(can(member, { action: 'listing:view_confidential', listing: listing('published'), ndaAccepted: false })).toBe(
    true,
  );
  expect(can(member, { action: 'listing:view_confidential', listing: listing('draft'), ndaAccepted: false })).toBe(
    true,
  );
});

test("an operator sees the confidential section of any organization's listing", () => {
  expect(
    can(operator, {
      action: 'listing:view_confidential',
      listing: listing('published', OTHER_ORG),
      ndaAccepted: false,
    }),
  ).toBe(true);
  expect(
    can(operator, { action: 'listing:view_confidential', listing: listing('draft', OTHER_ORG), ndaAccepted: false }),
  ).toBe(true);
});

test('a verified company of another organization does not see the confidential section of a published listing', () => {
  const buyer = actor({ kind: 'company', role: 'owner', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'listing:view_confidential', listing: listing('published'), ndaAccepted: false })).toBe(
    false,
  );
});

test('a verified investor of another organization does not see the confidential section of a listing under offer', () => {
  const investor = actor({ kind: 'investor', role: 'admin', organizationId: OTHER_ORG });
  expect(
    can(investor, { action: 'listing:view_confidential', listing: listing('under_offer'), ndaAccepted: false }),
  ).toBe(false);
});

test('a member of an organization that accepted the NDA sees the confidential section of a published listing', () => {
  const buyer = actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'listing:view_confidential', listing: listing('published'), ndaAccepted: true })).toBe(
    true,
  );
});

test('an accepted NDA does not open the data room of a listing that is no longer public', () => {
  const buyer = actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'listing:view_confidential', listing: listing('withdrawn'), ndaAccepted: true })).toBe(
    false,
  );
});

test('an anonymous visitor never sees the confidential section, whatever the NDA flag says', () => {
  expect(
    can(anonymous, { action: 'listing:view_confidential', listing: listing('published'), ndaAccepted: true }),
  ).toBe(false);
});

// ── listing:accept_nda ──────────────────────────────────────────────────────

test("a verified organization's member may accept the NDA of another organization's published listing", () => {
  const buyer = actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'listing:accept_nda', listing: listing('published') })).toBe(true);
});

test('an unverified organization may not accept an NDA', () => {
  const buyer = actor({ kind: 'company', verified: false, organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'listing:accept_nda', listing: listing('published') })).toBe(false);
});

test("the owner does not accept its own listing's NDA", () => {
  expect(can(actor({ kind: 'hospital' }), { action: 'listing:accept_nda', listing: listing('published') })).toBe(false);
});

test('an anonymous visitor may not accept an NDA', () => {
  expect(can(anonymous, { action: 'listing:accept_nda', listing: listing('published') })).toBe(false);
});

test('no NDA is accepted on a listing that is not published', () => {
  const buyer = actor({ kind: 'company', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'listing:accept_nda', listing: listing('submitted') })).toBe(false);
});

// ── listing:view_unpublished ────────────────────────────────────────────────

test("an operator may view the marketplace's unpublished listings", () => {
  expect(can(operator, { action: 'listing:view_unpublished' })).toBe(true);
});

test("the owner of a verified institute may not view the marketplace's unpublished listings", () => {
  expect(can(actor({ kind: 'basic_institute' }), { action: 'listing:view_unpublished' })).toBe(false);
});

test("an anonymous visitor may not view the marketplace's unpublished listings", () => {
  expect(can(anonymous, { action: 'listing:view_unpublished' })).toBe(false);
});

// ── listing:follow ──────────────────────────────────────────────────────────

test('an anonymous visitor may not follow listings', () => {
  expect(can(anonymous, { action: 'listing:follow' })).toBe(false);
});

test('a member of an unverified company may follow listings', () => {
  expect(can(actor({ kind: 'company', role: 'member', verified: false }), { action: 'listing:follow' })).toBe(true);
});

test('a member of a verified investor may follow listings', () => {
  expect(can(actor({ kind: 'investor', role: 'member' }), { action: 'listing:follow' })).toBe(true);
});

// ── listing:search ──────────────────────────────────────────────────────────

test('anyone may search published listings, an anonymous visitor and an unverified organization alike', () => {
  expect(can(anonymous, { action: 'listing:search' })).toBe(true);
  expect(can(actor({ kind: 'ip_agency', role: 'member', verified: false }), { action: 'listing:search' })).toBe(true);
});

// ── dashboard:view ──────────────────────────────────────────────────────────

test("a member of an unverified organization may view its organization's dashboard", () => {
  expect(can(actor({ kind: 'hospital', role: 'member', verified: false }), { action: 'dashboard:view' })).toBe(true);
});

test('an anonymous visitor has no dashboard', () => {
  expect(can(anonymous, { action: 'dashboard:view' })).toBe(false);
});

// ── listing:create ─────────────────────────────────────────────────────────

test('a verified basic research institute may create listings', () => {
  expect(can(actor({ kind: 'basic_institute' }), { action: 'listing:create' })).toBe(true);
});

test('a verified engineering research institute may create listings', () => {
  expect(can(actor({ kind: 'engineering_institute' }), { action: 'listing:create' })).toBe(true);
});

test('a verified hospital may create listings', () => {
  expect(can(actor({ kind: 'hospital' }), { action: 'listing:create' })).toBe(true);
});

test('a verified company may create listings', () => {
  expect(can(actor({ kind: 'company' }), { action: 'listing:create' })).toBe(true);
});

test('a plain member (role member) of a verified hospital may create listings', () => {
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'listing:create' })).toBe(true);
});

test('an unverified hospital may not create listings', () => {
  expect(can(actor({ kind: 'hospital', verified: false }), { action: 'listing:create' })).toBe(false);
});

test('an unverified company may not create listings', () => {
  expect(can(actor({ kind: 'company', verified: false }), { action: 'listing:create' })).toBe(false);
});

test('an investor may not create listings', () => {
  expect(can(actor({ kind: 'investor' }), { action: 'listing:create' })).toBe(false);
});

test('an IP agency may not create listings', () => {
  expect(can(actor({ kind: 'ip_agency' }), { action: 'listing:create' })).toBe(false);
});

// ── listing:manage, listing:review ─────────────────────────────────────────

test('a member of the owning organization may manage its listing', () => {
  const listing = { status: 'published' as const, organizationId: OWN_ORG };
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'listing:manage', listing })).toBe(true);
});

test('a member of another organization may not manage the listing', () => {
  const listing = { status: 'draft' as const, organizationId: OWN_ORG };
  expect(
    can(actor({ kind: 'hospital', organizationId: 'dddddddddddddddddddddddd' }), { action: 'listing:manage', listing }),
  ).toBe(false);
  expect(can(null, { action: 'listing:manage', listing })).toBe(false);
});

test('only operators review listings', () => {
  expect(can(actor({ kind: 'operator' }), { action: 'listing:review' })).toBe(true);
  expect(can(actor({ kind: 'basic_institute' }), { action: 'listing:review' })).toBe(false);
  expect(can(null, { action: 'listing:review' })).toBe(false);
});

test('an operator may not publish listings', () => {
  expect(can(operator, { action: 'listing:create' })).toBe(false);
});

test('an anonymous visitor may not publish listings', () => {
  expect(can(anonymous, { action: 'listing:create' })).toBe(false);
});

// ── listing:edit_draft ──────────────────────────────────────────────────────

test('the author of a listing-form draft may edit it while acting for its organization', () => {
  const draft = { authorUserId: 'cccccccccccccccccccccccc', organizationId: OWN_ORG };
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'listing:edit_draft', draft })).toBe(true);
});

test("another member of the same organization may not edit the author's draft", () => {
  const draft = { authorUserId: 'ffffffffffffffffffffffff', organizationId: OWN_ORG };
  expect(can(actor({ kind: 'hospital', role: 'owner' }), { action: 'listing:edit_draft', draft })).toBe(false);
});

test('the author acting for another organization may not edit a draft started for the first', () => {
  const draft = { authorUserId: 'cccccccccccccccccccccccc', organizationId: OTHER_ORG };
  expect(can(actor({ kind: 'hospital' }), { action: 'listing:edit_draft', draft })).toBe(false);
});

test("an operator may not edit a member's draft", () => {
  const draft = { authorUserId: 'cccccccccccccccccccccccc', organizationId: OWN_ORG };
  expect(can(operator, { action: 'listing:edit_draft', draft })).toBe(false);
});

test('an anonymous visitor may not edit a draft', () => {
  const draft = { authorUserId: 'cccccccccccccccccccccccc', organizationId: OWN_ORG };
  expect(can(anonymous, { action: 'listing:edit_draft', draft })).toBe(false);
});

// ── offer:make ──────────────────────────────────────────────────────────────

test('a verified company member may make offers', () => {
  expect(can(actor({ kind: 'company', role: 'member' }), { action: 'offer:make', listing: othersListing })).toBe(true);
});

test('a verified investor may make offers', () => {
  expect(can(actor({ kind: 'investor' }), { action: 'offer:make', listing: othersListing })).toBe(true);
});

test('an unverified company may not make offers', () => {
  expect(can(actor({ kind: 'company', verified: false }), { action: 'offer:make', listing: othersListing })).toBe(
    false,
  );
});

test('an unverified investor may not make offers', () => {
  expect(can(actor({ kind: 'investor', verified: false }), { action: 'offer:make', listing: othersListing })).toBe(
    false,
  );
});

test('an institute may not make offers', () => {
  expect(can(actor({ kind: 'basic_institute' }), { action: 'offer:make', listing: othersListing })).toBe(false);
  expect(can(actor({ kind: 'engineering_institute' }), { action: 'offer:make', listing: othersListing })).toBe(false);
});

test('a hospital may not make offers', () => {
  expect(can(actor({ kind: 'hospital' }), { action: 'offer:make', listing: othersListing })).toBe(false);
});

test('an IP agency may not make offers', () => {
  expect(can(actor({ kind: 'ip_agency' }), { action: 'offer:make', listing: othersListing })).toBe(false);
});

test('an operator may not make offers', () => {
  expect(can(operator, { action: 'offer:make', listing: othersListing })).toBe(false);
});

test('an anonymous visitor may not make offers', () => {
  expect(can(anonymous, { action: 'offer:make', listing: othersListing })).toBe(false);
});

test("a verified company may not make an offer on its own organization's listing", () => {
  expect(can(actor({ kind: 'company', role: 'member' }), { action: 'offer:make', listing: listing('published') })).toBe(
    false,
  );
});

// ── bid:place ───────────────────────────────────────────────────────────────

test('a verified company member may bid in auctions', () => {
  expect(can(actor({ kind: 'company', role: 'member' }), { action: 'bid:place', listing: othersListing })).toBe(true);
});

test('a verified investor may bid in auctions', () => {
  expect(can(actor({ kind: 'investor' }), { action: 'bid:place', listing: othersListing })).toBe(true);
});

test('an unverified company may not bid', () => {
  expect(can(actor({ kind: 'company', verified: false }), { action: 'bid:place', listing: othersListing })).toBe(false);
});

test('an unverified investor may not bid', () => {
  expect(can(actor({ kind: 'investor', verified: false }), { action: 'bid:place', listing: othersListing })).toBe(
    false,
  );
});

test('institutes and hospitals may not bid', () => {
  expect(can(actor({ kind: 'basic_institute' }), { action: 'bid:place', listing: othersListing })).toBe(false);
  expect(can(actor({ kind: 'engineering_institute' }), { action: 'bid:place', listing: othersListing })).toBe(false);
  expect(can(actor({ kind: 'hospital' }), { action: 'bid:place', listing: othersListing })).toBe(false);
});

test('an IP agency may not bid', () => {
  expect(can(actor({ kind: 'ip_agency' }), { action: 'bid:place', listing: othersListing })).toBe(false);
});

test('an operator may not bid', () => {
  expect(can(operator, { action: 'bid:place', listing: othersListing })).toBe(false);
});

test('an anonymous visitor may not bid', () => {
  expect(can(anonymous, { action: 'bid:place', listing: othersListing })).toBe(false);
});

test("a verified investor may not bid on its own organization's listing", () => {
  expect(can(actor({ kind: 'investor' }), { action: 'bid:place', listing: listing('published') })).toBe(false);
});

// ── auction:view_bidders ────────────────────────────────────────────────────

test("the owning organization's members see who bid in its listing's auction", () => {
  const member = actor({ kind: 'basic_institute', role: 'member' });
  expect(can(member, { action: 'auction:view_bidders', listing: listing('published') })).toBe(true);
});

test('an operator sees who bid in any auction', () => {
  expect(can(operator, { action: 'auction:view_bidders', listing: othersListing })).toBe(true);
});

test('a bidder of another organization does not see who else bid', () => {
  expect(can(actor({ kind: 'company' }), { action: 'auction:view_bidders', listing: othersListing })).toBe(false);
});

test('an anonymous visitor does not see who bid', () => {
  expect(can(anonymous, { action: 'auction:view_bidders', listing: othersListing })).toBe(false);
});

// ── offer:view ──────────────────────────────────────────────────────────────

test("the bidding organization's members may view the offer's thread", () => {
  const bidder = actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG });
  expect(can(bidder, { action: 'offer:view', offer })).toBe(true);
});

test("the listing owner's members may view the offer's thread", () => {
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'offer:view', offer })).toBe(true);
});

test("a third organization may not view an offer's thread", () => {
  expect(can(actor({ kind: 'company', organizationId: THIRD_ORG }), { action: 'offer:view', offer })).toBe(false);
});

test("an operator may not view an offer's thread: it is between the two organizations", () => {
  expect(can(operator, { action: 'offer:view', offer })).toBe(false);
});

test("an anonymous visitor may not view an offer's thread", () => {
  expect(can(anonymous, { action: 'offer:view', offer })).toBe(false);
});

// ── offer:respond ───────────────────────────────────────────────────────────

test('the listing owner may respond to the offer the bidder made', () => {
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'offer:respond', offer })).toBe(true);
});

test("the bidder may respond to the owner's counter-offer", () => {
  const bidder = actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG });
  expect(can(bidder, { action: 'offer:respond', offer: counter })).toBe(true);
});

test('the organization that made an offer may not respond to it', () => {
  const bidder = actor({ kind: 'company', organizationId: OTHER_ORG });
  expect(can(bidder, { action: 'offer:respond', offer })).toBe(false);
  expect(can(actor({ kind: 'hospital' }), { action: 'offer:respond', offer: counter })).toBe(false);
});

test('a third organization, an operator or an anonymous visitor may not respond to an offer', () => {
  expect(can(actor({ kind: 'company', organizationId: THIRD_ORG }), { action: 'offer:respond', offer })).toBe(false);
  expect(can(operator, { action: 'offer:respond', offer })).toBe(false);
  expect(can(anonymous, { action: 'offer:respond', offer })).toBe(false);
});

// ── offer:withdraw ──────────────────────────────────────────────────────────

test('the organization that made an offer may withdraw it', () => {
  const bidder = actor({ kind: 'investor', role: 'member', organizationId: OTHER_ORG });
  expect(can(bidder, { action: 'offer:withdraw', offer })).toBe(true);
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'offer:withdraw', offer: counter })).toBe(true);
});

test('the organization that received an offer may not withdraw it', () => {
  expect(can(actor({ kind: 'hospital' }), { action: 'offer:withdraw', offer })).toBe(false);
});

test('a third organization, an operator or an anonymous visitor may not withdraw an offer', () => {
  expect(can(actor({ kind: 'company', organizationId: THIRD_ORG }), { action: 'offer:withdraw', offer })).toBe(false);
  expect(can(operator, { action: 'offer:withdraw', offer })).toBe(false);
  expect(can(anonymous, { action: 'offer:withdraw', offer })).toBe(false);
});

// ── license:take ────────────────────────────────────────────────────────────

test("a verified company member may take a licence at another organization's listed terms", () => {
  expect(can(actor({ kind: 'company', role: 'member' }), { action: 'license:take', listing: othersListing })).toBe(
    true,
  );
});

test('an unverified company may not take a licence', () => {
  expect(can(actor({ kind: 'company', verified: false }), { action: 'license:take', listing: othersListing })).toBe(
    false,
  );
});

test('an investor may not take a licence: it buys equity, it does not make devices', () => {
  expect(can(actor({ kind: 'investor' }), { action: 'license:take', listing: othersListing })).toBe(false);
});

test('institutes, hospitals, IP agencies and operators may not take a licence', () => {
  expect(can(actor({ kind: 'basic_institute' }), { action: 'license:take', listing: othersListing })).toBe(false);
  expect(can(actor({ kind: 'hospital' }), { action: 'license:take', listing: othersListing })).toBe(false);
  expect(can(actor({ kind: 'ip_agency' }), { action: 'license:take', listing: othersListing })).toBe(false);
  expect(can(operator, { action: 'license:take', listing: othersListing })).toBe(false);
});

test("a verified company may not take a licence on its own organization's listing", () => {
  expect(can(actor({ kind: 'company' }), { action: 'license:take', listing: listing('published') })).toBe(false);
});

test('an anonymous visitor may not take a licence', () => {
  expect(can(anonymous, { action: 'license:take', listing: othersListing })).toBe(false);
});

// ── deal:view ───────────────────────────────────────────────────────────────

test("the seller's and the buyer's members may view their deal", () => {
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'deal:view', deal })).toBe(true);
  expect(
    can(actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG }), { action: 'deal:view', deal }),
  ).toBe(true);
});

test('an operator may view any deal', () => {
  expect(can(operator, { action: 'deal:view', deal })).toBe(true);
});

test('a third organization may not view a deal', () => {
  expect(can(actor({ kind: 'company', organizationId: THIRD_ORG }), { action: 'deal:view', deal })).toBe(false);
});

test('an anonymous visitor may not view a deal', () => {
  expect(can(anonymous, { action: 'deal:view', deal })).toBe(false);
});

// ── deal:act ────────────────────────────────────────────────────────────────

test("the seller's and the buyer's members may act on their deal", () => {
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'deal:act', deal })).toBe(true);
  expect(can(actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG }), { action: 'deal:act', deal })).toBe(
    true,
  );
});

test('an operator may not act for a party to a deal', () => {
  expect(can(operator, { action: 'deal:act', deal })).toBe(false);
});

test('a third organization or an anonymous visitor may not act on a deal', () => {
  expect(can(actor({ kind: 'company', organizationId: THIRD_ORG }), { action: 'deal:act', deal })).toBe(false);
  expect(can(anonymous, { action: 'deal:act', deal })).toBe(false);
});

// ── deal:view_side ──────────────────────────────────────────────────────────

test("the buyer's members see the buyer's side of a deal (its payment instructions)", () => {
  const buyer = actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'deal:view_side', deal, side: 'buyer' })).toBe(true);
});

test("an operator sees the buyer's side of a deal: it confirms the payment", () => {
  expect(can(operator, { action: 'deal:view_side', deal, side: 'buyer' })).toBe(true);
});

test("the seller's members do not see the buyer's side of a deal", () => {
  expect(can(actor({ kind: 'hospital' }), { action: 'deal:view_side', deal, side: 'buyer' })).toBe(false);
});

test("the seller's members see the seller's side of a deal (its payout reminder)", () => {
  const seller = actor({ kind: 'hospital', role: 'member' });
  expect(can(seller, { action: 'deal:view_side', deal, side: 'seller' })).toBe(true);
});

test("neither the buyer nor an operator sees the seller's side of a deal", () => {
  const buyer = actor({ kind: 'company', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'deal:view_side', deal, side: 'seller' })).toBe(false);
  expect(can(operator, { action: 'deal:view_side', deal, side: 'seller' })).toBe(false);
});

test('a third organization or an anonymous visitor sees neither side of a deal', () => {
  const third = actor({ kind: 'company', organizationId: THIRD_ORG });
  expect(can(third, { action: 'deal:view_side', deal, side: 'buyer' })).toBe(false);
  expect(can(third, { action: 'deal:view_side', deal, side: 'seller' })).toBe(false);
  expect(can(anonymous, { action: 'deal:view_side', deal, side: 'buyer' })).toBe(false);
  expect(can(anonymous, { action: 'deal:view_side', deal, side: 'seller' })).toBe(false);
});

// ── deal:confirm_payment, deal:resolve_objection, deal:cancel_any ───────────

test("an operator confirms a deal's offline payment; a party or an anonymous visitor does not", () => {
  expect(can(operator, { action: 'deal:confirm_payment' })).toBe(true);
  expect(can(actor({ kind: 'hospital', role: 'owner' }), { action: 'deal:confirm_payment' })).toBe(false);
  expect(can(anonymous, { action: 'deal:confirm_payment' })).toBe(false);
});

test('an operator resolves objections to a deal in public notice; a party or an anonymous visitor does not', () => {
  expect(can(operator, { action: 'deal:resolve_objection' })).toBe(true);
  expect(can(actor({ kind: 'basic_institute', role: 'owner' }), { action: 'deal:resolve_objection' })).toBe(false);
  expect(can(anonymous, { action: 'deal:resolve_objection' })).toBe(false);
});

test('an operator cancels any deal with a reason; a party or an anonymous visitor does not', () => {
  expect(can(operator, { action: 'deal:cancel_any' })).toBe(true);
  expect(can(actor({ kind: 'company', role: 'owner' }), { action: 'deal:cancel_any' })).toBe(false);
  expect(can(anonymous, { action: 'deal:cancel_any' })).toBe(false);
});

// ── deal:object ─────────────────────────────────────────────────────────────

test('anyone signed in may object to a deal in public notice, an unverified third organization too', () => {
  const third = actor({ kind: 'ip_agency', role: 'member', verified: false, organizationId: THIRD_ORG });
  expect(can(third, { action: 'deal:object' })).toBe(true);
});

test('an anonymous visitor may not object to a deal', () => {
  expect(can(anonymous, { action: 'deal:object' })).toBe(false);
});

// ── deal:pay ────────────────────────────────────────────────────────────────

test("the buyer's members may pay the deal", () => {
  const buyer = actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG });
  expect(can(buyer, { action: 'deal:pay', deal })).toBe(true);
});

test('the seller, an operator or an anonymous visitor may not pay the deal', () => {
  expect(can(actor({ kind: 'hospital' }), { action: 'deal:pay', deal })).toBe(false);
  expect(can(operator, { action: 'deal:pay', deal })).toBe(false);
  expect(can(anonymous, { action: 'deal:pay', deal })).toBe(false);
});

// ── payment:view, payment:manage ────────────────────────────────────────────

test("the paying and the paid organization's members may view a payment's receipt", () => {
  const payment = { payerOrganizationId: OTHER_ORG, payeeOrganizationId: OWN_ORG };
  expect(can(actor({ kind: 'hospital', role: 'member' }), { action: 'payment:view', payment })).toBe(true);
  const payer = actor({ kind: 'company', role: 'member', organizationId: OTHER_ORG });
  expect(can(payer, { action: 'payment:view', payment })).toBe(true);
});

test("an operator may view any payment's receipt", () => {
  const payment = { payerOrganizationId: OTHER_ORG, payeeOrganizationId: OWN_ORG };
  expect(can(operator, { action: 'payment:view', payment })).toBe(true);
});

test("a third organization or an anonymous visitor may not view a payment's receipt", () => {
  const payment = { payerOrganizationId: OTHER_ORG, payeeOrganizationId: OWN_ORG };
  expect(can(actor({ kind: 'company', organizationId: THIRD_ORG }), { action: 'payment:view', payment })).toBe(false);
  expect(can(anonymous, { action: 'payment:view', payment })).toBe(false);
});

test("a membership fee's receipt (paid to the alliance) is its payer's only, and the operators'", () => {
  const payment = { payerOrganizationId: OWN_ORG, payeeOrganizationId: null };
  expect(can(actor({ kind: 'company', role: 'member' }), { action: 'payment:view', payment })).toBe(true);
  expect(can(operator, { action: 'payment:view', payment })).toBe(true);
  expect(can(actor({ kind: 'company', organizationId: OTHER_ORG }), { action: 'payment:view', payment })).toBe(false);
});

test('an operator manages payments; the owner of a verified company or an anonymous visitor does not', () => {
  expect(can(operator, { action: 'payment:manage' })).toBe(true);
  expect(can(actor({ kind: 'company', role: 'owner' }), { action: 'payment:manage' })).toBe(false);
  expect(can(anonymous, { action: 'payment:manage' })).toBe(false);
});

// ── payout:manage ───────────────────────────────────────────────────────────

test('the owner or an admin of a verified seller may manage its payouts', () => {
  expect(can(actor({ kind: 'hospital', role: 'owner' }), { action: 'payout:manage', organizationId: OWN_ORG })).toBe(
    true,
  );
  expect(can(actor({ kind: 'company', role: 'admin' }), { action: 'payout:manage', organizationId: OWN_ORG })).toBe(
    true,
  );
});

test('a member (role member) of a verified seller may not manage its payouts', () => {
  expect(
    can(actor({ kind: 'basic_institute', role: 'member' }), { action: 'payout:manage', organizationId: OWN_ORG }),
  ).toBe(false);
});

test('the owner of an unverified seller may not manage payouts until the operator verifies it', () => {
  const owner = actor({ kind: 'hospital', role: 'owner', verified: false });
  expect(can(owner, { action: 'payout:manage', organizationId: OWN_ORG })).toBe(false);
});

test('the owner of an organization that does not list (an investor, an IP agency) has no payouts', () => {
  expect(can(actor({ kind: 'investor' }), { action: 'payout:manage', organizationId: OWN_ORG })).toBe(false);
  expect(can(actor({ kind: 'ip_agency' }), { action: 'payout:manage', organizationId: OWN_ORG })).toBe(false);
});

test("the owner of another organization, an operator or an anonymous visitor may not manage an organization's payouts", () => {
  expect(can(actor({ kind: 'hospital' }), { action: 'payout:manage', organizationId: OTHER_ORG })).toBe(false);
  expect(can(actor({ kind: 'operator', role: 'owner' }), { action: 'payout:manage', organizationId: OTHER_ORG })).toBe(
    false,
  );
  expect(can(anonymous, { action: 'payout:manage', organizationId: OWN_ORG })).toBe(false);
});

// ── membership:subscribe, membership:manage ─────────────────────────────────

test('the owner of an organization may subscribe it to the alliance, verified or not', () => {
  expect(can(actor({ kind: 'company' }), { action: 'membership:subscribe', organizationId: OWN_ORG })).toBe(true);
  const unverified = actor({ kind: 'hospital', verified: false });
  expect(can(unverified, { action: 'membership:subscribe', organizationId: OWN_ORG })).toBe(true);
});

test('an admin or a member may not subscribe the organization', () => {
  expect(
    can(actor({ kind: 'company', role: 'admin' }), { action: 'membership:subscribe', organizationId: OWN_ORG }),
  ).toBe(false);
  expect(
    can(actor({ kind: 'company', role: 'member' }), { action: 'membership:subscribe', organizationId: OWN_ORG }),
  ).toBe(false);
});

test('the owner of another organization or an anonymous visitor may not subscribe an organization', () => {
  expect(can(actor({ kind: 'company' }), { action: 'membership:subscribe', organizationId: OTHER_ORG })).toBe(false);
  expect(can(anonymous, { action: 'membership:subscribe', organizationId: OWN_ORG })).toBe(false);
});

test('an operator manages membership plans and invoices; the owner of a company or an anonymous visitor does not', () => {
  expect(can(operator, { action: 'membership:manage' })).toBe(true);
  expect(can(actor({ kind: 'company', role: 'owner' }), { action: 'membership:manage' })).toBe(false);
  expect(can(anonymous, { action: 'membership:manage' })).toBe(false);
});

// ── org:view ────────────────────────────────────────────────────────────────

test('an anonymous visitor may view organization profiles', () => {
  expect(can(anonymous, { action: 'org:view' })).toBe(true);
});

test('a member of an unverified organization may view organization profiles', () => {
  expect(can(actor({ kind: 'ip_agency', role: 'member', verified: false }), { action: 'org:view' })).toBe(true);
});

// ── org:review ──────────────────────────────────────────────────────────────

test('an operator reviews organizations, whatever its role in the operator organization', () => {
  expect(can(operator, { action: 'org:review' })).toBe(true);
  expect(can(actor({ kind: 'operator', role: 'owner' }), { action: 'org:review' })).toBe(true);
});

test('the owner of a verified institute does not review organizations', () => {
  expect(can(actor({ kind: 'engineering_institute', role: 'owner' }), { action: 'org:review' })).toBe(false);
});

test('the owner of an IP agency does not review organizations', () => {
  expect(can(actor({ kind: 'ip_agency', role: 'owner' }), { action: 'org:review' })).toBe(false);
});

test('an anonymous visitor does not review organizations', () => {
  expect(can(anonymous, { action: 'org:review' })).toBe(false);
});

// ── org:view_verification_reason ────────────────────────────────────────────

test('any member of an organization may read why its verification was rejected', () => {
  const member = actor({ kind: 'company', role: 'member', verified: false });
  expect(can(member, { action: 'org:view_verification_reason', organizationId: OWN_ORG })).toBe(true);
});

test("an operator may read any organization's rejection reason", () => {
  expect(can(operator, { action: 'org:view_verification_reason', organizationId: OTHER_ORG })).toBe(true);
});

test("another organization or an anonymous visitor may not read an organization's rejection reason", () => {
  const outsider = actor({ kind: 'company', role: 'owner' });
  expect(can(outsider, { action: 'org:view_verification_reason', organizationId: OTHER_ORG })).toBe(false);
  expect(can(anonymous, { action: 'org:view_verification_reason', organizationId: OWN_ORG })).toBe(false);
});

// ── org:invite ──────────────────────────────────────────────────────────────

test('the owner of an organization may invite into it', () => {
  expect(can(actor({ kind: 'hospital', role: 'owner' }), { action: 'org:invite', organizationId: OWN_ORG })).toBe(true);
});

test('an admin of an organization may invite into it', () => {
  expect(can(actor({ kind: 'company', role: 'admin' }), { action: 'org:invite', organizationId: OWN_ORG })).toBe(true);
});

test('a member (role member) may not invite, even into their own organization', () => {
  expect(can(actor({ kind: 'company', role: 'member' }), { action: 'org:invite', organizationId: OWN_ORG })).toBe(
    false,
  );
});

test('the owner of an unverified organization may invite into it', () => {
  const owner = actor({ kind: 'investor', role: 'owner', verified: false });
  expect(can(owner, { action: 'org:invite', organizationId: OWN_ORG })).toBe(true);
});

test('an admin of another organization may not invite', () => {
  expect(can(actor({ kind: 'company', role: 'admin' }), { action: 'org:invite', organizationId: OTHER_ORG })).toBe(
    false,
  );
});

test('the owner of another organization may not invite', () => {
  expect(can(actor({ kind: 'hospital', role: 'owner' }), { action: 'org:invite', organizationId: OTHER_ORG })).toBe(
    false,
  );
});

test('an operator may not invite into another organization', () => {
  const operatorOwner = actor({ kind: 'operator', role: 'owner' });
  expect(can(operatorOwner, { action: 'org:invite', organizationId: OTHER_ORG })).toBe(false);
});

test('an anonymous visitor may not invite', () => {
  expect(can(anonymous, { action: 'org:invite', organizationId: OWN_ORG })).toBe(false);
});

// ── org:manage_profile ──────────────────────────────────────────────────────

test('the owner or an admin of an organization may edit its profile', () => {
  expect(
    can(actor({ kind: 'hospital', role: 'owner' }), { action: 'org:manage_profile', organizationId: OWN_ORG }),
  ).toBe(true);
  expect(
    can(actor({ kind: 'company', role: 'admin' }), { action: 'org:manage_profile', organizationId: OWN_ORG }),
  ).toBe(true);
});

test("a member (role member) may not edit the organization's profile", () => {
  expect(
    can(actor({ kind: 'company', role: 'member' }), { action: 'org:manage_profile', organizationId: OWN_ORG }),
  ).toBe(false);
});

test("the owner of another organization, an operator or an anonymous visitor may not edit an organization's profile", () => {
  expect(can(actor({ kind: 'hospital' }), { action: 'org:manage_profile', organizationId: OTHER_ORG })).toBe(false);
  const operatorOwner = actor({ kind: 'operator', role: 'owner' });
  expect(can(operatorOwner, { action: 'org:manage_profile', organizationId: OTHER_ORG })).toBe(false);
  expect(can(anonymous, { action: 'org:manage_profile', organizationId: OWN_ORG })).toBe(false);
});

// ── outbox:read ─────────────────────────────────────────────────────────────

test('an operator reads the mail outbox', () => {
  expect(can(operator, { action: 'outbox:read' })).toBe(true);
});

test('the owner of a verified company does not read the mail outbox', () => {
  expect(can(actor({ kind: 'company', role: 'owner' }), { action: 'outbox:read' })).toBe(false);
});

test('an anonymous visitor does not read the mail outbox', () => {
  expect(can(anonymous, { action: 'outbox:read' })).toBe(false);
});

// ── account:manage ──────────────────────────────────────────────────────────

test('a member of an unverified organization may manage their own account', () => {
  expect(can(actor({ kind: 'hospital', role: 'member', verified: false }), { action: 'account:manage' })).toBe(true);
});

test('a member of a verified investor may manage their own account', () => {
  expect(can(actor({ kind: 'investor', role: 'member' }), { action: 'account:manage' })).toBe(true);
});

test('an anonymous visitor has no account to manage', () => {
  expect(can(anonymous, { action: 'account:manage' })).toBe(false);
});

// ── token:create ────────────────────────────────────────────────────────────

test('a member signed in with a browser session may create an API token', () => {
  expect(can(actor({ kind: 'company', role: 'member' }), { action: 'token:create', credential: 'session' })).toBe(true);
});

test('a member of an unverified organization signed in with a session may create an API token', () => {
  const member = actor({ kind: 'hospital', role: 'member', verified: false });
  expect(can(member, { action: 'token:create', credential: 'session' })).toBe(true);
});

test('a request authenticated by an API token may not create another token', () => {
  expect(can(actor({ kind: 'company', role: 'owner' }), { action: 'token:create', credential: 'token' })).toBe(false);
  expect(can(operator, { action: 'token:create', credential: 'token' })).toBe(false);
});

test('an anonymous visitor may not create an API token', () => {
  expect(can(anonymous, { action: 'token:create', credential: 'session' })).toBe(false);
});
