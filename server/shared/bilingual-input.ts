import { z } from 'zod';

// Pure zod (no mongoose): the browser's forms import input schemas built on it.

/** zod: `{ zh?, en? }` with at least one language filled, each up to `max` characters. */
export function bilingualInput(max: number, { required = true } = {}) {
  const text = z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
  const shape = z.object({ zh: text, en: text });
  return required
    ? shape.refine((v) => Boolean(v.zh || v.en), { message: 'validation.bilingualRequired', path: ['zh'] })
    : shape;
}
