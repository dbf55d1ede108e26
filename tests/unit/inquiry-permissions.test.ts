import { can, type Actor } from '../../server/auth/permissions.ts';
import type { ListingStatus, OrganizationKind } from '../../server/vocabulary.ts';

// The inquiry and notification rules of server/auth/permissions.ts, one test
// each, with the answer written out. The actor belongs to ASKER_ORG unless the
// test says otherwise; listings belong to OWNER_ORG.

const ASKER_ORG = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const OWNER_ORG = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const THIRD_ORG = 'eeeeeeeeeeeeeeeeeeeeeeee';
const anonymous: Actor = null;

const actor = ({
  kind = 'company',
  verified = true,
  organizationId = ASKER_ORG,
}: { kind?: OrganizationKind; verified?: boolean; organizationId?: string } = {}): Actor => ({
  userId: 'cccccccccccccccccccccccc',
  organizationId,
  organizationKind: kind,
  organizationVerified: verified,
  role: 'member',
});
const operator = actor({ kind: 'operator', organizationId: 'dddddddddddddddddddddddd' });
const listing = (status: ListingStatus = 'published') => ({ status, organizationId: OWNER_ORG });
const thread = { askerOrganizationId: ASKER_ORG, ownerOrganizationId: OWNER_ORG };

// ── inquiry:ask ─────────────────────────────────────────────────────────────

test('a member of another organization with a confirmed e-mail may ask about a published listing', () => {
  expect(can(actor(), { action: 'inquiry:ask', listing: listing(), emailVerified: true })).toBe(true);
});

test('a member of an unverified organization may ask', () => {
  expect(can(actor({ verified: false }), { action: 'inquiry:ask', listing: listing(), emailVerified: true })).toBe(
    true,
  );
});

test('an institute may ask another institute about its listing', () => {
  const institute = actor({ kind: 'basic_institute' });
  expect(can(institute, { action: 'inquiry:ask', listing: listing(), emailVerified: true })).toBe(true);
});

test('a listing under offer still takes questions', () => {
  expect(can(actor(), { action: 'inquiry:ask', listing: listing('under_offer'), emailVerified: true })).toBe(true);
});

test('a member whose e-mail address is unconfirmed may not ask', () => {
  expect(can(actor(), { action: 'inquiry:ask', listing: listing(), emailVerified: false })).toBe(false);
});

test('the owner’s members may not ask about their own listing', () => {
  const owner = actor({ kind: 'basic_institute', organizationId: OWNER_ORG });
  expect(can(owner, { action: 'inquiry:ask', listing: listing(), emailVerified: true })).toBe(false);
});

test('an operator may not ask: the alliance office reviews, it does not deal', () => {
  expect(can(operator, { action: 'inquiry:ask', listing: listing(), emailVerified: true })).toBe(false);
});

test('an anonymous visitor may not ask', () => {
  expect(can(anonymous, { action: 'inquiry:ask', listing: listing(), emailVerified: true })).toBe(false);
});

test('a closed, withdrawn, draft or submitted listing takes no questions', () => {
  for (const status of ['closed', 'withdrawn', 'draft', 'submitted'] as const) {
    expect(can(actor(), { action: 'inquiry:ask', listing: listing(status), emailVerified: true })).toBe(false);
  }
});

// ── inquiry:view and inquiry:reply ──────────────────────────────────────────

test('the asking organization’s members may read and reply to its thread', () => {
  expect(can(actor(), { action: 'inquiry:view', thread })).toBe(true);
  expect(can(actor(), { action: 'inquiry:reply', thread })).toBe(true);
});

test('the listing owner’s members may read and reply to the thread', () => {
  const owner = actor({ kind: 'basic_institute', organizationId: OWNER_ORG });
  expect(can(owner, { action: 'inquiry:view', thread })).toBe(true);
  expect(can(owner, { action: 'inquiry:reply', thread })).toBe(true);
});

test('a third organization may neither read nor reply to the thread', () => {
  const third = actor({ organizationId: THIRD_ORG });
  expect(can(third, { action: 'inquiry:view', thread })).toBe(false);
  expect(can(third, { action: 'inquiry:reply', thread })).toBe(false);
});

test('an operator may neither read nor reply to a thread: it is between the two organizations', () => {
  expect(can(operator, { action: 'inquiry:view', thread })).toBe(false);
  expect(can(operator, { action: 'inquiry:reply', thread })).toBe(false);
});

test('an anonymous visitor may not read a thread', () => {
  expect(can(anonymous, { action: 'inquiry:view', thread })).toBe(false);
});

// ── notification:read ───────────────────────────────────────────────────────

test('anyone signed in may read their own notifications', () => {
  expect(can(actor({ verified: false }), { action: 'notification:read' })).toBe(true);
});

test('an anonymous visitor has no notifications', () => {
  expect(can(anonymous, { action: 'notification:read' })).toBe(false);
});
