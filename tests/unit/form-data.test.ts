import { z } from 'zod';
import { signupInput } from '~/domain';
import { valueAt } from '~/utils/form-values';
import {
  formDataToObject,
  formText,
  MAX_FORM_FIELDS,
  parseInput,
  readForm,
  searchParamsToObject,
} from '~/utils/validation.server';

const form = (body: string) => new URLSearchParams(body) as unknown as FormData;
const post = (body: BodyInit | null, contentType?: string) =>
  new Request('http://localhost/forgot-password', {
    method: 'POST',
    body,
    headers: contentType ? { 'Content-Type': contentType } : {},
  });

/** The error a call throws (or fails the test). */
function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; fieldErrors: Record<string, string[]> };
  }
  throw new Error('expected an error');
}
async function rejected(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return error as { code: string; message: string; fieldErrors: Record<string, string[]> };
  }
  throw new Error('expected an error');
}

const badForm = { code: 'invalid', message: 'errors.badForm', fieldErrors: { _: ['errors.badForm'] } };

const pristine = {
  toString: Object.prototype.toString,
  sort: Array.prototype.sort,
  keys: Object.keys(Object.prototype).length,
};
afterEach(() => {
  // Nothing here may ever leave a trace on the shared prototypes.
  expect(({} as { toString: unknown }).toString).toBe(pristine.toString);
  expect(Object.keys(Object.prototype)).toHaveLength(pristine.keys);
  expect(Array.prototype.sort).toBe(pristine.sort);
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(({} as Record<string, unknown>).sort).toBeUndefined();
});

describe('formDataToObject', () => {
  test('dotted names become nested objects', () => {
    const out = formDataToObject(
      form('email=a@b.cn&organization.name.zh=协和&organization.name.en=PUMC&organization.kind=hospital'),
    );
    expect(JSON.parse(JSON.stringify(out))).toEqual({
      email: 'a@b.cn',
      organization: { name: { zh: '协和', en: 'PUMC' }, kind: 'hospital' },
    });
  });

  test('every object has no prototype', () => {
    const out = formDataToObject(form('a=1&b.c=2'));
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.getPrototypeOf(out.b)).toBeNull();
    expect('toString' in out).toBe(false);
  });

  test('a repeated name keeps its last value', () => {
    expect(formDataToObject(form('a=1&a=2')).a).toBe('2');
  });

  test('files are left out', () => {
    const data = new FormData();
    data.append('name', 'x');
    data.append('file', new File(['content'], 'a.txt'));
    expect({ ...formDataToObject(data) }).toEqual({ name: 'x' });
  });

  test('zod parses the prototype-less objects', () => {
    const schema = z.object({ a: z.string(), b: z.object({ c: z.string() }) });
    expect(schema.parse(formDataToObject(form('a=1&b.c=2')))).toEqual({ a: '1', b: { c: '2' } });
    const parsed = parseInput(
      signupInput,
      formDataToObject(
        form(
          'email=new@example.cn&password=a-long-enough-passphrase-9&name=Li&organization.name.zh=某研究所&organization.kind=hospital',
        ),
      ),
      'en',
    );
    expect(parsed.email).toBe('new@example.cn');
  });

  describe('names that would reach a prototype are refused with a 400', () => {
    // The exact requests, then the other shapes.
    test.each([
      '__proto__.toString=x&email=bad', // POST /forgot-password
      '__proto__.sort=trl_desc&email=operator%40demo.medip.cn&password=x', // POST /login
      'constructor.prototype.x=1&email=bad',
      '__proto__=x',
      '__proto__.__proto__.x=1',
      'a.__proto__.x=1',
      'organization.__proto__.polluted=1',
      'organization.constructor.prototype.polluted=1',
      'prototype.x=1',
      'a.prototype=1',
      'constructor=1',
      'toString.x=1&constructor.name=y',
      'email=ok&__proto__[toString]=x&__proto__.toString=x',
    ])('%s', (body) => {
      expect(thrown(() => formDataToObject(form(body)))).toMatchObject(badForm);
    });

    test('the same through readForm, urlencoded and multipart', async () => {
      expect(
        await rejected(() => readForm(post('__proto__.toString=x&email=bad', 'application/x-www-form-urlencoded'))),
      ).toMatchObject(badForm);
      const data = new FormData();
      data.append('constructor.prototype.x', 'y');
      expect(await rejected(() => readForm(new Request('http://l/', { method: 'POST', body: data })))).toMatchObject(
        badForm,
      );
    });

    test('({}).toString is still Function.prototype.toString afterwards', () => {
      for (const body of ['__proto__.toString=x', 'constructor.prototype.toString=x', '__proto__.sort=trl_desc']) {
        expect(() => formDataToObject(form(body))).toThrow();
      }
      expect({}.toString).toBe(Object.prototype.toString);
      expect(typeof {}.toString).toBe('function');
      expect(String({})).toBe('[object Object]');
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
    });

    test('a lone key spelled like one, but not a segment, is just a field', () => {
      expect({ ...formDataToObject(form('__proto__x=1&myconstructor=2&prototypes.a=3')) }).toMatchObject({
        __proto__x: '1',
        myconstructor: '2',
      });
    });
  });

  describe('a name sent both as a value and as a parent is a 400 field error', () => {
    test.each([
      ['organization=x&organization.name.zh=y', 'organization'],
      ['organization.name.zh=y&organization=x', 'organization'],
      ['organization.name=x&organization.name.zh=y', 'organization.name'],
      ['organization.name.zh=y&organization.name=x', 'organization.name'],
      ['a.b=1&a.b.c.d=2', 'a.b'],
    ])('%s', (body, field) => {
      const error = thrown(() => formDataToObject(form(body)));
      expect(error.code).toBe('invalid');
      expect(error.fieldErrors).toEqual({ [field]: ['validation.fieldConflict'] });
    });
  });

  test('too many fields or too deep a name is refused', () => {
    const many = Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `f${i}=1`).join('&');
    expect(thrown(() => formDataToObject(form(many)))).toMatchObject(badForm);
    expect(thrown(() => formDataToObject(form('a.b.c.d.e.f.g.h.i=1')))).toMatchObject(badForm);
  });
});

describe('formText', () => {
  test('a field sent as text reads as that text, a field not sent as empty', () => {
    const fields = formDataToObject(form('id=65a1b2c3d4e5f60718293a4b&intent='));
    expect(formText(fields, 'id')).toBe('65a1b2c3d4e5f60718293a4b');
    expect(formText(fields, 'intent')).toBe('');
    expect(formText(fields, 'objection')).toBe('');
  });

  test('a field sent only as a group (`id.x=1`) is a field error on its name', () => {
    const error = thrown(() => formText(formDataToObject(form('intent=revoke&id.x=1')), 'id'));
    expect(error).toMatchObject({ code: 'invalid', fieldErrors: { id: ['validation.textExpected'] } });
  });
});

test('posted fields read back for display: the text at a dotted path, a group there as nothing', () => {
  // As the page gets a refused post's fields back: through JSON, with an own `toString` that String() cannot use.
  const sent = JSON.parse('{"patents":{"0":{"number":"CN201510123456.7"}},"amount":{"toString":"x"}}');
  expect(valueAt(sent, 'patents.0.number')).toBe('CN201510123456.7');
  expect(valueAt(sent, 'amount')).toBeUndefined();
  expect(valueAt(sent, 'missing.path')).toBeUndefined();
});

describe('readForm', () => {
  test('reads urlencoded and multipart forms', async () => {
    expect({ ...(await readForm(post('email=a%40b.cn', 'application/x-www-form-urlencoded; charset=UTF-8'))) }).toEqual(
      {
        email: 'a@b.cn',
      },
    );
    const data = new FormData();
    data.append('organization.kind', 'hospital');
    const out = await readForm(new Request('http://l/', { method: 'POST', body: data }));
    expect(JSON.parse(JSON.stringify(out))).toEqual({ organization: { kind: 'hospital' } });
  });

  test.each([
    ['JSON', '{"email":"a@b.cn"}', 'application/json'],
    ['XML', '<email>a@b.cn</email>', 'application/xml'],
    ['plain text', 'email=a@b.cn', 'text/plain'],
    ['no content type', 'email=a@b.cn', undefined],
    ['garbage content type', 'email=a@b.cn', '%%%;;;'],
    [
      'multipart without a boundary',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      'multipart/form-data',
    ],
    [
      'truncated multipart',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
      'multipart/form-data; boundary=x',
    ],
    [
      'multipart with the wrong boundary',
      '--y\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--y--',
      'multipart/form-data; boundary=x',
    ],
    ['garbage bytes as multipart', new Uint8Array([0, 255, 13, 10, 45, 45, 1, 2]), 'multipart/form-data; boundary=--'],
  ])('a body that is not form data (%s) is errors.badForm', async (_what, body, type) => {
    expect(await rejected(() => readForm(post(body as BodyInit, type)))).toMatchObject(badForm);
  });

  test('no body at all is an empty form when typed as one, errors.badForm when not', async () => {
    expect({ ...(await readForm(post(null, 'application/x-www-form-urlencoded'))) }).toEqual({});
    expect(await rejected(() => readForm(new Request('http://l/', { method: 'POST' })))).toMatchObject(badForm);
  });

  test('garbage bytes typed as urlencoded still parse to plain strings', async () => {
    const out = await readForm(
      post(new Uint8Array([0x25, 0xff, 0x3d, 0x00, 0x26, 0x3d]), 'application/x-www-form-urlencoded'),
    );
    for (const value of Object.values(out)) expect(typeof value).toBe('string');
  });
});

test('a query string naming __proto__ twice is a plain key holding both values, the object keeps no prototype', () => {
  const query = searchParamsToObject(new URLSearchParams('__proto__=a&__proto__=b&kind=patent'));
  expect(Object.getPrototypeOf(query)).toBeNull();
  expect(Object.entries(query)).toEqual([
    ['__proto__', ['a', 'b']],
    ['kind', 'patent'],
  ]);
});
