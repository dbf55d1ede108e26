import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SearchDocument } from '../document.ts';
import { logger } from '../../logger.ts';
import { TextIndex } from './text-index.ts';

// The embedded index on disk, so a restart answers search in seconds instead of
// re-reading every listing. One file, written to a temporary name and renamed
// (a crash leaves the old snapshot whole), with a SHA-256 of its contents: a
// damaged or foreign file is ignored and the index is rebuilt from the database.
//
// Layout: "MEDIPIX1", sha256 (32 bytes), then the v8-serialized body.

const MAGIC = Buffer.from('MEDIPIX1');
/** Bumped whenever the documents or the field bits change (2: keywords, a field before the summaries). */
const FORMAT = 2;

interface Body {
  format: number;
  docs: SearchDocument[];
  terms: string[];
  /** Posting lists concatenated; list i spans offsets[i] … offsets[i+1]. */
  offsets: Uint32Array;
  slots: Int32Array;
  masks: Uint16Array;
}

/** Writes the live documents and their postings, renumbering slots densely. */
export async function writeSnapshot(
  file: string,
  docs: readonly (SearchDocument | undefined)[],
  text: TextIndex,
  liveCount: number,
): Promise<void> {
  const renumber = new Int32Array(docs.length).fill(-1);
  const live: SearchDocument[] = [];
  docs.forEach((doc, slot) => {
    if (doc) renumber[slot] = live.push(doc) - 1;
  });
  if (live.length !== liveCount) throw new Error('snapshot: live document count changed while writing');

  const terms: string[] = [];
  const lists: [Int32Array, Uint16Array][] = [];
  let total = 0;
  for (const [term, postings] of text.entries()) {
    const slots = new Int32Array(postings.length);
    const masks = new Uint16Array(postings.length);
    let n = 0;
    for (let i = 0; i < postings.length; i++) {
      const slot = renumber[postings.slots[i]!]!;
      if (slot < 0) continue;
      slots[n] = slot;
      masks[n++] = postings.masks[i]!;
    }
    if (n === 0) continue;
    terms.push(term);
    lists.push([slots.subarray(0, n), masks.subarray(0, n)]);
    total += n;
  }
  const offsets = new Uint32Array(lists.length + 1);
  const slots = new Int32Array(total);
  const masks = new Uint16Array(total);
  lists.forEach(([s, m], i) => {
    slots.set(s, offsets[i]);
    masks.set(m, offsets[i]);
    offsets[i + 1] = offsets[i]! + s.length;
  });

  const body = serialize({ format: FORMAT, docs: live, terms, offsets, slots, masks } satisfies Body);
  const digest = createHash('sha256').update(body).digest();
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // Written in pieces: the body is hundreds of megabytes at 100,000 listings, not worth a second copy.
  const handle = await open(temporary, 'w');
  try {
    const { bytesWritten } = await handle.writev([MAGIC, digest, body]);
    if (bytesWritten !== MAGIC.length + digest.length + body.length) throw new Error('snapshot: short write');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/** The saved documents (slot = position) and text index, or null when there is no usable snapshot. */
export async function readSnapshot(file: string): Promise<{ docs: SearchDocument[]; text: TextIndex } | null> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error }, 'search snapshot unreadable');
    return null;
  }
  const body = data.subarray(MAGIC.length + 32);
  const intact =
    data.subarray(0, MAGIC.length).equals(MAGIC) &&
    createHash('sha256')
      .update(body)
      .digest()
      .equals(data.subarray(MAGIC.length, MAGIC.length + 32));
  let parsed: Body | undefined;
  try {
    parsed = intact ? (deserialize(body) as Body) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.format !== FORMAT) {
    logger.warn({ file }, 'search snapshot damaged or from another version: rebuilding from the database');
    return null;
  }
  const text = new TextIndex();
  parsed.terms.forEach((term, i) => {
    const [from, to] = [parsed.offsets[i]!, parsed.offsets[i + 1]!];
    text.load(term, parsed.slots.slice(from, to), parsed.masks.slice(from, to));
  });
  return { docs: parsed.docs, text };
}
