// Fields a form posted, read back for display (the page gets them beside the
// messages of a refused post): any name may arrive as a group (`amount.x=1`)
// where the form has one input.

/** The value at a dotted path of the fields (`patents.0.number`), whatever it is. */
export const fieldAt = (values: object | null | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null | undefined)?.[key], values);

/** The text at a dotted path, as an input shows it: a group or nothing there is undefined, never String() of a group (which can throw). */
export function valueAt(values: object | null | undefined, path: string): string | undefined {
  const value = fieldAt(values, path);
  return typeof value === 'string' ? value : undefined;
}
