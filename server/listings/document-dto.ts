import type { Types } from 'mongoose';
import type { DocumentVisibility } from '../vocabulary.ts';

/** A document as a listing stores it (read lean). */
export interface StoredDocument {
  _id: Types.ObjectId;
  name: string;
  visibility: DocumentVisibility;
  file: Types.ObjectId;
  contentType: string;
  size: number;
}

/** A listing's document as pages and the API see it (never where it is stored). */
export interface DocumentDto {
  id: string;
  name: string;
  visibility: DocumentVisibility;
  contentType: string;
  size: number;
}

export const toDocumentDto = (d: StoredDocument): DocumentDto => ({
  id: String(d._id),
  name: d.name,
  visibility: d.visibility,
  contentType: d.contentType,
  size: d.size,
});
