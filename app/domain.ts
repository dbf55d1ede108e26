// What app/ may take from server/: pure modules the browser may load too
// (vocabulary, zod input schemas, domain errors) and types. Services come
// through Remix's load context (server/app-context.ts), never by import.
export * from '../server/vocabulary.ts';
export * from '../server/auth/schemas.ts';
export {
  searchQuery,
  suggestQuery,
  SEARCH_SORTS,
  SITEMAP_PAGE_SIZE,
  FACET_FIELDS,
  type FacetField,
  type SearchQuery,
} from '../server/search/schemas.ts';
export {
  formStepOf,
  LISTING_FORM_STEPS,
  listingFormInput,
  listingFormSteps,
  listingInput,
  rejectionInput,
  documentUploadInput,
  MAX_DOCUMENTS,
  type ListingFieldStep,
  type ListingFormStep,
} from '../server/listings/schemas.ts';
export { listingCompleteness, type Completeness } from '../server/listings/completeness.ts';
export { STANDARD_NDA } from '../server/listings/standard-nda.ts';
export {
  isTicked,
  rowsOf,
  type DocumentRowValues,
  type ListingFormValues,
  type MoneyText,
  type PatentRowValues,
  type TextPair,
} from '../server/listings/form-values.ts';
export { remainingLifeDays } from '../server/listings/patents.ts';
export { parseMajorUnits } from '../server/shared/money.ts';
export { organizationCreditCodeInput, organizationListQuery } from '../server/orgs/schemas.ts';
export { markReadForm, markReadInput, outboxQuery } from '../server/notifications/schemas.ts';
export { DomainError, fieldErrorsOf, isDomainError, type FieldErrors } from '../server/errors.ts';
export type { Actor } from '../server/auth/permissions.ts';
export type { RequestAuth } from '../server/auth/request-auth.ts';
export type { ClientContext } from '../server/auth/service.ts';
export type { AppContext } from '../server/app-context.ts';
export type { ListingDto } from '../server/listings/dto.ts';
export type { DocumentDto } from '../server/listings/document-dto.ts';
export type { DataRoomRecord, NdaAccess } from '../server/listings/data-room.ts';
export type { ListingFormDraftDto, ListingFormDraftSummary } from '../server/listings/form-drafts.ts';
export type { ListingHit } from '../server/search/hits.ts';
export type { SearchPage } from '../server/search/service.ts';
export { inquiryMessageInput, MESSAGE_MAX_LENGTH, THREAD_ID } from '../server/inquiries/schemas.ts';
export type { AskState, ThreadDto } from '../server/inquiries/service.ts';
export type { ThreadSummary } from '../server/inquiries/thread-index.ts';
export type { NotificationDto } from '../server/notifications/inbox.ts';
export { LEDGER_AMOUNT_NAMES, ledgerPageQuery } from '../server/ledger/schemas.ts';
export type { LedgerEntryDto } from '../server/ledger/service.ts';
export { MIN_UNPUBLISHED_AMOUNTS, STATS_MAX_AGE_SECONDS } from '../server/stats/schemas.ts';
export type { AmountTotal, Figures, StatsBucket } from '../server/stats/figures.ts';
export type { StatsDto } from '../server/stats/service.ts';
export {
  amountsPublicationInput,
  cancelInput,
  objectionInput,
  objectionResolutionInput,
  registrationInput,
} from '../server/deals/schemas.ts';
export type { RegistrationView } from '../server/deals/registration.ts';
export { bankReferenceInput, paymentListQuery, refundInput, PAYMENT_STATUSES } from '../server/payments/schemas.ts';
export type { ReceiptView } from '../server/payments/receipts.ts';
export type { DealDto } from '../server/deals/dto.ts';
export type { DealActions, DealView } from '../server/deals/steps.ts';
export type { NoticeDto } from '../server/deals/queues.ts';
export {
  offerInput,
  offerForm,
  rejectionReasonInput,
  termsToFormValues,
  MONEY_FIELDS,
  OFFER_EXPIRY_DAYS,
  OFFER_ID,
  TEXT_FIELDS,
  type DealTypeKey,
} from '../server/offers/schemas.ts';
export type { OfferDto } from '../server/offers/dto.ts';
export type { OfferThreadDto, OfferSummary } from '../server/offers/service.ts';
export type { LicenseNowStatus } from '../server/offers/license-now.ts';
export { bidForm, bidInput } from '../server/auctions/schemas.ts';
export type { AuctionView, BidDto } from '../server/auctions/view.ts';
