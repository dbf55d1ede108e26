// Where uploaded bytes live: a key → bytes store with two implementations,
// the local disk (default) and S3-compatible object storage. Keys are made by
// this module (uploads.ts), never from user input; both stores still refuse
// any key outside the safe shape, so a bug cannot reach another path.

export interface FileStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Throws StoredObjectNotFound when there is nothing under the key. */
  get(key: string): Promise<Uint8Array>;
  /** true if it existed */
  delete(key: string): Promise<boolean>;
  readonly kind: 'local' | 's3';
}

export class StoredObjectNotFound extends Error {
  override name = 'StoredObjectNotFound';
  constructor(readonly key: string) {
    super(`no stored object under key "${key}"`);
  }
}

// Slash-separated segments of letters, digits, "_", "-" and ".", none starting
// with "." and none empty: no absolute paths, no "..", no hidden files.
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function assertSafeKey(key: string): void {
  const segments = key.split('/');
  if (key.length > 512 || !segments.every((s) => SEGMENT.test(s))) {
    throw new Error(`unsafe storage key "${key}"`);
  }
}
