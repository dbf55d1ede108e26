import type { Actor } from '../auth/permissions.ts';
import { versionedWrite } from '../db/versioned-write.ts';
import { unauthorized } from '../errors.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import {
  InquiryThreadIndex,
  type InquiryThreadDoc,
  type ThreadIndexDoc,
  type ThreadIndexEntry,
  type ThreadSide,
} from './model.ts';

// Each organization's list of its threads, as asker and as listing owner: one
// document per organization, rewritten from the thread after every change to
// it. The threads collection is never filtered.

const PREVIEW_LENGTH = 140;

export const otherSide = (side: ThreadSide): ThreadSide => (side === 'asker' ? 'owner' : 'asker');

/** What one side's index shows of a thread, as it now stands. */
function entryFor(thread: InquiryThreadDoc, side: ThreadSide): ThreadIndexEntry {
  const last = thread.messages.at(-1)!;
  return {
    threadId: thread._id,
    listingId: thread.listing,
    listingTitle: thread.listingTitle,
    side,
    otherOrganization: thread[otherSide(side)],
    lastAt: last.at,
    lastSide: last.side,
    preview: last.body.replace(/\s+/g, ' ').slice(0, PREVIEW_LENGTH),
    unread: thread.messages.slice(thread.readBy[side]).filter((m) => m.side !== side).length,
    threadVersion: thread.version,
  };
}

/**
 * Writes the thread, as it stands at its `version`, into one side's index.
 * A thread version already there (or a newer one) is left alone, so writers
 * racing with snapshots of different ages end with the newest.
 */
export async function indexThread(thread: InquiryThreadDoc, side: ThreadSide): Promise<void> {
  const entry = entryFor(thread, side);
  const organizationId = thread[side].organization;
  await versionedWrite<ThreadIndexDoc, void>(InquiryThreadIndex, organizationId, (index) => {
    if (!index) return { insert: { threads: [entry] }, result: undefined };
    const current = index.threads.find((t) => t.threadId === entry.threadId);
    if (current && current.threadVersion >= entry.threadVersion) return { result: undefined };
    const threads = [entry, ...index.threads.filter((t) => t.threadId !== entry.threadId)].sort(
      (a, b) => b.lastAt.getTime() - a.lastAt.getTime(),
    );
    return { update: { $set: { threads } }, result: undefined };
  });
}

export interface ThreadSummary {
  id: string;
  listing: { id: string; title: Bilingual };
  side: ThreadSide;
  otherOrganization: { id: string; name: Bilingual };
  lastAt: string;
  /** The last message came from the other organization: this one owes an answer. */
  awaitingReply: boolean;
  preview: string;
  unread: number;
}

const toSummary = (e: ThreadIndexEntry): ThreadSummary => ({
  id: e.threadId,
  listing: { id: e.listingId, title: e.listingTitle },
  side: e.side,
  otherOrganization: { id: e.otherOrganization.organization, name: e.otherOrganization.name },
  lastAt: e.lastAt.toISOString(),
  awaitingReply: e.lastSide !== e.side,
  preview: e.preview,
  unread: e.unread,
});

/** The actor's organization's threads: those awaiting its reply first, then newest first. */
export async function listThreads(actor: Actor): Promise<ThreadSummary[]> {
  if (!actor) throw unauthorized();
  const index = await InquiryThreadIndex.findById(actor.organizationId).lean<ThreadIndexDoc>();
  // Keyed by the actor's own organization: every entry is a thread it takes part in.
  return (index?.threads ?? [])
    .map(toSummary)
    .sort((a, b) => Number(b.awaitingReply) - Number(a.awaitingReply) || b.lastAt.localeCompare(a.lastAt));
}

/** The threads whose last message came from the other organization (the dashboard's "to answer"). */
export async function threadsAwaitingReply(actor: Actor): Promise<ThreadSummary[]> {
  return (await listThreads(actor)).filter((t) => t.awaitingReply);
}
