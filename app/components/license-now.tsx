import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { OfferTerms } from '~/components/offer-terms';
import { SubmitButton } from '~/components/forms';
import type { LicenseNowStatus } from '~/domain';

/**
 * A listed non-exclusive licence on the listing page: its terms for everyone
 * (marked as an open licence, 专利开放许可, when the owner declared one) and,
 * for a verified company, a button that posts to /listings/:id/offer with
 * `intent=license-now` (it works without JavaScript). Renders nothing when the
 * listing lists no such licence.
 */
export function LicenseNow({
  listingId,
  status,
  signedIn,
}: {
  listingId: string;
  status: LicenseNowStatus;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  if (!status.terms) return null;
  return (
    <section aria-labelledby="license-now" className="license-now">
      <h2 id="license-now">
        {status.openLicense ? t('offers.licenseNow.openLicense') : t('offers.licenseNow.heading')}
      </h2>
      <p className="hint">
        {status.openLicense ? t('offers.licenseNow.openLicenseNote') : t('offers.licenseNow.listedNote')}
      </p>
      <OfferTerms terms={status.terms} />
      {status.canTake ? (
        <Form method="post" action={`/listings/${listingId}/offer`}>
          <input type="hidden" name="intent" value="license-now" />
          <SubmitButton>{t('offers.licenseNow.take')}</SubmitButton>
        </Form>
      ) : signedIn ? null : (
        <p>
          <Link to={`/login?redirectTo=${encodeURIComponent(`/listings/${listingId}`)}`}>
            {t('offers.licenseNow.signIn')}
          </Link>
        </p>
      )}
    </section>
  );
}
