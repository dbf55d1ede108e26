import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseConfig } from '../../server/config.ts';
import { isDomainError } from '../../server/errors.ts';
import {
  deleteStoredFile,
  readStoredFile,
  StoredFile,
  storageFromConfig,
  StoredObjectNotFound,
  storeUpload,
  useFileStorage,
  type FileStorage,
} from '../../server/files/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { STORAGES } from '../support/file-storages.ts';
import { minioAvailable, startMinio } from '../support/minio.ts';

// One contract, every storage present: the local disk always, S3 against a
// real MinIO server when it is built here (CI builds it; otherwise the S3 block
// is reported as skipped). Uploads go through storeUpload on each storage.

useTestDatabase();

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
// The start of a JFIF JPEG and of a lossy WebP: what their magic numbers are read from.
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffd9', 'hex');
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.from([0x18, 0, 0, 0]),
  Buffer.alloc(24, 1),
]);

async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return doc.save();
}

const ids = () => ({
  organizationId: new mongoose.Types.ObjectId().toHexString(),
  userId: new mongoose.Types.ObjectId().toHexString(),
});

for (const { name, create } of STORAGES) {
  describe.skipIf(!create)(`file storage contract: ${name}`, () => {
    let storage: FileStorage;
    let keys: () => Promise<string[]>;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ storage, keys, dispose } = await create!());
      useFileStorage(storage);
    });
    afterAll(() => dispose?.());

    /** The upload is refused with `message` on the file field, and leaves no record and no object. */
    async function expectRefused(upload: Promise<unknown>, message: string) {
      const error = await upload.then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDomainError(error) && error.fieldErrors).toEqual({ file: [message] });
      expect(await StoredFile.countDocuments()).toBe(0);
      expect(await keys()).toEqual([]);
    }

    test('binary bytes come back exactly as they were put', async () => {
      const bytes = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), ...randomBytes(4096)]);
      await storage.put('round-trip/one', bytes, 'application/octet-stream');
      expect(Buffer.from(await storage.get('round-trip/one')).equals(Buffer.from(bytes))).toBe(true);
      await storage.delete('round-trip/one');
    });

    test('a put under an existing key replaces the bytes', async () => {
      await storage.put('overwrite/one', new TextEncoder().encode('first'), 'text/plain');
      await storage.put('overwrite/one', new TextEncoder().encode('second, longer'), 'text/plain');
      expect(new TextDecoder().decode(await storage.get('overwrite/one'))).toBe('second, longer');
      await storage.delete('overwrite/one');
    });

    test('getting a key with nothing under it throws StoredObjectNotFound', async () => {
      await expect(storage.get('missing/nothing-here')).rejects.toBeInstanceOf(StoredObjectNotFound);
    });

    test('delete removes the object and tells whether it existed', async () => {
      await storage.put('delete/one', new Uint8Array([1, 2, 3]), 'application/octet-stream');
      expect(await storage.delete('delete/one')).toBe(true);
      await expect(storage.get('delete/one')).rejects.toBeInstanceOf(StoredObjectNotFound);
      expect(await storage.delete('delete/one')).toBe(false);
    });

    test('keys that could leave the storage root or hide are refused and write nothing', async () => {
      for (const key of ['../escape', 'a/../../escape', '/etc/escape', 'a//b', '.hidden', 'a/./b', '', 'a\\b']) {
        await expect(storage.put(key, new Uint8Array([1]), 'text/plain'), key).rejects.toThrow(/unsafe storage key/);
      }
      expect(await keys()).toEqual([]);
    });

    test('an upload over the size limit is refused before anything is stored', async () => {
      const large = new Uint8Array(21 * 1024 * 1024);
      large.set(new TextEncoder().encode('%PDF-1.7\n'));
      await expectRefused(storeUpload({ bytes: large, name: 'big.pdf', ...ids() }), 'validation.fileTooLarge');
    });

    test('an empty file is refused', async () => {
      await expectRefused(
        storeUpload({ bytes: new Uint8Array(0), name: 'empty.pdf', ...ids() }),
        'validation.fileEmpty',
      );
    });

    test('a text file named .pdf is refused: the type is read from the content', async () => {
      const text = new TextEncoder().encode('Just some notes, not a PDF at all.\n');
      await expectRefused(storeUpload({ bytes: text, name: 'notes.pdf', ...ids() }), 'validation.fileType');
    });

    test('a PDF that cannot be opened (damaged) is refused, so every stored PDF can be stamped', async () => {
      const damaged = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF');
      await expectRefused(
        storeUpload({ bytes: damaged, name: 'broken.pdf', ...ids() }),
        'validation.filePdfUnreadable',
      );
    });

    test('a PDF named .png is stored as a PDF, under a key of its organization, and read back whole', async () => {
      const pdf = await onePagePdf();
      const owner = ids();
      const file = await storeUpload({ bytes: pdf, name: 'scan.png', ...owner });
      expect(file).toMatchObject({
        contentType: 'application/pdf',
        size: pdf.length,
        originalName: 'scan.png',
        key: `${owner.organizationId}/${file._id.toHexString()}`,
      });
      expect(String(file.organization)).toBe(owner.organizationId);
      expect(String(file.uploadedBy)).toBe(owner.userId);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await keys()).toEqual([file.key]);

      const read = await readStoredFile(file._id.toHexString());
      expect(read!.file.contentType).toBe('application/pdf');
      expect(Buffer.from(read!.bytes).equals(Buffer.from(pdf))).toBe(true);
      await deleteStoredFile(file._id.toHexString());
    });

    test('PNG, JPEG and WebP images are accepted with the type their bytes show', async () => {
      const stored = [];
      for (const [bytes, fileName] of [
        [PNG, 'image.dat'],
        [JPEG, 'photo.png'],
        [WEBP, 'picture.jpg'],
      ] as const) {
        const file = await storeUpload({ bytes, name: fileName, ...ids() });
        stored.push(file.contentType);
        await deleteStoredFile(file._id.toHexString());
      }
      expect(stored).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    });

    test('deleting a stored file removes its record and its bytes', async () => {
      const file = await storeUpload({ bytes: PNG, name: 'logo.png', ...ids() });
      await deleteStoredFile(file._id.toHexString());
      expect(await StoredFile.findById(file._id)).toBeNull();
      expect(await keys()).toEqual([]);
      expect(await readStoredFile(file._id.toHexString())).toBeNull();
    });

    test('an unknown or malformed file id reads as no file and deletes as a no-op', async () => {
      for (const id of [new mongoose.Types.ObjectId().toHexString(), 'not-an-id', '../../etc/passwd', '']) {
        expect(await readStoredFile(id)).toBeNull();
        await expect(deleteStoredFile(id)).resolves.toBeUndefined();
      }
    });
  });
}

test('without S3_BUCKET uploads go to DATA_DIR/files on the local disk', () => {
  expect(storageFromConfig(parseConfig({ DATA_DIR: '/srv/medip' })).kind).toBe('local');
});

describe.skipIf(!minioAvailable())('S3 storage from the configuration', () => {
  test('S3_BUCKET with an S3_ENDPOINT and keys reaches an S3-compatible server (path-style by default)', async () => {
    const minio = await startMinio();
    try {
      const bucket = await minio.bucket();
      const storage = storageFromConfig(
        parseConfig({
          S3_BUCKET: bucket.name,
          S3_ENDPOINT: minio.endpoint,
          S3_ACCESS_KEY_ID: minio.credentials.accessKeyId,
          S3_SECRET_ACCESS_KEY: minio.credentials.secretAccessKey,
        }),
      );
      expect(storage.kind).toBe('s3');
      await storage.put('configured/one', new TextEncoder().encode('hello'), 'text/plain');
      expect(await bucket.keys()).toEqual(['configured/one']);
      expect(new TextDecoder().decode(await storage.get('configured/one'))).toBe('hello');
    } finally {
      await minio.stop();
    }
  });
});
