// The offers module: the only file other modules import.
import './deal-listener.ts';

export {
  makeOffer,
  rejectOffer,
  withdrawOffer,
  counterOffer,
  getOfferThread,
  listOffers,
  type OfferThreadDto,
  type OfferSummary,
} from './service.ts';
export { acceptOffer } from './accepting.ts';
export { sweepOffers, type SweepResult } from './sweep.ts';
export {
  licenseNow,
  licenseNowStatus,
  offerLinkShown,
  listedLicenseTerms,
  listedLicenceScope,
  OPEN_FIELD_OF_USE,
  type LicenseNowStatus,
} from './license-now.ts';
export { endOffersOnTakenListing } from './deal-listener.ts';
export { toOfferDto, type OfferDto } from './dto.ts';
export { offerInput, rejectionReasonInput, OFFER_EXPIRY_DAYS, OFFER_ID, type OfferInput } from './schemas.ts';
export { Offer, OpenOffer, OfferIndex, OFFER_STATUSES, type OfferStatus, type OfferSide } from './model.ts';
