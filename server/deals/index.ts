// The deals module: the only file other modules import.
export { createDeal, onDealCreated, type DealCreated, type DealSource, type NewDeal } from './create.ts';
export { recoverCompletions } from './completion.ts';
export { payDeal, recordDuePayments } from './payment.ts';
export { toDealDto, type DealDto, type DealPartyDto } from './dto.ts';
export { Deal, DEAL_STATUSES, type DealStatus } from './model.ts';
export { endDueNotices, listNotices, operatorDealQueue, type NoticeDto } from './queues.ts';
export {
  amountsPublicationInput,
  cancelInput,
  objectionInput,
  objectionResolutionInput,
  registrationInput,
} from './schemas.ts';
export {
  getRegistration,
  type RegistrationData,
  type RegistrationParty,
  type RegistrationView,
} from './registration.ts';
export type { RegistrationState } from './registration-state.ts';
export {
  cancelDeal,
  completeDeal,
  confirmPayment,
  getDeal,
  lodgeObjection,
  recordRegistration,
  resolveObjection,
  setAmountsPublication,
  type DealActions,
  type DealView,
} from './steps.ts';
export { amountDue, dealTerms, dealTermsInput, equityStakeBasisPoints, isExclusive, type DealTerms } from './terms.ts';
