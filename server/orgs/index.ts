export { Organization, type OrganizationDoc } from './model.ts';
export { toOrganizationSummary, type OrganizationSummary } from './dto.ts';
