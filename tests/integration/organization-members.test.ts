import mongoose from 'mongoose';
import {
  bootstrapOperator,
  ensureOperatorOrganization,
  loadAuthenticatedUser,
  signup,
  User,
} from '../../server/auth/index.ts';
import { organizationMembers } from '../../server/notifications/index.ts';
import { createInvitation, organizationMemberIds, reconcileOrganizationMembers } from '../../server/orgs/index.ts';
import { OrganizationMembers } from '../../server/orgs/members.ts';
import { DEMO_ACCOUNTS, seedDemo } from '../../seed/demo.ts';
import { createAccount, PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';

useTestDatabase();

let lastOctet = 0;
/** Each sign-up from its own address, as sign-ups are limited per address. */
const client = () => ({ ip: `203.0.113.${++lastOctet}`, locale: 'en' as const });

/** Signs a colleague up through an invitation from the owner's organization. */
async function acceptInvitation(ownerId: string, { email = uniqueEmail('colleague'), locale = 'en' } = {}) {
  const { actor } = (await loadAuthenticatedUser(ownerId))!;
  const { url } = await createInvitation(actor, { role: 'member' });
  const token = new URL(url).searchParams.get('invitation')!;
  const { userId } = await signup(
    { email, password: PASSWORD, name: 'Colleague', locale, organization: { invitation: token } } as never,
    client(),
  );
  return { userId, email };
}

const sorted = (ids: string[]) => [...ids].sort();

test('signing up with a new organization lists the owner as its only member', async () => {
  const owner = await createAccount();
  expect(await organizationMemberIds(owner.organizationId)).toEqual([owner.userId]);
});

test('an accepted invitation lists the new member beside the owner', async () => {
  const owner = await createAccount();
  const colleague = await acceptInvitation(owner.userId);
  expect(sorted(await organizationMemberIds(owner.organizationId))).toEqual(sorted([owner.userId, colleague.userId]));
});

test('invitations accepted at the same moment all land in the member list', async () => {
  const owner = await createAccount();
  const colleagues = await Promise.all(Array.from({ length: 8 }, () => acceptInvitation(owner.userId)));
  expect(sorted(await organizationMemberIds(owner.organizationId))).toEqual(
    sorted([owner.userId, ...colleagues.map((c) => c.userId)]),
  );
});

test('bootstrapping the operator lists them as a member of the operator organization', async () => {
  await bootstrapOperator('members-ops@example.com', 'operator-passphrase-1');
  const [operatorOrg, operator] = await Promise.all([
    ensureOperatorOrganization(),
    User.findOne({ emailNormalized: 'members-ops@example.com' }).lean(),
  ]);
  expect(await organizationMemberIds(String(operatorOrg._id))).toContain(String(operator!._id));
});

test('seeding lists every demo account as a member of its organization', async () => {
  await seedDemo({ listings: 0 });
  for (const account of DEMO_ACCOUNTS) {
    const user = await User.findOne({ emailNormalized: account.email }).lean();
    const organizationId = String(user!.memberships[0]!.organization);
    expect(await organizationMemberIds(organizationId)).toContain(String(user!._id));
  }
});

test('the reconciliation recreates a member list that is missing', async () => {
  const owner = await createAccount();
  const colleague = await acceptInvitation(owner.userId);
  await OrganizationMembers.deleteOne({ _id: owner.organizationId });
  expect(await organizationMemberIds(owner.organizationId)).toEqual([]);

  await reconcileOrganizationMembers();
  expect(sorted(await organizationMemberIds(owner.organizationId))).toEqual(sorted([owner.userId, colleague.userId]));
});

test('the reconciliation adds a member missing from a list', async () => {
  const owner = await createAccount();
  const colleague = await acceptInvitation(owner.userId);
  await OrganizationMembers.updateOne({ _id: owner.organizationId }, { $pull: { members: colleague.userId } });
  expect(await organizationMemberIds(owner.organizationId)).toEqual([owner.userId]);

  await reconcileOrganizationMembers();
  expect(sorted(await organizationMemberIds(owner.organizationId))).toEqual(sorted([owner.userId, colleague.userId]));
});

test('the reconciliation removes a listed user who is not a member', async () => {
  const owner = await createAccount();
  const outsider = await createAccount();
  const unknown = String(new mongoose.Types.ObjectId());
  await OrganizationMembers.updateOne(
    { _id: owner.organizationId },
    { $addToSet: { members: { $each: [outsider.userId, unknown] } } },
  );

  await reconcileOrganizationMembers();
  expect(await organizationMemberIds(owner.organizationId)).toEqual([owner.userId]);
});

test('the reconciliation writes nothing when every list is right', async () => {
  await createAccount();
  await reconcileOrganizationMembers(); // whatever earlier tests left
  expect(await reconcileOrganizationMembers()).toEqual({ added: 0, removed: 0 });
});

test("organizationMembers gives exactly the organization's members, with address, language and verification", async () => {
  const owner = await createAccount({ email: 'members-owner@example.com' });
  const colleague = await acceptInvitation(owner.userId, { email: 'members-colleague@example.com', locale: 'zh-CN' });
  await User.updateOne({ _id: colleague.userId }, { $set: { emailVerifiedAt: new Date() } });
  await createAccount({ email: 'members-elsewhere@example.com' });

  const members = await organizationMembers(owner.organizationId);
  expect([...members].sort((a, b) => a.email.localeCompare(b.email))).toEqual([
    { userId: colleague.userId, email: 'members-colleague@example.com', locale: 'zh-CN', emailVerified: true },
    { userId: owner.userId, email: 'members-owner@example.com', locale: 'en', emailVerified: false },
  ]);
});

test('a malformed or unknown organization id has no members', async () => {
  expect(await organizationMembers('not-an-id')).toEqual([]);
  expect(await organizationMembers(String(new mongoose.Types.ObjectId()))).toEqual([]);
});
