import type { Bilingual } from '../shared/bilingual.ts';
import type { OrganizationKind } from '../vocabulary.ts';
import type { OrganizationDoc } from './model.ts';

export interface OrganizationSummary {
  id: string;
  kind: OrganizationKind;
  name: Bilingual;
  verified: boolean;
  region: { country: string; province?: string; city?: string };
}

export function toOrganizationSummary(org: OrganizationDoc): OrganizationSummary {
  return {
    id: String(org._id),
    kind: org.kind,
    name: { zh: org.name.zh ?? undefined, en: org.name.en ?? undefined },
    verified: org.verified,
    region: {
      country: org.region.country,
      province: org.region.province ?? undefined,
      city: org.region.city ?? undefined,
    },
  };
}
