// The routes' door to accounts, organizations and the outbox.
export {
  can,
  countSessions,
  createApiToken,
  getAccount,
  listApiTokens,
  loadAuthenticatedUser,
  login,
  logout,
  logoutOtherSessions,
  lucia,
  requestPasswordReset,
  resendVerificationMail,
  resetPassword,
  revokeApiToken,
  signup,
  userIdForApiToken,
  validateSession,
  verifyEmail,
  type AccountDto,
  type Actor,
  type ApiTokenDto,
} from '../../server/auth/index.ts';
export {
  createInvitation,
  describeInvitation,
  getOrganization,
  listOrganizations,
  rejectOrganization,
  verifyOrganization,
  type OrganizationProfile,
} from '../../server/orgs/index.ts';
export { listOutbox, outboxQuery } from '../../server/notifications/index.ts';
