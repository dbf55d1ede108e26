import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { pageHandler } from '~/utils/http.server';
import { requireUser } from '~/utils/session.server';

// Editing a listing opens the listing form on a draft of it: the author's
// unfinished one if there is one (so opening it twice starts nothing twice),
// else a new draft with the listing's current values.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => {
    const draft = await context.listings.drafts.start(actor, { listingId: params.id ?? '' });
    return redirect(`/listings/drafts/${draft.id}/${draft.step}`);
  });
}

/** Never shown: the loader redirects. It makes this a page, so that a refusal renders as one. */
export default function EditListing() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
