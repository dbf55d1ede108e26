import { constants, crc32, deflateRawSync } from 'node:zlib';

// A gzip body made of parts compressed at different times: the cached page's
// pieces once, the nonce between them per answer. Each part is a raw deflate
// stream ended by a sync flush (byte-aligned, not final, no reference outside
// itself), so the parts join into one stream; an empty final block, gzip's
// header and its trailer (CRC-32 and length of the whole text) close it.

/** ID1 ID2, deflate, no flags, no modification time, no extra flags, OS unknown (RFC 1952). */
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** The final, empty block that ends a deflate stream. */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0));

/** One part, compressed to be joined with others. */
export function deflatePart(part: Buffer): Buffer {
  return deflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH });
}

/**
 * The gzip body of `pieces` joined by `glue` (their text: p0 glue p1 glue p2…),
 * from the pieces compressed beforehand by deflatePart (`deflated`, same order).
 */
export function gzipJoined(pieces: readonly Buffer[], deflated: readonly Buffer[], glue: Buffer): Buffer[] {
  const deflatedGlue = deflatePart(glue);
  const parts: Buffer[] = [HEADER];
  let crc = 0;
  let length = 0;
  pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(deflatedGlue);
      crc = crc32(glue, crc);
      length += glue.length;
    }
    parts.push(deflated[i]!);
    crc = crc32(piece, crc);
    length += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  parts.push(FINAL_BLOCK, trailer);
  return parts;
}
