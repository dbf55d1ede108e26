import mongoose from 'mongoose';
import { User } from '../auth/model.ts';
import { can, type Actor } from '../auth/permissions.ts';
import { versionedWrite } from '../db/versioned-write.ts';
import { forbidden, unauthorized } from '../errors.ts';
// The module itself, not orgs/index.ts: the organizations' services import this module's index.
import { organizationMemberIds } from '../orgs/members.ts';
import type { Locale } from '../vocabulary.ts';
import { BOX_SIZE, NotificationBox, type NotificationBoxDoc, type StoredNotification } from './inbox-model.ts';
import { MAILED_TYPES, queueMail, type MailRecipient } from './mail-queue.ts';

// The in-app inbox: any module tells users about something with notifyUsers or
// notifyOrganization; the header's bell and /notifications read it back.
//
// A notification stores no sentence, only its `type` and `params`: each reader
// sees it in their own language, rendered from the locale key
// `notifications.types.<type>` with the params interpolated. A param that exists
// in both languages is given twice, suffixed `_zh` and `_en`
// (`listingTitle_zh`, `listingTitle_en`); app/utils/notification-text.ts
// picks the reader's language (the other one when theirs is empty) under the
// bare name (`{{listingTitle}}`). A new type needs its sentence in both locale
// files under `notifications.types`; the types listed in MAILED_TYPES
// (mail-queue.ts) reach members with a confirmed address by mail as well, in
// the same words.

export interface NotificationInput {
  /** `area.event`, lower case: `inquiry.new`, `listing.status`, `listing.nda`… */
  type: string;
  params: Record<string, string>;
  /** A same-site path, e.g. `/inquiries/…`. */
  link: string;
}

export interface NotificationDto {
  id: string;
  type: string;
  params: Record<string, string>;
  link: string;
  at: string;
  read: boolean;
}

const TYPE = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
/** Plain identifiers: no `.` or `$` (portable Mongo rule), nothing reaching a prototype. */
const PARAM_KEY = /^[A-Za-z][A-Za-z0-9]*(_zh|_en)?$/;
const MAX_PARAMS = 20;
const MAX_PARAM_LENGTH = 300;
const MAX_LINK_LENGTH = 500;

/** Callers are modules, not users: a malformed notification is a programming error. */
function checked(n: NotificationInput): NotificationInput {
  if (!TYPE.test(n.type)) throw new Error(`notification type ${JSON.stringify(n.type)} is not area.event`);
  // A path on this site: one leading slash, never `//host` or `/\host`.
  if (!/^\/(?![/\\])/.test(n.link) || n.link.length > MAX_LINK_LENGTH) {
    throw new Error(`notification link ${JSON.stringify(n.link)} is not a same-site path`);
  }
  const entries = Object.entries(n.params);
  if (entries.length > MAX_PARAMS || entries.some(([k, v]) => !PARAM_KEY.test(k) || typeof v !== 'string')) {
    throw new Error('notification params must be a few string values under plain names');
  }
  // Titles and names come from users: bounded here so a box stays small.
  const params = Object.fromEntries(
    entries.map(([k, v]) => [k, v.replace(/\s+/g, ' ').trim().slice(0, MAX_PARAM_LENGTH)]),
  );
  return { type: n.type, link: n.link, params };
}

const isObjectId = (id: string) => /^[a-f0-9]{24}$/i.test(id);

/** Puts `item` on top of one user's box (the first notification creates the box). */
async function deliver(userId: string, item: StoredNotification): Promise<void> {
  await versionedWrite<NotificationBoxDoc, void>(NotificationBox, userId, (box) => {
    if (!box) return { insert: { items: [item], unread: 1 }, result: undefined };
    const items = [item, ...box.items].slice(0, BOX_SIZE);
    return { update: { $set: { items, unread: items.filter((i) => !i.read).length } }, result: undefined };
  });
}

interface Recipient {
  userId: string;
  /** Given when the user has a confirmed address: mailed types then go by mail too. */
  mailTo?: MailRecipient;
}

/** Each recipient's notification in their box and, for a mailed type, its mail in the queue. */
async function deliverAll(recipients: Recipient[], n: NotificationInput): Promise<void> {
  const { type, params, link } = checked(n);
  const mailed = MAILED_TYPES.has(type);
  const at = new Date();
  const once = [...new Map(recipients.filter((r) => isObjectId(r.userId)).map((r) => [r.userId, r])).values()];
  await Promise.all(
    once.map(async ({ userId, mailTo }) => {
      const id = String(new mongoose.Types.ObjectId());
      await Promise.all([
        deliver(userId, { id, type, params, link, at, read: false }),
        mailed && mailTo ? queueMail(id, mailTo, { type, params, link }) : undefined,
      ]);
    }),
  );
}

export interface OrganizationMember {
  userId: string;
  email: string;
  locale: Locale;
  emailVerified: boolean;
}

/** These users by `_id`, in parallel (an `_id: { $in }` filter is not pushed down to SQLite by FerretDB 1.24: it decodes every user). */
async function usersById(userIds: string[]): Promise<OrganizationMember[]> {
  const users = await Promise.all(
    userIds
      .filter(isObjectId)
      .map((id) => User.findById(id, { _id: 1, email: 1, locale: 1, emailVerifiedAt: 1 }).lean()),
  );
  return users
    .filter((u) => u !== null)
    .map((u) => ({
      userId: String(u._id),
      email: u.email,
      locale: u.locale,
      emailVerified: Boolean(u.emailVerifiedAt),
    }));
}

const asRecipient = (m: OrganizationMember): Recipient => ({
  userId: m.userId,
  mailTo: m.emailVerified ? { userId: m.userId, email: m.email, locale: m.locale } : undefined,
});

/**
 * Tells these users (each once, in their own box) about something; returns
 * when every box has it and, for a type in MAILED_TYPES, every mail to a
 * confirmed address is queued.
 */
export async function notifyUsers(userIds: string[], n: NotificationInput): Promise<void> {
  checked(n); // a malformed notification fails before any read
  if (!MAILED_TYPES.has(n.type))
    return deliverAll(
      userIds.map((userId) => ({ userId })),
      n,
    );
  await deliverAll((await usersById([...new Set(userIds)])).map(asRecipient), n);
}

/** An organization's members: its member list (one `_id` read), then each member's user by `_id`. */
export async function organizationMembers(organizationId: string): Promise<OrganizationMember[]> {
  return usersById(await organizationMemberIds(organizationId));
}

/** Tells every member of an organization, but `except` (usually the one who acted); mails as notifyUsers does. */
export async function notifyOrganization(
  organizationId: string,
  n: NotificationInput,
  { except }: { except?: string } = {},
): Promise<void> {
  const members = await organizationMembers(organizationId);
  await deliverAll(members.filter((m) => m.userId !== except).map(asRecipient), n);
}

function reader(actor: Actor): string {
  if (!actor) throw unauthorized();
  if (!can(actor, { action: 'notification:read' })) throw forbidden();
  return actor.userId;
}

const toDto = (n: StoredNotification): NotificationDto => ({
  id: n.id,
  type: n.type,
  params: { ...n.params },
  link: n.link,
  at: n.at.toISOString(),
  read: n.read,
});

/** The actor's newest notifications (at most BOX_SIZE), newest first. */
export async function listNotifications(actor: Actor): Promise<NotificationDto[]> {
  const box = await NotificationBox.findById(reader(actor)).lean<NotificationBoxDoc>();
  return (box?.items ?? []).map(toDto);
}

/** The header's bell: one `_id` read of one field. */
export async function unreadCount(actor: Actor): Promise<number> {
  const box = await NotificationBox.findById(reader(actor), { unread: 1 }).lean<{ unread: number }>();
  return box?.unread ?? 0;
}

/**
 * Marks some of the actor's notifications (by id), those that link to `link`
 * (opening a thread reads what pointed at it), or all of them as read; returns
 * the unread count after. Unknown ids are ignored.
 */
export async function markRead(actor: Actor, which: string[] | 'all' | { link: string }): Promise<{ unread: number }> {
  const hit = (n: StoredNotification) =>
    which === 'all' ? true : Array.isArray(which) ? which.includes(n.id) : n.link === which.link;
  return versionedWrite<NotificationBoxDoc, { unread: number }>(NotificationBox, reader(actor), (box) => {
    if (!box || !box.items.some((n) => !n.read && hit(n))) return { result: { unread: box?.unread ?? 0 } };
    const items = box.items.map((n) => (!n.read && hit(n) ? { ...n, read: true } : n));
    const unread = items.filter((n) => !n.read).length;
    return { update: { $set: { items, unread } }, result: { unread } };
  });
}
