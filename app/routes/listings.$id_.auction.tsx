import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuctionFacts, BidForm, BidHistory } from '~/components/auction';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormError } from '~/components/forms';
import { bidForm } from '~/domain';
import { useLocale } from '~/root';
import { pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { listingPageTitle } from '~/utils/meta';
import { getActor, requireUser } from '~/utils/session.server';
import { parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? listingPageTitle(matches, 'auctions.pageTitle', data.title) : [];

/** A listing's auction: where it stands, the bid form for those who may bid, the bid history. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await getActor(request, context);
  return pageHandler(async () => {
    const listing = await context.listings.get(actor, params.id ?? '');
    const auction = await context.auctions.get(actor, listing.id);
    if (!auction) throw new Response('Not Found', { status: 404 });
    return json({ title: listing.title, listingId: listing.id, auction, signedIn: actor !== null });
  });
}

/** POST amount.amount (major units) and amount.currency: a bid; back to the page, which shows it. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(
    request,
    async () => {
      const input = parseInput(bidForm, await readForm(request), await getLocale(request));
      await context.auctions.bid(actor, params.id ?? '', input);
      return redirect(`/listings/${params.id ?? ''}/auction`, 303);
    },
    { keepInput: true },
  );
}

export default function AuctionPage() {
  const { title, listingId, auction, signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = pickText(title, locale).text;
  const here = `/listings/${listingId}/auction`;
  return (
    <div className="auth">
      <p>
        <Link to={`/listings/${listingId}`}>← {heading}</Link>
      </p>
      <h1>{t('auctions.pageTitle', { title: heading })}</h1>
      <FormError />
      <AuctionFacts auction={auction} />
      {auction.viewer.mayBid ? (
        <BidForm key={auction.bidCount} auction={auction} action={here} />
      ) : auction.state === 'open' && !signedIn ? (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('auctions.logInToBid')}</Link>
        </p>
      ) : auction.state === 'open' ? (
        <p className="hint">{t('auctions.mayNotBid')}</p>
      ) : null}
      {auction.dealId ? (
        <p>
          <Link to={`/deals/${auction.dealId}`}>{t('auctions.toDeal')}</Link>
        </p>
      ) : null}
      <BidHistory auction={auction} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
