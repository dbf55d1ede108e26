// CSV for spreadsheets (RFC 4180): the /stats.csv download.

/** A UTF-8 byte-order mark: without it Excel reads the file in the system's code page and garbles Chinese. */
const BOM = '\uFEFF';

/**
 * One cell, safe to open in a spreadsheet: text that starts like a formula
 * (= + - @, or a tab or carriage return that some spreadsheets skip) gets a
 * leading apostrophe, so it is shown and never run (CSV injection); a cell
 * with a separator, quote or line break is quoted.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as a CSV document: BOM first, CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
