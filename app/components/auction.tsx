import { Link } from '@remix-run/react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Fact } from '~/components/fact';
import { Form, SubmitButton, TextField, useValidatedForm } from '~/components/forms';
import { bidForm, type AuctionView } from '~/domain';
import { useLocale } from '~/root';
import { formatDateTime, formatMoney, pickText } from '~/utils/format';

/** Where the auction stands: state, highest amount, bids and bidders, the end after extensions, the reserve as far as the viewer may know it. */
export function AuctionFacts({ auction }: { auction: AuctionView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p className={`status status--${auction.state}`}>{t(`auctions.state.${auction.state}`)}</p>
      <dl className="facts" aria-label={t('auctions.heading')}>
        <Fact label={t('auctions.sells')}>{t(`dealTypes.${auction.dealType}`)}</Fact>
        <Fact label={t('auctions.highest')}>
          {auction.highest ? formatMoney(auction.highest, locale) : t('auctions.noBids')}
        </Fact>
        <Fact label={t('listing.startingPrice')}>{formatMoney(auction.startingPrice, locale)}</Fact>
        <Fact label={t('listing.minimumIncrement')}>{formatMoney(auction.minimumIncrement, locale)}</Fact>
        <Fact label={t('auctions.bids')}>
          {t('auctions.bidsAndBidders', { bids: auction.bidCount, bidders: auction.bidderCount })}
        </Fact>
        <Fact label={auction.state === 'open' ? t('auctions.endsAt') : t('auctions.endedAt')}>
          {formatDateTime(auction.endsAt, locale)}
        </Fact>
        {auction.reserve ? <Fact label={t('auctions.reserve')}>{formatMoney(auction.reserve, locale)}</Fact> : null}
      </dl>
      {auction.hasReserve && auction.reserveMet === null && !auction.reserve ? (
        <p className="hint">{t('listing.hasReserve')}</p>
      ) : null}
      {auction.reserveMet === false ? <p className="hint">{t('auctions.reserveNotMet')}</p> : null}
      {auction.viewer.leads && auction.state !== 'unsold' ? (
        <p className="notice">{auction.state === 'sold' ? t('auctions.youWon') : t('auctions.youLead')}</p>
      ) : null}
      {auction.state === 'open' ? <p className="hint">{t('auctions.extensionRule')}</p> : null}
    </>
  );
}

/** The bid form: one amount in the auction's currency, at least the next minimum. Posts without JavaScript. */
export function BidForm({ auction, action }: { auction: AuctionView; action: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const minimum = auction.nextMinimum!;
  const { form, onSubmit } = useValidatedForm<FieldValues>(bidForm, { amount: { currency: minimum.currency } });
  return (
    <Form method="post" action={action} onSubmit={onSubmit} noValidate>
      <input type="hidden" {...form.register('amount.currency')} defaultValue={minimum.currency} />
      <TextField
        form={form}
        name="amount.amount"
        label={t('auctions.yourBid', { currency: minimum.currency })}
        hint={t('auctions.nextMinimum', { amount: formatMoney(minimum, locale) })}
        inputMode="decimal"
        autoComplete="off"
        required
      />
      <SubmitButton>{t('auctions.placeBid')}</SubmitButton>
    </Form>
  );
}

/** The newest bids, newest first: amounts and times for everyone, who bid for the owner and the operators. */
export function BidHistory({ auction }: { auction: AuctionView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (auction.bids.length === 0) return null;
  return (
    <table className="table">
      <caption>{t('auctions.history')}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('auctions.amount')}</th>
          <th scope="col">{t('auctions.time')}</th>
          {auction.viewer.seesBidders ? <th scope="col">{t('auctions.bidder')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {auction.bids.map((bid) => (
          <tr key={bid.seq}>
            <td>{bid.seq}</td>
            <td>
              {formatMoney(bid.amount, locale)}
              {bid.yours ? ` (${t('auctions.yours')})` : ''}
            </td>
            <td>{formatDateTime(bid.at, locale)}</td>
            {auction.viewer.seesBidders ? <td>{bid.bidder ? pickText(bid.bidder.name, locale).text : ''}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The listing page's auction section: the facts and the way to the auction's page. */
export function AuctionSummary({ auction, listingId }: { auction: AuctionView; listingId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="auction">
      <h2 id="auction">{t('auctions.heading')}</h2>
      <AuctionFacts auction={auction} />
      <p>
        <Link className={auction.viewer.mayBid ? 'button' : undefined} to={`/listings/${listingId}/auction`}>
          {auction.viewer.mayBid ? t('auctions.placeBid') : t('auctions.open')}
        </Link>
      </p>
    </section>
  );
}
