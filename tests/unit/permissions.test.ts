import { can, type Actor } from '../../server/auth/permissions.ts';
import { LISTING_STATUSES, ORGANIZATION_KINDS, PUBLIC_LISTING_STATUSES } from '../../server/vocabulary.ts';

const OWNER_ORG = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const actorOf = (kind: (typeof ORGANIZATION_KINDS)[number], organizationId = 'bbbbbbbbbbbbbbbbbbbbbbbb'): Actor => ({
  userId: 'cccccccccccccccccccccccc',
  organizationId,
  organizationKind: kind,
  organizationVerified: true,
  role: 'member',
});

const actors: [string, Actor][] = [
  ['anonymous', null],
  ...ORGANIZATION_KINDS.map((k) => [`a ${k} member`, actorOf(k)] as [string, Actor]),
  ['the owning organization', actorOf('basic_institute', OWNER_ORG)],
];

describe.each(LISTING_STATUSES)('a %s listing', (status) => {
  const listing = { status, organizationId: OWNER_ORG };
  test.each(actors)('%s', (_name, actor) => {
    const owner = actor?.organizationId === OWNER_ORG;
    const operator = actor?.organizationKind === 'operator';
    expect(can(actor, { action: 'listing:view', listing })).toBe(
      PUBLIC_LISTING_STATUSES.includes(status) || owner || operator,
    );
    expect(can(actor, { action: 'listing:view_confidential', listing })).toBe(owner || operator);
  });
});
