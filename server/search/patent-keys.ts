// Patent numbers are written many ways: CN202110123456.7, CN 2021 1 0123456.7,
// ZL202110123456.7, 202110123456, US11234567B2. Both engines index and query
// one form, the digits of the number without office prefix, kind code or check
// digit ("202110123456"), so every spelling finds the same listing and a prefix
// of the digits finds it while typing.

const NUMBER =
  /(?<![\p{L}\p{N}])(?:(CN|ZL|US|EP|JP|WO|KR|DE|GB|HK|TW)[\s-]*)?(\d(?:[\d\s/-]*\d)?)(?:\.([\dX]))?(?:[ABUS]\d?)?(?![\p{L}\p{N}])/giu;

/** Fewer digits than this, without an office prefix, are ordinary numbers (a year, a TRL). */
const MIN_BARE_DIGITS = 8;

/** The indexed key of a patent number as stored on a listing. */
export function patentKey(number: string): string {
  return number
    .toUpperCase()
    .replace(/^(CN|ZL|US|EP|JP|WO|KR|DE|GB|HK|TW)/, '')
    .replace(/\.[\dX]$/, '')
    .replace(/[ABUS]\d?$/, '')
    .replace(/\D/g, '');
}

/** Rewrites every patent number in a query to its key; other words are left alone. */
export function normalizePatentNumbers(query: string): string {
  return query.replace(NUMBER, (match, prefix: string | undefined, digits: string) => {
    const key = digits.replace(/\D/g, '');
    return prefix || key.length >= MIN_BARE_DIGITS ? key : match;
  });
}
