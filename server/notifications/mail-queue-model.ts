import mongoose, { Schema } from 'mongoose';
import { LOCALES, type Locale } from '../vocabulary.ts';

// Notification mails waiting to be sent (mail-queue.ts): one document per
// notification and recipient, written with the notification and removed once
// sent or given up, so the collection stays small enough for the job to scan.

const queuedMailSchema = new Schema(
  {
    /** `<notification id>:<user id>`: one mail per notification per recipient. */
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    to: { type: String, required: true },
    locale: { type: String, enum: LOCALES, required: true },
    type: { type: String, required: true },
    params: { type: Schema.Types.Mixed, required: true, default: () => ({}) },
    link: { type: String, required: true },
    /** Attempts begun. Every claim raises it, so it is also the claim's guard. */
    attempts: { type: Number, required: true, default: 0 },
    /**
     * Not before: the enqueueing, a failed attempt's backoff, or the end of a
     * running attempt's lease (past it, the attempt is taken for dead).
     */
    due: { type: Date, required: true },
    /** Why the last attempt failed, for an operator reading the collection. */
    lastError: { type: String, default: null },
  },
  { versionKey: false, minimize: false, timestamps: { createdAt: true, updatedAt: false } },
);

// The job's pass: the mails that are due.
queuedMailSchema.index({ due: 1 });

export interface QueuedMailDoc {
  _id: string;
  userId: string;
  to: string;
  locale: Locale;
  type: string;
  params: Record<string, string>;
  link: string;
  attempts: number;
  due: Date;
  lastError: string | null;
  createdAt: Date;
}

export const QueuedMail = mongoose.model('QueuedMail', queuedMailSchema, 'notification_mails');
