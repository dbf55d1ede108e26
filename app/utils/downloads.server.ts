import type { AppLoadContext } from '@remix-run/node';
import type { Actor } from '~/domain';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
};

/** The name a download is saved under: the document's name, with the extension its content has. */
function fileNameOf(name: string, contentType: string): string {
  const extension = EXTENSIONS[contentType] ?? '';
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

/**
 * One document as a download (pages and the API alike). Always an attachment,
 * sandboxed and never sniffed, so a file can neither run in our origin nor be
 * taken for something else; never cached, as a confidential one is stamped
 * for its reader.
 */
export async function documentResponse(
  context: AppLoadContext,
  actor: Actor,
  { listingId, documentId }: { listingId: string; documentId: string },
): Promise<Response> {
  const file = await context.listings.documents.open(actor, listingId, documentId, { ip: context.clientIp });
  const name = fileNameOf(file.fileName, file.contentType);
  // RFC 6266: an ASCII fallback, and the real name in UTF-8 (Chinese names are common).
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
