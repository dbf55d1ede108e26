export { can, isOperator, type Actor, type Action, type Credential, type Permission } from './permissions.ts';
export { loadAuthenticatedUser, type AuthenticatedUser } from './actor.ts';
export {
  countSessions,
  getAccount,
  getSessionAccount,
  login,
  logout,
  logoutOtherSessions,
  purgeExpiredAuthRecords,
  requestPasswordReset,
  resendVerificationMail,
  resetPassword,
  signup,
  verifyEmail,
  type AccountDto,
  type ClientContext,
} from './service.ts';
export { createApiToken, listApiTokens, revokeApiToken, userIdForApiToken, type ApiTokenDto } from './api-tokens.ts';
export { lucia } from './lucia.ts';
export { authenticateRequest, blankSessionCookie, sessionCookie, type RequestAuth } from './request-auth.ts';
export * from './schemas.ts';
export { bootstrapOperator, ensureOperatorOrganization } from './bootstrap.ts';
export { ApiToken, normalizeEmail, Password, Session, User } from './model.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { passwordProblem } from './password-policy.ts';
