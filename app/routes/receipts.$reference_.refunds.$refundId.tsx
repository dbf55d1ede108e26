import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { Receipt, RECEIPT_HEADERS } from '~/components/payments/receipt';
import printStyles from '~/styles/deal-registration.css';
import { pageHandler } from '~/utils/http.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';

// The receipt of a succeeded refund, for the payment's parties and the operators.

export const headers: HeadersFunction = () => RECEIPT_HEADERS;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: printStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'receipts.refundTitle');

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () =>
    json(await context.receipts.get(actor, params.reference ?? '', params.refundId ?? ''), {
      headers: RECEIPT_HEADERS,
    }),
  );
}

export default function RefundReceipt() {
  return <Receipt receipt={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
