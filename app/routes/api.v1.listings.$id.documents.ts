import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { DomainError, documentUploadInput } from '~/domain';
import { apiHandler, methodNotAllowed } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { getActor, requireApiUser } from '~/utils/session.server';
import { readUploadForm } from '~/utils/uploads.server';
import { parseInput } from '~/utils/validation.server';

/** GET /api/v1/listings/:id/documents: the documents the caller may download. */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    const listing = await context.listings.get(await getActor(request, context), params.id ?? '');
    return json({ items: listing.documents, dataRoom: listing.dataRoom });
  });
}

/** POST /api/v1/listings/:id/documents: multipart with `file`, and optionally `name` and `visibility` (default confidential). */
export function action({ request, context, params }: ActionFunctionArgs) {
  return apiHandler({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed('GET, POST');
    const { actor } = await requireApiUser(request, context);
    const { fields, upload } = await readUploadForm(request, { maxBytes: context.listings.documents.limitBytes() });
    if (!upload) throw new DomainError('invalid', 'errors.badRequestTitle', { file: ['validation.fileRequired'] });
    const about = parseInput(documentUploadInput, fields, await getLocale(request));
    const document = await context.listings.documents.add(actor, params.id ?? '', { ...upload, ...about });
    return json(document, { status: 201 });
  });
}
