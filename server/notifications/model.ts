import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { LOCALES } from '../vocabulary.ts';

// Mail that was not sent over SMTP (SMTP_URL unset): the embedded default.
// Operators read it at /operator/outbox. Bodies carry sign-in and reset links,
// so only operators may read this collection.
const outboxMessageSchema = new Schema(
  {
    to: { type: String, required: true, trim: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String },
    locale: { type: String, enum: LOCALES, required: true, default: 'zh-CN' },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

// The operator's outbox page: newest first, one page at a time (listOutbox).
// _id breaks ties between messages written in the same millisecond.
outboxMessageSchema.index({ createdAt: -1, _id: -1 });

export type OutboxMessageDoc = InferSchemaType<typeof outboxMessageSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
};

export const OutboxMessage = mongoose.model('OutboxMessage', outboxMessageSchema);
