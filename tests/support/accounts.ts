import { randomBytes } from 'node:crypto';
import { loadAuthenticatedUser, signup, User } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { Organization } from '../../server/orgs/index.ts';
import { OutboxMessage } from '../../server/notifications/index.ts';

const randomOctet = () => randomBytes(1)[0]!;

export const PASSWORD = 'Suzhou-catheter-2026!';

export const uniqueEmail = (label = 'user') => `${label}-${randomBytes(4).toString('hex')}@example.com`;

/** Signs a user up through the service, optionally verifying their new organization. */
export async function createAccount({
  kind = 'company',
  verified = false,
  email = uniqueEmail(kind),
}: { kind?: string; verified?: boolean; email?: string } = {}) {
  const { userId, sessionId } = await signup(
    {
      email,
      password: PASSWORD,
      name: 'Test User',
      locale: 'en',
      organization: { name: { en: `Org ${email}` }, kind, region: { country: 'CN' } },
    } as never,
    // Each account from its own address, as sign-ups are limited per address.
    { ip: `198.51.${randomOctet()}.${randomOctet()}`, locale: 'en' },
  );
  const organizationId = (await User.findById(userId).lean())!.memberships[0]!.organization;
  if (verified) {
    await Organization.updateOne(
      { _id: organizationId },
      { $set: { verified: true, 'verification.status': 'verified' } },
    );
  }
  return { userId, sessionId, email, organizationId: String(organizationId), cookie: `medip_session=${sessionId}` };
}

/** An account (a verified organization's unless told) with its actor, for calling services directly. */
export async function createMember({ kind = 'company', verified = true }: { kind?: string; verified?: boolean } = {}) {
  const account = await createAccount({ kind, verified });
  return { ...account, actor: (await loadAuthenticatedUser(account.userId))!.actor as NonNullable<Actor> };
}
export type Member = Awaited<ReturnType<typeof createMember>>;

/** The link of the newest mail to an address, by its path (e.g. /verify-email). */
export async function linkFromOutbox(to: string, path: string): Promise<string> {
  const mail = await OutboxMessage.findOne({ to }).sort({ createdAt: -1, _id: -1 }).lean();
  const match = new RegExp(`https?://[^\\s]+${path.replace('/', '\\/')}\\?[^\\s]+`).exec(mail?.text ?? '');
  if (!match) throw new Error(`no ${path} link in the mail to ${to}`);
  return match[0];
}
