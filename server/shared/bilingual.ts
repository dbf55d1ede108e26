import { Schema } from 'mongoose';

/** Text kept in both languages; at least one must be present. */
export interface Bilingual {
  zh?: string;
  en?: string;
}

export const bilingualSchema = new Schema<Bilingual>(
  { zh: { type: String, trim: true }, en: { type: String, trim: true } },
  { _id: false },
);
