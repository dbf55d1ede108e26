export { Organization, Invitation, type OrganizationDoc } from './model.ts';
export { toOrganizationSummary, type OrganizationSummary } from './dto.ts';
export { organizationCreditCodeInput, organizationListQuery } from './schemas.ts';
export {
  createInvitation,
  describeInvitation,
  getOrganization,
  listOrganizations,
  rejectOrganization,
  setCreditCode,
  sitemapOrganizations,
  verifyOrganization,
  type OrganizationProfile,
} from './service.ts';
export { memberCounts, refreshMemberCounts, type MemberCounts } from './member-counts.ts';
export { addOrganizationMember, organizationMemberIds, reconcileOrganizationMembers } from './members.ts';
export { onOrganizationChanged } from './changes.ts';
