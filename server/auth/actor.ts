import mongoose from 'mongoose';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import type { Actor } from './permissions.ts';
import { User, type UserDoc } from './model.ts';

export interface AuthenticatedUser {
  user: UserDoc;
  organization: OrganizationDoc | null;
  actor: Actor;
}

/**
 * The user with their organization and the Actor that permissions judge. A user
 * acts for their first membership: sign-up creates exactly one.
 */
export async function loadAuthenticatedUser(userId: string): Promise<AuthenticatedUser | null> {
  if (!mongoose.isValidObjectId(userId)) return null;
  const user = await User.findById(userId).lean<UserDoc>();
  if (!user) return null;
  const membership = user.memberships[0];
  const organization = membership ? await Organization.findById(membership.organization).lean<OrganizationDoc>() : null;
  const actor: Actor =
    membership && organization
      ? {
          userId: String(user._id),
          organizationId: String(organization._id),
          organizationKind: organization.kind,
          organizationVerified: organization.verified,
          role: membership.role,
        }
      : null;
  return { user, organization, actor };
}
