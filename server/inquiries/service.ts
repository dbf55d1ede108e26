import mongoose from 'mongoose';
import { User, type UserDoc } from '../auth/model.ts';
import { can, isOperator, type Actor } from '../auth/permissions.ts';
import { reserveAttempt, type RateLimitRule } from '../auth/rate-limit.ts';
import { recordFunnelEvent } from '../dashboard/index.ts';
import { versionedWrite } from '../db/versioned-write.ts';
import { conflict, fieldErrorsOf, forbidden, invalid, notFound, rateLimited, unauthorized } from '../errors.ts';
import { getListing, type ListingDto } from '../listings/index.ts';
import { logger } from '../logger.ts';
import { markRead } from '../notifications/index.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import { tellOtherSide, threadPath } from './delivery.ts';
import {
  InquiryThread,
  MAX_MESSAGES_PER_THREAD,
  type InquiryThreadDoc,
  type StoredMessage,
  type ThreadSide,
} from './model.ts';
import { inquiryMessageInput, THREAD_ID } from './schemas.ts';
import { indexThread, otherSide } from './thread-index.ts';

const HOUR = 60 * 60_000;

/**
 * Per user and hour: 10 questions (asking about ten listings in an hour is a
 * busy buyer; more is a mailing), and 60 messages of any kind.
 */
export const INQUIRY_LIMITS = { windowMs: HOUR, questions: 10, messages: 60 } as const;

const limits = (userId: string) => ({
  question: { key: `inquiry:question:${userId}`, limit: INQUIRY_LIMITS.questions, windowMs: HOUR },
  message: { key: `inquiry:message:${userId}`, limit: INQUIRY_LIMITS.messages, windowMs: HOUR },
});

/** The body, validated: a field error and nothing written when it is not a message. */
function parseBody(input: unknown): string {
  const parsed = inquiryMessageInput.safeParse(input);
  if (parsed.success) return parsed.data.body;
  throw invalid(fieldErrorsOf(parsed.error.issues, 'body'));
}

async function loadUser(userId: string): Promise<UserDoc> {
  const user = await User.findById(userId).lean<UserDoc>();
  if (!user) throw unauthorized();
  return user;
}

const resourceOf = (thread: Pick<InquiryThreadDoc, 'asker' | 'owner'>) => ({
  askerOrganizationId: thread.asker.organization,
  ownerOrganizationId: thread.owner.organization,
});

/** The thread if the actor's organization takes part in it; to anyone else it does not exist. */
async function findThread(actor: Actor, threadId: string): Promise<InquiryThreadDoc> {
  if (!actor) throw unauthorized();
  if (typeof threadId !== 'string' || !THREAD_ID.test(threadId)) throw notFound('thread');
  const thread = await InquiryThread.findById(threadId).lean<InquiryThreadDoc>();
  if (!thread || !can(actor, { action: 'inquiry:view', thread: resourceOf(thread) })) throw notFound('thread');
  return thread;
}

const sideOf = (actor: NonNullable<Actor>, thread: InquiryThreadDoc): ThreadSide =>
  thread.asker.organization === actor.organizationId ? 'asker' : 'owner';

const newMessage = (user: UserDoc, side: ThreadSide, body: string): StoredMessage => ({
  id: String(new mongoose.Types.ObjectId()),
  side,
  author: String(user._id),
  authorName: user.name,
  body,
  at: new Date(),
});

/** Reserves the sender's place under the limits, runs `send`, and gives the place back if it failed. */
async function withinLimits<T>(rules: RateLimitRule[], send: () => Promise<T>): Promise<T> {
  const attempt = await reserveAttempt(rules);
  if (attempt.limited) throw rateLimited(attempt.retryAfterSeconds);
  try {
    return await send();
  } catch (error) {
    await attempt.release();
    throw error;
  }
}

/**
 * Appends a message to an existing thread (guarded by the thread's version,
 * so parallel messages all land, in some order) and returns the thread after.
 */
async function append(threadId: string, message: StoredMessage): Promise<InquiryThreadDoc> {
  return versionedWrite<InquiryThreadDoc, InquiryThreadDoc>(InquiryThread, threadId, (thread) => {
    if (!thread) throw notFound('thread');
    if (thread.messages.length >= MAX_MESSAGES_PER_THREAD) throw conflict('errors.inquiryThreadFull');
    const count = thread.messages.length + 1;
    return {
      update: { $push: { messages: message }, $set: { [`readBy.${message.side}`]: count } },
      result: {
        ...thread,
        messages: [...thread.messages, message],
        readBy: { ...thread.readBy, [message.side]: count },
        version: thread.version + 1,
      },
    };
  });
}

/** After a message: both organizations' indexes, then the other side's members. */
async function afterMessage(thread: InquiryThreadDoc, message: StoredMessage, first: boolean): Promise<void> {
  await Promise.all([indexThread(thread, 'asker'), indexThread(thread, 'owner')]);
  await tellOtherSide(thread, message, first);
}

const displayName = (org: OrganizationDoc): Bilingual => ({
  ...(org.name.zh ? { zh: org.name.zh } : {}),
  ...(org.name.en ? { en: org.name.en } : {}),
});

/** Why the actor may not ask about this listing, as a message key (the rule itself is `inquiry:ask`). */
function refusal(actor: NonNullable<Actor>, listing: ListingDto, emailVerified: boolean): string {
  if (listing.organization?.id === actor.organizationId) return 'errors.inquiryOwnListing';
  if (isOperator(actor)) return 'errors.forbidden';
  if (!emailVerified) return 'errors.inquiryVerifyEmail';
  return 'errors.inquiryUnavailable';
}

/**
 * Asks the listing's owner a question. The asking organization and the
 * listing share one thread: the first question creates it (an insert under
 * `${listingId}:${askerOrganizationId}`, so parallel first questions make one
 * thread and each lands in it), later ones join it.
 */
export async function askQuestion(
  actor: Actor,
  listingId: string,
  input: { body?: unknown },
): Promise<{ threadId: string; created: boolean }> {
  if (!actor) throw unauthorized();
  const listing = await getListing(actor, listingId);
  const owner = listing.organization;
  if (!owner) throw notFound('listing');
  const user = await loadUser(actor.userId);
  const emailVerified = Boolean(user.emailVerifiedAt);
  const resource = { status: listing.status, organizationId: owner.id };
  if (!can(actor, { action: 'inquiry:ask', listing: resource, emailVerified })) {
    throw forbidden(refusal(actor, listing, emailVerified));
  }
  const body = parseBody(input);
  const rules = limits(actor.userId);
  return withinLimits([rules.question, rules.message], async () => {
    const asker = await Organization.findById(actor.organizationId).lean<OrganizationDoc>();
    if (!asker) throw unauthorized();
    const threadId = `${listing.id}:${actor.organizationId}`;
    const message = newMessage(user, 'asker', body);
    const at = message.at;
    const { thread, created } = await versionedWrite<
      InquiryThreadDoc,
      { thread: InquiryThreadDoc | null; created: boolean }
    >(InquiryThread, threadId, (current) => {
      if (current) return { result: { thread: null, created: false } };
      const fresh: Omit<InquiryThreadDoc, '_id' | 'version'> = {
        listing: listing.id,
        listingTitle: listing.title,
        asker: { organization: actor.organizationId, name: displayName(asker) },
        owner: { organization: owner.id, name: { ...owner.name } },
        messages: [message],
        readBy: { asker: 1, owner: 0 },
        createdAt: at,
      };
      return { insert: fresh, result: { thread: { ...fresh, _id: threadId, version: 0 }, created: true } };
    });
    const stored = thread ?? (await append(threadId, message));
    if (created) {
      await recordFunnelEvent(listing.id, 'inquiries').catch((err) =>
        logger.error({ err, listingId: listing.id }, 'inquiry funnel event failed'),
      );
    }
    await afterMessage(stored, message, created);
    logger.info({ threadId, created, by: actor.userId }, 'inquiry asked');
    return { threadId, created };
  });
}

/** A message in a thread from either organization's members. */
export async function replyInThread(
  actor: Actor,
  threadId: string,
  input: { body?: unknown },
): Promise<{ threadId: string; messageId: string }> {
  const thread = await findThread(actor, threadId);
  const member = actor!;
  if (!can(member, { action: 'inquiry:reply', thread: resourceOf(thread) })) throw notFound('thread');
  const body = parseBody(input);
  const user = await loadUser(member.userId);
  return withinLimits([limits(member.userId).message], async () => {
    const message = newMessage(user, sideOf(member, thread), body);
    const stored = await append(thread._id, message);
    await afterMessage(stored, message, false);
    return { threadId: thread._id, messageId: message.id };
  });
}

export interface ThreadDto {
  id: string;
  listing: { id: string; title: Bilingual };
  side: ThreadSide;
  asker: { id: string; name: Bilingual };
  owner: { id: string; name: Bilingual };
  messages: { id: string; side: ThreadSide; mine: boolean; authorName: string; body: string; at: string }[];
  awaitingReply: boolean;
  createdAt: string;
}

function toThreadDto(thread: InquiryThreadDoc, side: ThreadSide): ThreadDto {
  const party = (p: InquiryThreadDoc['asker']) => ({ id: p.organization, name: p.name });
  return {
    id: thread._id,
    listing: { id: thread.listing, title: thread.listingTitle },
    side,
    asker: party(thread.asker),
    owner: party(thread.owner),
    messages: thread.messages.map((m) => ({
      id: m.id,
      side: m.side,
      mine: m.side === side,
      authorName: m.authorName,
      body: m.body,
      at: m.at.toISOString(),
    })),
    awaitingReply: thread.messages.at(-1)?.side === otherSide(side),
    createdAt: thread.createdAt.toISOString(),
  };
}

/**
 * One thread, for its two organizations only. Opening it reads it: the
 * organization's unread count for it drops to 0, and the reader's
 * notifications that point at it are marked read.
 */
export async function getThread(actor: Actor, threadId: string): Promise<ThreadDto> {
  const thread = await findThread(actor, threadId);
  const member = actor!;
  const side = sideOf(member, thread);
  if (thread.readBy[side] < thread.messages.length) {
    const read = await versionedWrite<InquiryThreadDoc, InquiryThreadDoc | null>(InquiryThread, thread._id, (t) => {
      if (!t || t.readBy[side] >= t.messages.length) return { result: null };
      const count = t.messages.length;
      return {
        update: { $set: { [`readBy.${side}`]: count } },
        result: { ...t, readBy: { ...t.readBy, [side]: count }, version: t.version + 1 },
      };
    });
    if (read) await indexThread(read, side);
  }
  await markRead(member, { link: threadPath(thread._id) });
  return toThreadDto(thread, side);
}

export type AskState = 'sign_in' | 'own' | 'verify_email' | 'unavailable' | 'ask';

/**
 * What the listing page offers the viewer: a question form, a reason it does
 * not, and the viewer's organization's thread on this listing if there is one.
 * For display only; askQuestion decides again.
 */
export async function askStatus(
  actor: Actor,
  listing: Pick<ListingDto, 'id' | 'status' | 'organization'>,
): Promise<{ state: AskState; threadId: string | null }> {
  if (!actor) return { state: 'sign_in', threadId: null };
  const ownerId = listing.organization?.id ?? '';
  if (ownerId === actor.organizationId) return { state: 'own', threadId: null };
  const threadId = `${listing.id}:${actor.organizationId}`;
  const [user, thread] = await Promise.all([
    User.findById(actor.userId, { emailVerifiedAt: 1 }).lean(),
    THREAD_ID.test(threadId) ? InquiryThread.findById(threadId, { _id: 1 }).lean() : null,
  ]);
  const emailVerified = Boolean(user?.emailVerifiedAt);
  const allowed = can(actor, {
    action: 'inquiry:ask',
    listing: { status: listing.status, organizationId: ownerId },
    emailVerified,
  });
  const state: AskState = allowed ? 'ask' : !emailVerified && !isOperator(actor) ? 'verify_email' : 'unavailable';
  return { state, threadId: thread ? threadId : null };
}
