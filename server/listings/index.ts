export { Listing, resourceOf, type ListingDoc } from './model.ts';
export { listingInput, patentInput, rejectionInput, type ListingInput } from './schemas.ts';
export { findVisibleListing, getListing } from './service.ts';
export { dtoResourceOf, toListingDto, type ListingDto, type PatentDto } from './dto.ts';
export { remainingLifeDays, patentExpiry, isValidPatentNumber } from './patents.ts';
export { onListingChanged, onListingStatusChanged } from './changes.ts';
export {
  listingHistory,
  moveListingForDeal,
  publishListing,
  rejectListing,
  reviewQueue,
  submitListing,
  withdrawListing,
  type HistoryItem,
  type ReviewItem,
} from './workflow.ts';
export { createListing, editableListing, updateListing } from './editing.ts';
export { addDocument, openDocument, removeDocument, type DocumentDownload } from './documents.ts';
export { type DocumentDto } from './document-dto.ts';
export { acceptNda, dataRoomRecord, ndaAccessOf, type DataRoomRecord, type NdaAccess } from './data-room.ts';
export {
  addDraftDocument,
  discardDraft,
  expireDrafts,
  finishDraft,
  getDraft,
  listDrafts,
  ListingFormDraft,
  saveStep,
  startDraft,
  type ListingFormDraftDto,
  type ListingFormDraftSummary,
} from './form-drafts.ts';
