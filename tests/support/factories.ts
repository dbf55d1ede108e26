import { randomBytes } from 'node:crypto';
import { Listing } from '../../server/listings/index.ts';
import { Organization } from '../../server/orgs/index.ts';

const unique = () => randomBytes(4).toString('hex');

export async function createOrganization(overrides: Record<string, unknown> = {}) {
  const [org] = await Organization.insertMany([
    {
      slug: `org-${unique()}`,
      kind: 'basic_institute',
      name: { zh: '测试研究所', en: 'Test Institute' },
      region: { country: 'CN', province: '江苏', city: '苏州' },
      verified: true,
      verification: { status: 'verified' },
      ...overrides,
    },
  ]);
  return org!;
}

export async function createListing(organizationId: unknown, overrides: Record<string, unknown> = {}) {
  const [listing] = await Listing.insertMany([
    {
      kind: 'patent',
      status: 'published',
      organization: organizationId,
      title: { zh: '旋转式血管内超声导管', en: 'Rotational intravascular ultrasound catheter' },
      summary: { zh: '高分辨率血管内成像。', en: 'High-resolution intravascular imaging.' },
      category: 'medical_acoustics',
      nmpaClass: 'III',
      trl: 5,
      stage: 'animal_study',
      patents: [
        {
          number: 'CN202410123456.0',
          jurisdiction: 'CN',
          type: 'invention',
          status: 'granted',
          filingDate: new Date('2024-03-01'),
          grantDate: new Date('2025-06-01'),
          ipc: ['A61B 8/12'],
        },
      ],
      dealTypes: ['assignment', 'exclusive_license'],
      askingPrice: { amount: 50_000_000, currency: 'CNY' },
      auction: null,
      confidential: { details: 'Unpublished animal-study data.' },
      publishedAt: new Date(),
      ...overrides,
    },
  ]);
  return listing!;
}
