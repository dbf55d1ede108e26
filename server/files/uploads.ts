import { createHash } from 'node:crypto';
import path from 'node:path';
import mongoose from 'mongoose';
import { config, type Config } from '../config.ts';
import { invalid } from '../errors.ts';
import { logger } from '../logger.ts';
import { detectContentType } from './content-type.ts';
import { LocalFileStorage } from './local-storage.ts';
import { StoredFile, type StoredFileDoc } from './model.ts';
import { cut, oneLine } from './one-line.ts';
import { S3FileStorage } from './s3-storage.ts';
import type { FileStorage } from './storage.ts';
import { loadPdf } from './watermark.ts';

// Uploads: checked (size, type by content, PDFs readable so they can be
// stamped), then stored under a key made here, then recorded. A refused upload
// leaves nothing behind; a failure after the bytes are stored removes them.

let current: FileStorage | undefined;

/** The storage the configuration asks for: S3 when S3_BUCKET is set, else DATA_DIR/files. */
export function storageFromConfig(c: Config = config()): FileStorage {
  if (!c.S3_BUCKET) return new LocalFileStorage(path.join(c.DATA_DIR, 'files'));
  return new S3FileStorage({
    bucket: c.S3_BUCKET,
    region: c.S3_REGION,
    endpoint: c.S3_ENDPOINT,
    forcePathStyle: c.S3_FORCE_PATH_STYLE ?? c.S3_ENDPOINT !== undefined,
    credentials:
      c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY }
        : undefined,
  });
}

/** The process's file storage (from the configuration on first use). */
export function fileStorage(): FileStorage {
  current ??= storageFromConfig();
  return current;
}

/** Puts uploads in `storage` from now on (tests: a temporary directory or bucket). */
export function useFileStorage(storage: FileStorage): void {
  current = storage;
}

export function maxUploadBytes(): number {
  return Math.floor(config().MAX_UPLOAD_MB * 1024 * 1024);
}

const MAX_NAME_LENGTH = 200;

/** The uploader's file name without any path, control or text-direction characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = oneLine(name.split(/[/\\]/).at(-1) ?? '').replace(/^\.+/, '');
  return cut(base, MAX_NAME_LENGTH) || 'file';
}

/** Validates (size, content type by content) and stores one upload. Writes nothing on failure. */
export async function storeUpload(input: {
  bytes: Uint8Array;
  name: string;
  organizationId: string;
  userId: string;
}): Promise<StoredFileDoc> {
  const { bytes } = input;
  if (bytes.length === 0) throw invalid({ file: ['validation.fileEmpty'] });
  if (bytes.length > maxUploadBytes()) throw invalid({ file: ['validation.fileTooLarge'] });
  const contentType = await detectContentType(bytes);
  if (!contentType) throw invalid({ file: ['validation.fileType'] });
  // A confidential PDF is served stamped: refuse now one that could not be.
  if (contentType === 'application/pdf') await loadPdf(bytes);

  const _id = new mongoose.Types.ObjectId();
  const organization = new mongoose.Types.ObjectId(input.organizationId);
  const key = `${organization.toHexString()}/${_id.toHexString()}`;
  const storage = fileStorage();
  await storage.put(key, bytes, contentType);
  try {
    const created = await StoredFile.create({
      _id,
      key,
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      organization,
      uploadedBy: new mongoose.Types.ObjectId(input.userId),
      originalName: cleanFileName(input.name),
    });
    return created.toObject() as StoredFileDoc;
  } catch (error) {
    await storage
      .delete(key)
      .catch((cleanup: unknown) => logger.error({ err: cleanup, key }, 'stored upload left behind'));
    throw error;
  }
}

/** The file and its bytes, or null when there is no such file (a malformed id included). */
export async function readStoredFile(id: string): Promise<{ file: StoredFileDoc; bytes: Uint8Array } | null> {
  if (!mongoose.isObjectIdOrHexString(id)) return null;
  const file = await StoredFile.findById(id).lean<StoredFileDoc>();
  if (!file) return null;
  // A record without its bytes is lost data, not a missing file: that error stands.
  return { file, bytes: await fileStorage().get(file.key) };
}

/** Removes the record, then the bytes; a file already gone is no error. */
export async function deleteStoredFile(id: string): Promise<void> {
  if (!mongoose.isObjectIdOrHexString(id)) return;
  // The record goes first: no reader can then find a record whose bytes are gone.
  const file = await StoredFile.findByIdAndDelete(id).lean<StoredFileDoc>();
  if (file) await fileStorage().delete(file.key);
}
