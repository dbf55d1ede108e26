import type { DealDoc } from './model.ts';

// Whether a deal has technology-contract registration data yet (the deal page links to it when it has).

/**
 * `final` once completed; `draft` while paid or awaiting completion (the terms
 * are settled, the deal not yet done); `unavailable` before that or when
 * cancelled; an equity investment buys shares and is no technology contract.
 */
export type RegistrationState = 'final' | 'draft' | 'unavailable' | 'not_technology_contract';

export function registrationStateOf(deal: Pick<DealDoc, 'status' | 'terms'>): RegistrationState {
  if (deal.terms.dealType === 'equity') return 'not_technology_contract';
  if (deal.status === 'completed') return 'final';
  if (deal.status === 'paid' || deal.status === 'awaiting_completion') return 'draft';
  return 'unavailable';
}
