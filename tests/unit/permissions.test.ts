import { can, type Action, type Actor, type Permission } from '../../server/auth/permissions.ts';
import {
  LISTING_STATUSES,
  MEMBER_ROLES,
  ORGANIZATION_KINDS,
  PUBLIC_LISTING_STATUSES,
  type MemberRole,
  type OrganizationKind,
} from '../../server/vocabulary.ts';

// The permission table: every role × organization kind × verification × action
// that exists, checked against the rules written out plainly here.

const OWN_ORG = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const OTHER_ORG = 'bbbbbbbbbbbbbbbbbbbbbbbb';

const actorOf = (kind: OrganizationKind, role: MemberRole, verified: boolean): NonNullable<Actor> => ({
  userId: 'cccccccccccccccccccccccc',
  organizationId: OWN_ORG,
  organizationKind: kind,
  organizationVerified: verified,
  role,
});

const LISTERS: OrganizationKind[] = ['basic_institute', 'engineering_institute', 'hospital', 'company'];
const BUYERS: OrganizationKind[] = ['company', 'investor'];

/** The rule for each action that takes no resource, as the product describes it. */
const expected: Record<
  Exclude<Action, 'listing:view' | 'listing:view_confidential' | 'org:invite'>,
  (a: NonNullable<Actor>) => boolean
> = {
  'listing:view_unpublished': (a) => a.organizationKind === 'operator',
  'org:review': (a) => a.organizationKind === 'operator',
  'outbox:read': (a) => a.organizationKind === 'operator',
  'listing:follow': () => true,
  'account:manage': () => true,
  'listing:publish': (a) => a.organizationVerified && LISTERS.includes(a.organizationKind),
  'offer:make': (a) => a.organizationVerified && BUYERS.includes(a.organizationKind),
  'bid:place': (a) => a.organizationVerified && BUYERS.includes(a.organizationKind),
  'org:view': () => true,
};

const cases = ORGANIZATION_KINDS.flatMap((kind) =>
  MEMBER_ROLES.flatMap((role) => [true, false].map((verified) => [kind, role, verified] as const)),
);

describe.each(cases)('a %s %s (verified: %s)', (kind, role, verified) => {
  const actor = actorOf(kind, role, verified);

  test.each(Object.keys(expected) as (keyof typeof expected)[])('%s', (action) => {
    expect(can(actor, { action } as Permission)).toBe(expected[action](actor));
  });

  test('org:invite only into their own organization, as owner or admin', () => {
    expect(can(actor, { action: 'org:invite', organizationId: OWN_ORG })).toBe(role !== 'member');
    expect(can(actor, { action: 'org:invite', organizationId: OTHER_ORG })).toBe(false);
  });

  test.each(LISTING_STATUSES)('listing:view and listing:view_confidential of a %s listing', (status) => {
    const own = { status, organizationId: OWN_ORG };
    const other = { status, organizationId: OTHER_ORG };
    const operator = kind === 'operator';
    expect(can(actor, { action: 'listing:view', listing: own })).toBe(true);
    expect(can(actor, { action: 'listing:view', listing: other })).toBe(
      PUBLIC_LISTING_STATUSES.includes(status) || operator,
    );
    expect(can(actor, { action: 'listing:view_confidential', listing: own })).toBe(true);
    expect(can(actor, { action: 'listing:view_confidential', listing: other })).toBe(operator);
  });
});

test('an anonymous visitor sees public listings and organizations, and nothing else', () => {
  for (const action of Object.keys(expected) as (keyof typeof expected)[]) {
    expect(can(null, { action } as Permission)).toBe(action === 'org:view');
  }
  for (const status of LISTING_STATUSES) {
    const listing = { status, organizationId: OTHER_ORG };
    expect(can(null, { action: 'listing:view', listing })).toBe(PUBLIC_LISTING_STATUSES.includes(status));
    expect(can(null, { action: 'listing:view_confidential', listing })).toBe(false);
  }
  expect(can(null, { action: 'org:invite', organizationId: OTHER_ORG })).toBe(false);
});
