import en from '../../app/locales/en.json';
import zhCN from '../../app/locales/zh-CN.json';
import * as vocabulary from '../../server/vocabulary.ts';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));

test('both languages have exactly the same keys, none empty', () => {
  expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  for (const tree of [en, zhCN] as Tree[]) {
    for (const key of keys(tree)) expect(key.split('.').reduce<unknown>((t, k) => (t as Tree)[k], tree)).not.toBe('');
  }
});

test.each([
  ['categories', vocabulary.CATEGORIES],
  ['kinds', vocabulary.LISTING_KINDS],
  ['stages', vocabulary.STAGES],
  ['dealTypes', vocabulary.DEAL_TYPES],
  ['statuses', vocabulary.LISTING_STATUSES],
  ['orgKinds', vocabulary.ORGANIZATION_KINDS],
  ['nmpaClasses', vocabulary.NMPA_CLASSES],
  ['fda', vocabulary.FDA_STATUSES],
  ['ce', vocabulary.CE_STATUSES],
  ['patentTypes', vocabulary.PATENT_TYPES],
  ['patentStatuses', vocabulary.PATENT_STATUSES],
])('every %s key has a label in both languages', (section, values) => {
  for (const tree of [en, zhCN] as Tree[]) {
    expect(Object.keys(tree[section] as Tree).sort()).toEqual([...values].sort());
  }
});

test('the category labels are the ones the alliance publishes', () => {
  expect(zhCN.categories.medical_acoustics).toBe('医用声学（超声）');
  expect(en.categories.ivd_molecular).toBe('In-vitro and molecular diagnostics');
});
