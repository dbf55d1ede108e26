/**
 * Text from a user as one clean line: text-direction controls (which make a
 * name read differently from what it says) dropped, control characters and
 * runs of white space made single spaces, NFC, trimmed.
 */
export function oneLine(value: string): string {
  return (
    value
      .normalize('NFC')
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
      // eslint-disable-next-line no-control-regex -- control characters are what is replaced
      .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
      .trim()
  );
}

/** At most `max` characters (code points, so no half of a surrogate pair). */
export function cut(value: string, max: number, ellipsis = ''): string {
  const chars = [...value];
  return chars.length > max ? chars.slice(0, max - ellipsis.length).join('') + ellipsis : value;
}
