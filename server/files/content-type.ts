import { fileTypeFromBuffer } from 'file-type';

// What an upload is, read from its bytes (magic numbers), never from its name
// or the type the browser declared.

export const STORED_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type StoredContentType = (typeof STORED_CONTENT_TYPES)[number];

const isStored = (mime: string): mime is StoredContentType =>
  (STORED_CONTENT_TYPES as readonly string[]).includes(mime);

/** The content type read from the bytes, or null when not one we accept. */
export async function detectContentType(bytes: Uint8Array): Promise<StoredContentType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && isStored(detected.mime) ? detected.mime : null;
}
