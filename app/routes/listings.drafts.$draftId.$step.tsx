import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { FormError, type ActionErrors } from '~/components/forms';
import { BasicsStep } from '~/components/listing-form/basics-step';
import { PatentsStep } from '~/components/listing-form/patents-step';
import { ReviewStep, type Problem } from '~/components/listing-form/review-step';
import type { StepProps } from '~/components/listing-form/step-props';
import { TechnologyStep } from '~/components/listing-form/technology-step';
import { TermsStep } from '~/components/listing-form/terms-step';
import { DocumentsStep } from '~/components/listing-form/documents-step';
import {
  documentUploadInput,
  DomainError,
  formStepOf,
  isDomainError,
  LISTING_FORM_STEPS,
  listingFormInput,
  listingFormSteps,
  rowsOf,
  type ListingFieldStep,
  type ListingFormStep,
  type ListingFormValues,
} from '~/domain';
import type { Locale } from '~/i18n';
import { formHandler, pageHandler } from '~/utils/http.server';
import { getLocale } from '~/utils/locale.server';
import { pageTitle } from '~/utils/meta';
import { requireUser } from '~/utils/session.server';
import { formText, parseInput, readForm } from '~/utils/validation.server';
import { readUploadForm } from '~/utils/uploads.server';
import { z } from 'zod';

// One step of the listing form (/listings/drafts/:draftId/:step). Each post
// saves the step's fields to the draft and goes where its button says; the
// review step turns the draft into a listing.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.draft.listing ? 'listingForm.editTitle' : 'listingForm.newTitle');

const isStep = (value: unknown): value is ListingFormStep => LISTING_FORM_STEPS.includes(value as ListingFormStep);

function stepOf(params: LoaderFunctionArgs['params']): ListingFormStep {
  if (!isStep(params.step)) throw new DomainError('not_found', 'errors.notFound');
  return params.step;
}

/** What stops the draft from becoming a listing, by field, in the reader's language. */
function problemsOf(values: ListingFormValues, locale: Locale): Problem[] {
  try {
    parseInput(listingFormInput, values, locale);
    return [];
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return Object.entries(error.fieldErrors).map(([field, messages]) => ({
      field,
      step: formStepOf(field),
      message: messages[0]!,
    }));
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  return pageHandler(async () => {
    const step = stepOf(params);
    const draft = await context.listings.drafts.get(actor, params.draftId ?? '');
    const problems = step === 'review' ? problemsOf(draft.values, await getLocale(request)) : [];
    return json({
      draft,
      step,
      problems,
      uploadLimitMb: Math.round(context.listings.documents.limitBytes() / 1024 / 1024),
    });
  });
}

/** Without JavaScript, adding or removing a patent or document row is a round trip: the step comes back changed, unsaved. */
function withRowsEdited(form: Record<string, unknown>): Record<string, unknown> | null {
  const without = (field: string, index: unknown) =>
    rowsOf(form[field] as Record<string, unknown>).filter((_, i) => String(i) !== index);
  if (formText(form, 'addPatent'))
    return { ...form, patents: [...rowsOf(form.patents as Record<string, unknown>), {}] };
  const removePatent = formText(form, 'removePatent');
  if (removePatent) return { ...form, patents: without('patents', removePatent) };
  const removeDocument = formText(form, 'removeDocument');
  if (removeDocument) return { ...form, documents: without('documents', removeDocument) };
  return null;
}

type StepActionData = Partial<ActionErrors> & { values?: ListingFormValues };

/** The documents step's upload: its name and visibility, with messages keyed as the form names them. */
const uploadFields = z.object({ upload: documentUploadInput.prefault({}) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const draftId = params.draftId ?? '';
  const goTo = (step: ListingFormStep) => redirect(`/listings/drafts/${draftId}/${step}`);
  // Nothing typed is lost: a refused step comes back with what was sent, beside the messages.
  return formHandler(
    request,
    async () => {
      const step = stepOf(params);
      const { fields, upload } =
        step === 'documents'
          ? await readUploadForm(request, { maxBytes: context.listings.documents.limitBytes() })
          : { fields: await readForm(request), upload: null };
      const form = fields;
      if (formText(form, 'discard')) {
        const { listingId } = await context.listings.drafts.discard(actor, draftId);
        return redirect(listingId ? `/listings/${listingId}` : '/listings/new');
      }
      const goto = formText(form, 'goto');
      const target = isStep(goto) ? goto : step;
      if (step === 'review') {
        const finish = formText(form, 'finish');
        if (!finish) return goTo(target);
        const listing = await context.listings.drafts.finish(actor, draftId, { submit: finish === 'submit' });
        return redirect(`/listings/${listing.id}`);
      }
      const edited = withRowsEdited(form);
      if (edited) return json<StepActionData>({ values: edited });
      const locale = await getLocale(request);
      const values = parseInput(listingFormSteps[step], form, locale);
      await context.listings.drafts.save(actor, draftId, step, values, upload ? step : target);
      if (upload) {
        const { upload: about } = parseInput(uploadFields, form, locale);
        await context.listings.drafts.addDocument(actor, draftId, { ...upload, ...about });
      }
      return goTo(target);
    },
    { keepInput: true },
  );
}

const FIELD_STEPS: Record<ListingFieldStep, (props: StepProps & { uploadLimitMb: number }) => JSX.Element> = {
  basics: BasicsStep,
  technology: TechnologyStep,
  patents: PatentsStep,
  terms: TermsStep,
  documents: DocumentsStep,
};

export default function ListingDraftStep() {
  const { draft, step, problems, uploadLimitMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<StepActionData>();
  const { t } = useTranslation();
  const values = actionData?.values ?? draft.values;
  const FieldStep = step === 'review' ? null : FIELD_STEPS[step];
  return (
    <div className="listing-form">
      <h1>{t(draft.listing ? 'listingForm.editTitle' : 'listingForm.newTitle')}</h1>
      <FormError />
      {FieldStep ? (
        // A new step, or the step saved again (an upload came back to it), is a new form with its values.
        <FieldStep
          key={`${step}:${draft.updatedAt}`}
          values={values}
          saved={draft.values}
          uploadLimitMb={uploadLimitMb}
        />
      ) : (
        <ReviewStep values={draft.values} problems={problems} listingStatus={draft.listing?.status ?? null} />
      )}
      <Form method="post" className="listing-form__discard">
        <button type="submit" name="discard" value="1" className="link-button">
          {t('listingForm.discard')}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
