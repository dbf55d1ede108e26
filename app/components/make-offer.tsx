import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * The listing page's "Make an offer" link, to /listings/:id/offer (which
 * explains who may offer when the viewer may not). Show it on published
 * listings that are not the viewer's own.
 */
export function MakeOfferLink({ listingId }: { listingId: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link className="button" to={`/listings/${listingId}/offer`}>
        {t('offers.make.link')}
      </Link>
    </p>
  );
}
