import { getListing } from '../../server/listings/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';

useTestDatabase();

let institute: Awaited<ReturnType<typeof createOrganization>>;
let published: Awaited<ReturnType<typeof createListing>>;
let draft: Awaited<ReturnType<typeof createListing>>;

beforeAll(async () => {
  institute = await createOrganization();
  published = await createListing(institute._id, { publishedAt: new Date('2026-01-02') });
  draft = await createListing(institute._id, { status: 'draft', publishedAt: null });
});

const memberOf = (organizationId: string, kind: 'basic_institute' | 'operator' | 'company'): Actor => ({
  userId: '000000000000000000000001',
  organizationId,
  organizationKind: kind,
  organizationVerified: true,
  role: 'member',
});

test('a listing shows its organization and patents with remaining life, but not to outsiders its confidential part', async () => {
  // Remaining life counts from today: the clock reads 2026-03-01 for this one call.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T00:00:00Z') });
  const dto = await getListing(null, String(published._id)).finally(() => vi.useRealTimers());
  expect(dto.organization).toMatchObject({ kind: 'basic_institute', verified: true, name: { en: 'Test Institute' } });
  // Filed 2024-03-01, a Chinese invention patent runs 20 years: to 2044-03-01, which is
  // 18 × 365 days + 5 leap days (2028, 2032, 2036, 2040, 2044) = 6575 days after 2026-03-01.
  expect(dto.patents[0]).toMatchObject({
    number: 'CN202410123456.0',
    expiryDate: '2044-03-01',
    remainingLifeDays: 6575,
  });
  expect(dto.confidential).toBeUndefined();
  expect(JSON.stringify(dto)).not.toContain('Unpublished animal-study data');

  const asOwner = await getListing(memberOf(String(institute._id), 'basic_institute'), String(published._id));
  expect(asOwner.confidential).toEqual({ details: 'Unpublished animal-study data.' });
});

test('a draft is "not found" to the public and visible to its owner and operators', async () => {
  await expect(getListing(null, String(draft._id))).rejects.toMatchObject({ code: 'not_found' });
  await expect(getListing(memberOf('0123456789abcdef01234567', 'company'), String(draft._id))).rejects.toMatchObject({
    code: 'not_found',
  });
  expect((await getListing(memberOf(String(institute._id), 'basic_institute'), String(draft._id))).status).toBe(
    'draft',
  );
  expect((await getListing(memberOf('0123456789abcdef01234567', 'operator'), String(draft._id))).status).toBe('draft');
});

test('malformed and unknown ids are "not found"', async () => {
  await expect(getListing(null, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  await expect(getListing(null, '0123456789abcdef01234567')).rejects.toMatchObject({ code: 'not_found' });
});

test('the auction reserve never leaves the server', async () => {
  const listing = await createListing(institute._id, {
    auction: {
      reserve: { amount: 90_000_000, currency: 'CNY' },
      startingPrice: { amount: 10_000_000, currency: 'CNY' },
      minimumIncrement: { amount: 500_000, currency: 'CNY' },
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  const dto = await getListing(null, String(listing._id));
  expect(dto.auction).toMatchObject({ hasReserve: true, startingPrice: { amount: 10_000_000 } });
  expect(JSON.stringify(dto)).not.toContain('90000000');
  await listing.deleteOne();
});

test('a published listing’s keywords are public, in the order the owner gave them', async () => {
  const listing = await createListing(institute._id, { keywords: ['IVUS', '血管内超声', 'OCT'] });
  expect((await getListing(null, String(listing._id))).keywords).toEqual(['IVUS', '血管内超声', 'OCT']);
  await listing.deleteOne();
});
