import { config } from '../config.ts';
import { logger } from '../logger.ts';
import type { Locale } from '../vocabulary.ts';
import { sendMail } from './mail.ts';
import { QueuedMail, type QueuedMailDoc } from './mail-queue-model.ts';
import { notificationMail } from './text.ts';

// Notifications that also go by e-mail: notifyUsers/notifyOrganization queue
// one mail per recipient with a confirmed address beside the in-app
// notification, and the `notification-mail` job sends them, off the request
// path and with retries when SMTP is down.
//
// Each attempt is claimed by a write guarded by the mail's attempt count, which
// the claim raises: of several instances (or runs) racing for one mail exactly
// one wins (atomic on MongoDB, and on the embedded database under its write
// lock, decision 003). The claim also moves `due` to the end of a lease: a run
// that dies mid-attempt leaves the mail to be claimed again once the lease is
// over, and that dead attempt counts, so a mail that crashes its sender is given
// up too. A send that succeeds but whose run dies before removing the mail is
// sent once more after the lease: at least once, as mail goes.

/** The notification types that are mailed as well as shown in the inbox. */
export const MAILED_TYPES: ReadonlySet<string> = new Set([
  'offer.received',
  'offer.countered',
  'offer.accepted',
  'offer.rejected',
  'offer.expired',
  'offer.withdrawn',
  'offer.ended',
  'auction.outbid',
  'auction.won',
  'auction.ended',
  'auction.sold',
  'auction.lost',
  'deal.paid',
  'deal.completed',
  'deal.cancelled',
  'deal.notice_ended',
  'payment.receipt',
  'payment.refund_receipt',
  'membership.invoice_issued',
]);

const MINUTE = 60_000;
/** Longer than nodemailer's slowest give-up (its 10-minute socket timeout), so a live attempt keeps its claim. */
export const LEASE_MS = 15 * MINUTE;
/** The wait after each failed attempt; the attempt after the last wait is the final one. */
const BACKOFF_MS = [1, 5, 30, 120].map((m) => m * MINUTE);
const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** Mails per run and sent at once: a run stays well inside the job's interval. */
const BATCH = 200;
const PARALLEL = 5;

export interface MailRecipient {
  userId: string;
  email: string;
  locale: Locale;
}

export interface MailToQueue {
  type: string;
  params: Record<string, string>;
  link: string;
}

/** Queues the mail for one recipient of notification `notificationId`. */
export async function queueMail(notificationId: string, to: MailRecipient, n: MailToQueue): Promise<void> {
  await QueuedMail.insertMany([
    {
      _id: `${notificationId}:${to.userId}`,
      userId: to.userId,
      to: to.email,
      locale: to.locale,
      type: n.type,
      params: n.params,
      link: n.link,
      attempts: 0,
      due: new Date(),
    },
  ]);
}

export interface MailRunResult {
  sent: number;
  /** Failed attempts that will be tried again. */
  failed: number;
  gaveUp: number;
}

type Outcome = keyof MailRunResult | 'taken';

/** `why`: the last attempt's error, or what became of it. */
function giveUp(mail: QueuedMailDoc, why: { err: unknown } | { reason: string }): void {
  logger.error(
    { ...why, mailId: mail._id, userId: mail.userId, type: mail.type, attempts: mail.attempts },
    'notification mail given up',
  );
}

/** One due mail: claim an attempt, send, then remove it or schedule the next attempt. */
async function attempt(mail: QueuedMailDoc, now: Date): Promise<Outcome> {
  if (mail.attempts >= MAX_ATTEMPTS) {
    // Its last attempt was claimed and never finished: the run died.
    const { deletedCount } = await QueuedMail.deleteOne({ _id: mail._id, attempts: mail.attempts });
    if (deletedCount !== 1) return 'taken';
    giveUp(mail, { reason: 'its last attempt did not finish' });
    return 'gaveUp';
  }
  const attempts = mail.attempts + 1;
  const claim = await QueuedMail.updateOne(
    { _id: mail._id, attempts: mail.attempts },
    { $set: { attempts, due: new Date(now.getTime() + LEASE_MS) } },
  );
  if (claim.matchedCount !== 1) return 'taken';
  try {
    await sendMail({
      to: mail.to,
      locale: mail.locale,
      ...notificationMail(mail.locale, mail, `${config().PUBLIC_URL}${mail.link}`),
    });
  } catch (err) {
    if (attempts >= MAX_ATTEMPTS) {
      await QueuedMail.deleteOne({ _id: mail._id, attempts });
      giveUp({ ...mail, attempts }, { err });
      return 'gaveUp';
    }
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    const due = new Date(now.getTime() + BACKOFF_MS[attempts - 1]!);
    await QueuedMail.updateOne({ _id: mail._id, attempts }, { $set: { due, lastError } });
    logger.warn({ err, mailId: mail._id, attempts, due }, 'notification mail failed; will retry');
    return 'failed';
  }
  await QueuedMail.deleteOne({ _id: mail._id });
  return 'sent';
}

/**
 * The `notification-mail` job: sends the queued mails that are due at `now`.
 * Safe to run on several instances at once (each attempt is claimed once).
 */
export async function sendQueuedMails(now = new Date()): Promise<MailRunResult> {
  const result: MailRunResult = { sent: 0, failed: 0, gaveUp: 0 };
  const due = await QueuedMail.find({ due: { $lte: now } })
    .sort({ due: 1 })
    .limit(BATCH)
    .lean<QueuedMailDoc[]>();
  for (let i = 0; i < due.length; i += PARALLEL) {
    const outcomes = await Promise.all(
      due.slice(i, i + PARALLEL).map((mail) =>
        attempt(mail, now).catch((err: unknown): Outcome => {
          logger.error({ err, mailId: mail._id }, 'notification mail attempt failed to record');
          return 'taken';
        }),
      ),
    );
    for (const outcome of outcomes) if (outcome !== 'taken') result[outcome]++;
  }
  return result;
}
