import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { User } from '../auth/model.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import { config } from '../config.ts';
import { forbidden, notFound, unauthorized, conflict } from '../errors.ts';
import { logger } from '../logger.ts';
import { mailTemplates, organizationMembers, sendMail } from '../notifications/index.ts';
import { toOrganizationSummary, type OrganizationSummary } from './dto.ts';
import { Invitation, Organization, type OrganizationDoc } from './model.ts';
import { organizationChanged } from './changes.ts';

export interface OrganizationProfile extends OrganizationSummary {
  description: { zh?: string; en?: string };
  website: string | null;
  /** 统一社会信用代码, public like the organisation's business licence; null until recorded. */
  creditCode: string | null;
  verification: { status: string; reason: string | null; decidedAt: string | null };
  createdAt: string;
}

function toProfile(org: OrganizationDoc & { createdAt?: Date }, actor: Actor): OrganizationProfile {
  const insider = can(actor, { action: 'org:view_verification_reason', organizationId: String(org._id) });
  return {
    ...toOrganizationSummary(org),
    description: {
      ...(org.description?.zh ? { zh: org.description.zh } : {}),
      ...(org.description?.en ? { en: org.description.en } : {}),
    },
    website: org.website ?? null,
    creditCode: org.creditCode ?? null,
    verification: {
      status: org.verification?.status ?? 'pending',
      reason: insider ? (org.verification?.reason ?? null) : null,
      decidedAt: org.verification?.decidedAt ? org.verification.decidedAt.toISOString() : null,
    },
    createdAt: (org.createdAt ?? new Date(0)).toISOString(),
  };
}

async function findOrganization(id: string) {
  if (!/^[a-f0-9]{24}$/i.test(id)) throw notFound('organization');
  const org = await Organization.findById(id).lean<OrganizationDoc & { createdAt: Date }>();
  if (!org) throw notFound('organization');
  return org;
}

export async function getOrganization(actor: Actor, id: string): Promise<OrganizationProfile> {
  if (!can(actor, { action: 'org:view' })) throw forbidden();
  return toProfile(await findOrganization(id), actor);
}

/** The operator's queue (verified=false: pending and rejected, oldest first) or the directory. */
export async function listOrganizations(
  actor: Actor,
  { verified, page = 1, pageSize = 50 }: { verified?: boolean; page?: number; pageSize?: number },
) {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'org:review' })) throw forbidden();
  const filter = {
    kind: { $ne: 'operator' as const },
    ...(verified === undefined ? {} : { verified }),
  };
  const [total, orgs] = await Promise.all([
    Organization.countDocuments(filter),
    Organization.find(filter)
      .sort({ createdAt: verified === false ? 1 : -1, _id: 1 })
      .skip((page - 1) * pageSize)
      .limit(pageSize)
      .lean<(OrganizationDoc & { createdAt: Date })[]>(),
  ]);
  return { items: orgs.map((o) => toProfile(o, actor)), total, page, pageSize };
}

async function notifyMembers(
  organizationId: mongoose.Types.ObjectId,
  compose: (locale: 'zh-CN' | 'en') => { subject: string; text: string },
) {
  const members = await organizationMembers(String(organizationId));
  await Promise.all(
    members.map((m) =>
      sendMail({ to: m.email, locale: m.locale, ...compose(m.locale) }).catch((err) =>
        logger.error({ err, userId: m.userId }, 'member notification failed'),
      ),
    ),
  );
}

const displayName = (org: OrganizationDoc, locale: 'zh-CN' | 'en') =>
  (locale === 'zh-CN' ? org.name.zh || org.name.en : org.name.en || org.name.zh) ?? '';

/** Verifies an organization; its members are told. Verifying twice changes nothing. */
export async function verifyOrganization(actor: Actor, id: string): Promise<OrganizationProfile> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'org:review' })) throw forbidden();
  const org = await findOrganization(id);
  const updated = await Organization.findOneAndUpdate(
    { _id: org._id, verified: false },
    {
      $set: {
        verified: true,
        verification: { status: 'verified', reason: null, decidedAt: new Date(), decidedBy: actor.userId },
      },
    },
    { returnDocument: 'after' },
  ).lean<OrganizationDoc & { createdAt: Date }>();
  if (!updated) return toProfile(await findOrganization(id), actor);
  const url = `${config().PUBLIC_URL}/orgs/${id}`;
  await notifyMembers(updated._id, (locale) =>
    mailTemplates.organizationVerified(locale, { organizationName: displayName(updated, locale), url }),
  );
  await organizationChanged(id);
  logger.info({ organizationId: id, by: actor.userId }, 'organization verified');
  return toProfile(updated, actor);
}

/**
 * Rejects (or withdraws the verification of) an organization with a reason; its
 * members are told. Guarded by the state it leaves, so of concurrent rejections
 * one decides and mails; rejecting a rejected organization changes nothing.
 */
export async function rejectOrganization(actor: Actor, id: string, reason: string): Promise<OrganizationProfile> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'org:review' })) throw forbidden();
  const org = await findOrganization(id);
  if (org.kind === 'operator') throw conflict('errors.cannotRejectOperator');
  const updated = await Organization.findOneAndUpdate(
    { _id: org._id, 'verification.status': { $ne: 'rejected' } },
    {
      $set: {
        verified: false,
        verification: { status: 'rejected', reason, decidedAt: new Date(), decidedBy: actor.userId },
      },
    },
    { returnDocument: 'after' },
  ).lean<OrganizationDoc & { createdAt: Date }>();
  if (!updated) return toProfile(await findOrganization(id), actor);
  const url = `${config().PUBLIC_URL}/account`;
  await notifyMembers(org._id, (locale) =>
    mailTemplates.organizationRejected(locale, { organizationName: displayName(org, locale), reason, url }),
  );
  await organizationChanged(id);
  logger.info({ organizationId: id, by: actor.userId }, 'organization rejected');
  return toProfile(updated, actor);
}

/** The owner or an admin records (or, with null, clears) their organisation's unified social credit code. */
export async function setCreditCode(actor: Actor, input: { creditCode: string | null }): Promise<OrganizationProfile> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'org:manage_profile', organizationId: actor.organizationId })) throw forbidden();
  // One field by `_id`, whole: of two concurrent edits the later simply stands.
  const updated = await Organization.findOneAndUpdate(
    { _id: actor.organizationId },
    { $set: { creditCode: input.creditCode } },
    { returnDocument: 'after' },
  ).lean<OrganizationDoc & { createdAt: Date }>();
  if (!updated) throw notFound('organization');
  logger.info({ organizationId: actor.organizationId, by: actor.userId }, 'organization credit code set');
  return toProfile(updated, actor);
}

const INVITATION_LIFETIME_MS = 14 * 24 * 3_600_000;

/** An invitation link to join the actor's organization; mailed when an address is given. */
export async function createInvitation(
  actor: Actor,
  input: { email?: string; role: 'admin' | 'member' },
): Promise<{ url: string; expiresAt: string }> {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'org:invite', organizationId: actor.organizationId })) throw forbidden();
  const { token, hash } = newSecret();
  const email = input.email?.trim().toLowerCase() ?? null;
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  await Invitation.insertMany([
    {
      organization: actor.organizationId,
      role: input.role,
      email,
      tokenHash: hash,
      createdBy: actor.userId,
      expiresAt,
    },
  ]);
  const url = `${config().PUBLIC_URL}/signup?invitation=${token}`;
  if (email) {
    const [org, inviter] = await Promise.all([
      Organization.findById(actor.organizationId).lean<OrganizationDoc>(),
      User.findById(actor.userId).lean(),
    ]);
    const locale = inviter?.locale ?? 'zh-CN';
    await sendMail({
      to: email,
      locale,
      ...mailTemplates.invitation(locale, {
        organizationName: org ? displayName(org, locale) : '',
        inviterName: inviter?.name ?? '',
        url,
        role: input.role,
      }),
    });
  }
  return { url, expiresAt: expiresAt.toISOString() };
}

/** What the sign-up page shows about an invitation link, or null when it is not usable. */
export async function describeInvitation(
  token: string,
): Promise<{ organization: OrganizationSummary; role: string; email: string | null } | null> {
  const invitation = await Invitation.findOne({
    tokenHash: hashSecret(token),
    acceptedAt: null,
    expiresAt: { $gt: new Date() },
  }).lean();
  if (!invitation) return null;
  const org = await Organization.findById(invitation.organization).lean<OrganizationDoc>();
  return org
    ? { organization: toOrganizationSummary(org), role: invitation.role, email: invitation.email ?? null }
    : null;
}

/** Every verified member organization's id and last change, for /sitemap.xml (a small collection). */
export async function sitemapOrganizations(actor: Actor): Promise<{ id: string; updatedAt: string }[]> {
  if (!can(actor, { action: 'org:view' })) throw forbidden();
  const orgs = await Organization.find({ verified: true, kind: { $ne: 'operator' } })
    .sort({ updatedAt: -1 })
    .lean<(OrganizationDoc & { updatedAt: Date })[]>();
  return orgs.map((o) => ({ id: String(o._id), updatedAt: o.updatedAt.toISOString() }));
}
