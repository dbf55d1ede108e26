import { expect, test } from 'vitest';
import { csvCell, toCsv } from '../../app/utils/csv.ts';

test('a CSV document starts with a UTF-8 byte-order mark and ends its lines with CRLF', () => {
  expect(
    toCsv([
      ['a', 1],
      ['b', 2],
    ]),
  ).toBe('\uFEFFa,1\r\nb,2\r\n');
});

test('text that starts like a spreadsheet formula is prefixed with an apostrophe', () => {
  expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  expect(csvCell('+1+1')).toBe("'+1+1");
  expect(csvCell('-2+3')).toBe("'-2+3");
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvCell('\tcmd')).toBe("'\tcmd");
  expect(csvCell('\r=1')).toBe(`"'\r=1"`);
});

test('numbers are written as numbers, even negative ones', () => {
  expect(csvCell(-5)).toBe('-5');
  expect(csvCell(1_052_000)).toBe('1052000');
});

test('a cell with a comma, a quote or a line break is quoted, its quotes doubled', () => {
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('two\nlines')).toBe('"two\nlines"');
});

test('Chinese text and the withheld-amount dash pass unchanged', () => {
  expect(csvCell('心血管器械')).toBe('心血管器械');
  expect(csvCell('—')).toBe('—');
});
