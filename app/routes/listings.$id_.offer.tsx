import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormError, SelectField, type ActionErrors } from '~/components/forms';
import { OfferForm } from '~/components/offer-form';
import { offerForm, type DealTypeKey } from '~/domain';
import { useLocale } from '~/root';
import { pickText } from '~/utils/format';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { listingPageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? listingPageTitle(matches, 'offers.make.pageTitle', data.listing.title) : [];

/**
 * Making an offer: the deal type first (`?dealType=`, a GET form, so the page
 * re-renders with that type's fields without JavaScript), then its terms.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => {
    const listing = await context.listings.get(actor, params.id ?? '');
    const asked = new URL(request.url).searchParams.get('dealType');
    const dealType = listing.dealTypes.find((type) => type === asked) ?? null;
    // The service decides again on submission; this only spares a form that would be refused.
    const resource = { status: listing.status, organizationId: listing.organization?.id ?? '' };
    const allowed =
      listing.status === 'published' && context.auth.can(actor, { action: 'offer:make', listing: resource });
    return json({
      listing: { id: listing.id, title: listing.title, dealTypes: listing.dealTypes },
      dealType: dealType as DealTypeKey | null,
      allowed,
    });
  });
}

/** POST: an offer (then its thread), or `intent=license-now` from the listing page (then the deal). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return formHandler(
    request,
    async () => {
      const form = await readForm(request);
      if (formText(form, 'intent') === 'license-now') {
        const { deal } = await context.offers.licenseNow(actor, params.id ?? '');
        return redirect(`/deals/${deal.id}`);
      }
      const input = parseInput(offerForm, form, await getLocale(request));
      const offer = await context.offers.make(actor, params.id ?? '', input);
      return redirect(`/offers/${offer.id}`);
    },
    { keepInput: true },
  );
}

export default function MakeOfferPage() {
  const { listing, dealType, allowed } = useLoaderData<typeof loader>();
  const sent = useActionData<ActionErrors & { values?: Record<string, unknown> }>();
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(listing.title, locale);
  return (
    <div className="auth">
      <p>
        <Link to={`/listings/${listing.id}`}>← {title.text}</Link>
      </p>
      <h1>{t('offers.make.pageTitle', { title: title.text })}</h1>
      <FormError />
      {!allowed ? (
        <p className="notice">{t('offers.make.notAllowed')}</p>
      ) : (
        <>
          <Form method="get">
            <SelectField
              name="dealType"
              label={t('offers.make.dealType')}
              options={listing.dealTypes.map((type) => ({ value: type, label: t(`dealTypes.${type}`) }))}
              defaultValue={dealType ?? undefined}
            />
            <button type="submit" className="button button--secondary">
              {t('offers.make.choose')}
            </button>
          </Form>
          {dealType ? (
            <OfferForm
              key={dealType}
              dealType={dealType}
              action={`/listings/${listing.id}/offer?dealType=${dealType}`}
              submitLabel={t('offers.make.submit')}
              defaults={sent?.values}
            />
          ) : null}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
