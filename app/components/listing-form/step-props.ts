import type { ListingFormValues } from '~/domain';

export interface StepProps {
  /** What the inputs show: the draft's saved values, or the values just sent when the server refused them. */
  values: ListingFormValues;
  /** The draft as saved, every step (the kind decides what some steps ask; the score reads them all). */
  saved: ListingFormValues;
}
