import { z } from 'zod';

// Pure zod (no mongoose): the browser's forms import input schemas built on it.

// C0 and C1 control characters and DEL, and the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a name read
// differently from what it says. Text may keep tab, CR and LF; a name may not,
// nor the other line breaks (U+2028, U+2029) or the invisible direction marks
// (U+200E, U+200F, U+061C).
/* eslint-disable no-control-regex -- finding control characters is the point */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */

/** The one check against invisible and text-direction characters: `.check(safeText)`. */
export const safeText = z.refine<string>((value) => !UNSAFE_IN_TEXT.test(value), {
  message: 'validation.unsafeCharacters',
});
/** The same for one-line names (people, organisations, tokens): no line breaks or tabs either. */
export const safeName = z.refine<string>((value) => !UNSAFE_IN_NAME.test(value), {
  message: 'validation.unsafeCharacters',
});

/**
 * zod: `{ zh?, en? }` with at least one language filled, each up to `max`
 * characters, free of control and text-direction characters (`singleLine`:
 * line breaks and tabs too, for names).
 */
export function bilingualInput(max: number, { required = true, singleLine = false } = {}) {
  const text = z
    .string()
    .trim()
    .max(max)
    .check(singleLine ? safeName : safeText)
    .optional()
    .transform((v) => (v ? v : undefined));
  const shape = z.object({ zh: text, en: text });
  return required
    ? shape.refine((v) => Boolean(v.zh || v.en), { message: 'validation.bilingualRequired', path: ['zh'] })
    : shape;
}
