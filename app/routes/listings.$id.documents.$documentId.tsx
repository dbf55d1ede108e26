import type { LoaderFunctionArgs } from '@remix-run/node';
import { documentResponse } from '~/utils/downloads.server';
import { pageHandler } from '~/utils/http.server';
import { getActor } from '~/utils/session.server';

/** GET /listings/:id/documents/:documentId: a document's file (confidential PDFs stamped for the reader). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(() =>
    documentResponse(context, actor, { listingId: params.id ?? '', documentId: params.documentId ?? '' }),
  );
}
