import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { config } from '../config.ts';
import { claimOnce } from '../db/claims.ts';
import { isDuplicateKeyError } from '../db/insert-once.ts';
import { conflict, invalid, isDomainError, rateLimited, unauthorized } from '../errors.ts';
import { logger } from '../logger.ts';
import { mailTemplates, sendMail } from '../notifications/index.ts';
import {
  addOrganizationMember,
  Invitation,
  Organization,
  toOrganizationSummary,
  type OrganizationSummary,
} from '../orgs/index.ts';
import type { Locale } from '../vocabulary.ts';
import { loadAuthenticatedUser, type AuthenticatedUser } from './actor.ts';
import { lucia } from './lucia.ts';
import { AuthToken, normalizeEmail, Password, Session, User, type UserDoc } from './model.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import { can, type Actor } from './permissions.ts';
import {
  clearFailures,
  LOGIN_LIMITS,
  loginDelayMs,
  loginRules,
  rateLimitKeys,
  reserveAttempt,
  signupRules,
} from './rate-limit.ts';
import type { SignupInput } from './schemas.ts';
import { hashSecret, newSecret } from './tokens.ts';

export interface ClientContext {
  ip: string;
  locale: Locale;
}

const HOUR = 3_600_000;
const TOKEN_LIFETIME = { verify_email: 48 * HOUR, reset_password: HOUR } as const;

// Verifying against this when the e-mail is unknown makes both answers take as long.
const dummyHash = hashPassword('medip-timing-equaliser');

function assertPasswordPolicy(password: string, email: string) {
  const problem = passwordProblem(password, { email });
  if (problem) throw invalid({ password: [problem] });
}

async function createSession(userId: string): Promise<string> {
  return (await lucia().createSession(userId, {})).id;
}

/** Best effort: the account exists whether or not the mail leaves now; it can be re-sent. */
async function sendVerificationMail(user: Pick<UserDoc, '_id' | 'email' | 'name' | 'locale'>): Promise<void> {
  const url = `${config().PUBLIC_URL}/verify-email?token=${await issueToken(user._id, 'verify_email')}`;
  await sendMail({
    to: user.email,
    locale: user.locale,
    ...mailTemplates.verifyEmail(user.locale, { name: user.name, url }),
  });
}

async function issueToken(user: mongoose.Types.ObjectId, purpose: keyof typeof TOKEN_LIFETIME): Promise<string> {
  // A new link replaces the ones sent before.
  await AuthToken.deleteMany({ user, purpose, usedAt: null });
  const { token, hash } = newSecret();
  await AuthToken.insertMany([
    { purpose, tokenHash: hash, user, expiresAt: new Date(Date.now() + TOKEN_LIFETIME[purpose]) },
  ]);
  return token;
}

/** Redeems a token once: of concurrent redemptions of one link exactly one succeeds. */
async function redeemToken(token: string, purpose: keyof typeof TOKEN_LIFETIME) {
  const tokenHash = hashSecret(token);
  const now = new Date();
  const found = await AuthToken.findOne({ tokenHash, purpose, usedAt: null, expiresAt: { $gt: now } }).lean();
  if (!found || !(await claimOnce(`auth-token:${tokenHash}`))) throw invalid({ token: ['validation.tokenInvalid'] });
  await AuthToken.updateOne({ _id: found._id }, { $set: { usedAt: now } });
  return found;
}

async function findUsableInvitation(token: string, email: string) {
  const invitation = await Invitation.findOne({
    tokenHash: hashSecret(token),
    acceptedAt: null,
    expiresAt: { $gt: new Date() },
  }).lean();
  if (!invitation || (invitation.email && invitation.email !== email)) {
    throw invalid({ 'organization.invitation': ['validation.invitationInvalid'] });
  }
  return invitation;
}

/**
 * Signs up (createAccount), limited per client address and hour (SIGNUP_LIMITS):
 * accounts created, and "already registered" answers, which would otherwise let
 * anyone test addresses for accounts as fast as they can send. Both are counted
 * before the work, as log-ins are, so parallel sign-ups cannot all slip past the
 * check; each attempt then keeps counting only under the key it turned out to be.
 */
export async function signup(
  input: SignupInput,
  client: ClientContext,
): Promise<{ userId: string; sessionId: string }> {
  const rules = signupRules(client.ip);
  const attempt = await reserveAttempt([rules.created, rules.taken]);
  if (attempt.limited) throw rateLimited(attempt.retryAfterSeconds);
  try {
    const created = await createAccount(input, client);
    await attempt.release([rules.taken.key]);
    return created;
  } catch (error) {
    const taken = isDomainError(error) && error.code === 'conflict';
    await attempt.release(taken ? [rules.created.key] : undefined);
    throw error;
  }
}

/**
 * Creates the user and either their new organization (as owner) or their
 * membership through an invitation, then signs them in. The user insert comes
 * first: its unique e-mail index decides between concurrent sign-ups, and every
 * later step is undone if it fails, so nothing is left half-written.
 */
async function createAccount(
  input: SignupInput,
  client: ClientContext,
): Promise<{ userId: string; sessionId: string }> {
  const emailNormalized = normalizeEmail(input.email);
  assertPasswordPolicy(input.password, emailNormalized);
  const invitation =
    'invitation' in input.organization
      ? await findUsableInvitation(input.organization.invitation, emailNormalized)
      : null;
  const organizationId = invitation?.organization ?? new mongoose.Types.ObjectId();
  const hash = await hashPassword(input.password);

  const userId = new mongoose.Types.ObjectId();
  const locale = input.locale ?? client.locale;
  try {
    await User.insertMany([
      {
        _id: userId,
        email: input.email.trim(),
        emailNormalized,
        name: input.name,
        locale,
        memberships: [{ organization: organizationId, role: invitation?.role ?? 'owner' }],
      },
    ]);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict('errors.emailTaken', { email: ['validation.emailTaken'] });
    throw error;
  }

  let createdOrganization = false;
  try {
    await Password.insertMany([{ user: userId, hash }]);
    if (invitation) {
      if (!(await claimOnce(`invitation:${String(invitation._id)}`))) {
        throw invalid({ 'organization.invitation': ['validation.invitationInvalid'] });
      }
      await Invitation.updateOne({ _id: invitation._id }, { $set: { acceptedAt: new Date(), acceptedBy: userId } });
    } else if (!('invitation' in input.organization)) {
      const org = input.organization;
      await Organization.insertMany([
        {
          _id: organizationId,
          slug: `org-${String(organizationId)}`,
          kind: org.kind,
          name: org.name,
          region: org.region,
          verified: false,
          verification: { status: 'pending' },
        },
      ]);
      createdOrganization = true;
    }
  } catch (error) {
    await Promise.all([
      User.deleteOne({ _id: userId }),
      Password.deleteOne({ user: userId }),
      createdOrganization ? Organization.deleteOne({ _id: organizationId }) : undefined,
    ]);
    throw error;
  }
  // Only now that the membership stands: a failure here leaves the member off
  // the list (the reconciliation job adds them), while the account is whole.
  await addOrganizationMember(organizationId, userId).catch((err: unknown) =>
    logger.error({ err, userId: String(userId) }, 'organization member list not updated'),
  );

  await sendVerificationMail({ _id: userId, email: input.email.trim(), name: input.name, locale }).catch((err) =>
    logger.error({ err }, 'verification mail failed'),
  );
  logger.info({ userId: String(userId), invited: Boolean(invitation) }, 'user signed up');
  return { userId: String(userId), sessionId: await createSession(String(userId)) };
}

/**
 * Signs in; the answer never tells whether the e-mail is registered. Failures
 * count over 15 minutes (LOGIN_LIMITS, after OWASP's Authentication Cheat Sheet)
 * so that no one can lock someone else out:
 * - 5 for one account from one address limit that pair only (429, Retry-After);
 * - 100 from one address across accounts (a spray) limit the address;
 * - against one account from every address they are never refused, only slowed:
 *   from the 10th, the password is checked after a delay growing from 250 ms to
 *   at most 3 s. So an attacker who knows the e-mail can make the owner wait
 *   3 s, never lock them out: from their own address, with their password, they
 *   get in. The delay holds back a guesser who waits for answers; parallel
 *   guessing is bounded by the pair and address limits and the password policy,
 *   and is logged.
 * An attempt is counted before it is checked; a success takes itself back and
 * forgives its pair its failures.
 */
export async function login(
  input: { email: string; password: string },
  client: ClientContext,
): Promise<{ userId: string; sessionId: string }> {
  const emailNormalized = normalizeEmail(input.email);
  const rules = loginRules(emailNormalized, client.ip);
  const attempt = await reserveAttempt([rules.pair, rules.address, rules.account]);
  if (attempt.limited) throw rateLimited(attempt.retryAfterSeconds);

  const accountFailures = attempt.counts[rules.account.key] ?? 0;
  if (accountFailures === LOGIN_LIMITS.slowAfter) {
    logger.warn({ email: emailNormalized, failures: accountFailures }, 'log-in failures against one account: slowing');
  }
  const delay = loginDelayMs(accountFailures);
  if (delay) await sleep(delay);

  const user = await User.findOne({ emailNormalized }, { _id: 1 }).lean();
  const stored = user ? await Password.findOne({ user: user._id }).lean() : null;
  const ok = await verifyPassword(stored?.hash ?? (await dummyHash), input.password);
  if (!user || !stored || !ok) throw unauthorized('errors.invalidCredentials');
  // A success costs nothing anywhere and forgives its pair the failures before it.
  await attempt.release();
  await clearFailures([rules.pair.key]);
  return { userId: String(user._id), sessionId: await createSession(String(user._id)) };
}

export async function logout(sessionId: string): Promise<void> {
  await lucia().invalidateSession(sessionId);
}

/** Ends every session of the actor but the one making the request; returns how many. */
export async function logoutOtherSessions(actor: Actor, currentSessionId: string): Promise<number> {
  if (!actor || !can(actor, { action: 'account:manage' })) throw unauthorized();
  const { deletedCount } = await Session.deleteMany({ user: actor.userId, _id: { $ne: currentSessionId } });
  return deletedCount;
}

export async function resendVerificationMail(actor: Actor): Promise<void> {
  if (!actor || !can(actor, { action: 'account:manage' })) throw unauthorized();
  const user = await User.findById(actor.userId).lean();
  if (!user || user.emailVerifiedAt) return;
  await sendVerificationMail(user);
}

export async function verifyEmail(token: string): Promise<void> {
  const redeemed = await redeemToken(token, 'verify_email');
  await User.updateOne({ _id: redeemed.user, emailVerifiedAt: null }, { $set: { emailVerifiedAt: new Date() } });
}

/**
 * Mails a reset link when the address is registered; the caller's answer is the
 * same either way, and as fast: it comes before the address is even looked up.
 * Limited per client (5 a minute, answered 429) and per account (5 mails a
 * minute, silently): strangers asking for someone's address only hold back
 * further mails, never the owner's own request, and the mails already sent
 * carry working links.
 */
export async function requestPasswordReset(email: string, client: ClientContext): Promise<void> {
  const emailNormalized = normalizeEmail(email);
  // Every request counts: there is no failure to tell apart from a success here.
  const byClient = await reserveAttempt(rateLimitKeys({ scope: 'password_reset', ip: client.ip }));
  if (byClient.limited) throw rateLimited(byClient.retryAfterSeconds);
  const byAccount = await reserveAttempt(rateLimitKeys({ scope: 'password_reset', email: emailNormalized }));
  if (byAccount.limited) return;
  // Answer now: looking the address up, issuing the token and writing the mail
  // take measurably longer for a registered address, which would tell it apart.
  void mailPasswordResetLink(emailNormalized).catch((err: unknown) =>
    logger.error({ err }, 'password-reset mail failed'),
  );
}

async function mailPasswordResetLink(emailNormalized: string): Promise<void> {
  const user = await User.findOne({ emailNormalized }).lean();
  if (!user) return;
  const url = `${config().PUBLIC_URL}/reset-password?token=${await issueToken(user._id, 'reset_password')}`;
  await sendMail({ to: user.email, locale: user.locale, ...mailTemplates.passwordReset(user.locale, { url }) });
}

/** Sets a new password from a reset link, ends every session, and signs in afresh. */
export async function resetPassword(token: string, password: string): Promise<{ userId: string; sessionId: string }> {
  const pending = await AuthToken.findOne({ tokenHash: hashSecret(token), purpose: 'reset_password' }).lean();
  const user = pending ? await User.findById(pending.user).lean() : null;
  if (user) assertPasswordPolicy(password, user.emailNormalized);
  const hash = await hashPassword(password);
  const redeemed = await redeemToken(token, 'reset_password');
  const userId = String(redeemed.user);
  await Password.updateOne({ user: redeemed.user }, { $set: { hash } });
  // Following the link proved the mailbox is theirs.
  await User.updateOne({ _id: redeemed.user, emailVerifiedAt: null }, { $set: { emailVerifiedAt: new Date() } });
  await lucia().invalidateUserSessions(userId);
  return { userId, sessionId: await createSession(userId) };
}

export interface AccountDto {
  user: { id: string; email: string; name: string; locale: Locale; emailVerified: boolean };
  organization: (OrganizationSummary & { verification: { status: string; reason: string | null } }) | null;
  role: string | null;
}

/** GET /api/v1/me and the account page: the actor's own account. */
export async function getAccount(actor: Actor): Promise<AccountDto> {
  if (!actor || !can(actor, { action: 'account:manage' })) throw unauthorized();
  const loaded = await loadAuthenticatedUser(actor.userId);
  if (!loaded) throw unauthorized();
  return toAccountDto(loaded);
}

/** The account a session belongs to: what log-in and sign-up answer with the new session. */
export async function getSessionAccount(sessionId: string): Promise<AccountDto> {
  const { user } = await lucia().validateSession(sessionId);
  const loaded = user ? await loadAuthenticatedUser(user.id) : null;
  if (!loaded) throw unauthorized();
  return toAccountDto(loaded);
}

function toAccountDto({ user, organization }: AuthenticatedUser): AccountDto {
  return {
    user: {
      id: String(user._id),
      email: user.email,
      name: user.name,
      locale: user.locale,
      emailVerified: Boolean(user.emailVerifiedAt),
    },
    organization: organization
      ? {
          ...toOrganizationSummary(organization),
          verification: {
            status: organization.verification?.status ?? 'pending',
            reason: organization.verification?.reason ?? null,
          },
        }
      : null,
    role: user.memberships[0]?.role ?? null,
  };
}

export async function countSessions(actor: Actor): Promise<number> {
  if (!actor || !can(actor, { action: 'account:manage' })) throw unauthorized();
  return Session.countDocuments({ user: actor.userId, expiresAt: { $gt: new Date() } });
}

export async function purgeExpiredAuthRecords(now = new Date()): Promise<void> {
  await Promise.all([
    Session.deleteMany({ expiresAt: { $lte: now } }),
    AuthToken.deleteMany({ expiresAt: { $lte: now } }),
  ]);
}
