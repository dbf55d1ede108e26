import { Schema } from 'mongoose';
import { z } from 'zod';

/** Text kept in both languages; at least one must be present. */
export interface Bilingual {
  zh?: string;
  en?: string;
}

export const bilingualSchema = new Schema<Bilingual>(
  { zh: { type: String, trim: true }, en: { type: String, trim: true } },
  { _id: false },
);

/** zod: `{ zh?, en? }` with at least one language filled, each up to `max` characters. */
export function bilingualInput(max: number, { required = true } = {}) {
  const text = z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
  const shape = z.object({ zh: text, en: text });
  return required
    ? shape.refine((v) => Boolean(v.zh || v.en), { message: 'validation.bilingualRequired', path: ['zh'] })
    : shape;
}
