import { afterEach, expect, test } from 'vitest';
import { regionValues } from '../../app/components/search-facets';

// The server renders the region facet and the browser hydrates it: both must
// list it in one order, whatever each one's default collation (Node's is the
// server's locale, Chromium's the reader's), or hydration fails and a click
// made meanwhile is lost.

const localeCompare = String.prototype.localeCompare;
afterEach(() => {
  String.prototype.localeCompare = localeCompare;
});

test('regions with as many results go by code point, the same under any default collation', () => {
  const counts = { 江苏: 2, 上海: 2, 北京: 3, 广东: 0 };
  const expected = ['北京', '上海', '江苏'];
  expect(regionValues(counts, [])).toEqual(expected);
  // A reader's browser in Chinese collates by pinyin (江苏 before 上海): the order must not follow it.
  const pinyin = new Intl.Collator('zh-CN');
  String.prototype.localeCompare = function (that: string) {
    return pinyin.compare(String(this), that);
  };
  expect(regionValues(counts, [])).toEqual(expected);
});

test('regions already chosen stay listed first even without results', () => {
  expect(regionValues({ 上海: 1 }, ['广东'])).toEqual(['广东', '上海']);
});
