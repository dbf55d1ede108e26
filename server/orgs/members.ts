import mongoose, { Schema } from 'mongoose';
import { User } from '../auth/model.ts';

// Who belongs to an organization, by `_id`: one small document per organization
// (`_id` = its id) listing its members' user ids. Memberships themselves live on
// the users (`memberships.organization`), and finding them there filters the
// users collection, which FerretDB 1.24 does by decoding every user (1.16 s at
// 10,000 users). Roles are not copied: nothing that asks "who are the members"
// needs them, and the user's document stays their only record.
//
// Every write that gives a user a membership stores the user first, then adds
// them here: a crash in between leaves a member missing from the list (the
// reconciliation job adds them), never a stranger in it. A code path that ends
// a membership must go the other way: remove here first, then from the user.

interface MemberListDoc {
  _id: string;
  members: string[];
}

const memberListSchema = new Schema(
  {
    /** The organization's id. */
    _id: { type: String, required: true },
    /** Its members' user ids. */
    members: { type: [String], default: [] },
  },
  { versionKey: false },
);

export const OrganizationMembers = mongoose.model<MemberListDoc>(
  'OrganizationMembers',
  memberListSchema,
  'organization_members',
);

const isObjectId = (id: string) => /^[a-f0-9]{24}$/i.test(id);

type Id = string | mongoose.Types.ObjectId;

/**
 * Lists a user among an organization's members. One `$addToSet` upsert by
 * `_id`: adding twice changes nothing, and concurrent additions all land
 * (atomic on MongoDB, and under the embedded database's write lock).
 */
export async function addOrganizationMember(organizationId: Id, userId: Id): Promise<void> {
  await OrganizationMembers.updateOne(
    { _id: String(organizationId) },
    { $addToSet: { members: String(userId) } },
    { upsert: true },
  );
}

/** The user ids of an organization's members: one `_id` read; none for a malformed or unknown id. */
export async function organizationMemberIds(organizationId: string): Promise<string[]> {
  if (!isObjectId(organizationId)) return [];
  const list = await OrganizationMembers.findById(organizationId.toLowerCase()).lean<MemberListDoc>();
  return list?.members ?? [];
}

/** Brings one user's place in one list in line with their document as it is now. */
async function recheck(organizationId: string, userId: string): Promise<'kept' | 'removed'> {
  const user = isObjectId(userId) ? await User.findById(userId, { memberships: 1 }).lean() : null;
  if (user?.memberships.some((m) => String(m.organization) === organizationId)) return 'kept';
  await OrganizationMembers.updateOne({ _id: organizationId }, { $pull: { members: userId } });
  return 'removed';
}

/**
 * Rebuilds the lists from the users (written before this module existed, or a
 * crash between a user's write and their list's): adds the members missing and
 * removes users listed who are no longer members. Scans the users collection,
 * so a background job, never a request; writes nothing when every list is
 * right. Safe to run twice at once: every write is idempotent.
 *
 * Additions come from the scan; a user listed but not a member in the scan is
 * read again by `_id` first, as they may have joined since.
 */
export async function reconcileOrganizationMembers(): Promise<{ added: number; removed: number }> {
  const wanted = new Map<string, Set<string>>();
  for await (const user of User.find({}, { memberships: 1 }).lean().cursor()) {
    for (const { organization } of user.memberships) {
      const organizationId = String(organization);
      if (!wanted.has(organizationId)) wanted.set(organizationId, new Set());
      wanted.get(organizationId)!.add(String(user._id));
    }
  }
  const lists = await OrganizationMembers.find().lean<MemberListDoc[]>();
  const listed = new Map(lists.map((list) => [list._id, new Set(list.members)]));
  let added = 0;
  let removed = 0;
  for (const [organizationId, members] of wanted) {
    const missing = [...members].filter((id) => !listed.get(organizationId)?.has(id));
    if (missing.length === 0) continue;
    await OrganizationMembers.updateOne(
      { _id: organizationId },
      { $addToSet: { members: { $each: missing } } },
      { upsert: true },
    );
    added += missing.length;
  }
  for (const list of lists) {
    for (const id of list.members.filter((listedId) => !wanted.get(list._id)?.has(listedId))) {
      if ((await recheck(list._id, id)) === 'removed') removed++;
    }
  }
  return { added, removed };
}
