import { useTranslation } from 'react-i18next';
import { Form, SubmitButton } from '~/components/forms';
import type { DealActions, DealDto } from '~/domain';

/**
 * Whether each side agreed to show the deal's amounts on the public ledger,
 * and the viewer's party's button to agree or withdraw (a plain form post).
 */
export function AmountsPublication({
  publication,
  action,
}: {
  publication: DealDto['publishAmounts'];
  action: DealActions['publishAmounts'];
}) {
  const { t } = useTranslation();
  const state = (agreed: boolean) => t(agreed ? 'deals.publication.agreed' : 'deals.publication.notAgreed');
  return (
    <section aria-labelledby="deal-publication">
      <h2 id="deal-publication">{t('deals.publication.title')}</h2>
      <p>{t('deals.publication.lead')}</p>
      <dl className="facts">
        <dt>{t('deals.page.seller')}</dt>
        <dd>{state(publication.seller)}</dd>
        <dt>{t('deals.page.buyer')}</dt>
        <dd>{state(publication.buyer)}</dd>
      </dl>
      {action ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="publish_amounts" />
          <input type="hidden" name="publish" value={action === 'agree' ? 'true' : 'false'} />
          <SubmitButton>{t(`deals.publication.${action}`)}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
