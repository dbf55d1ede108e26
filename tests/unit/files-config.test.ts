import { ConfigError, parseConfig } from '../../server/config.ts';
import { cleanFileName } from '../../server/files/uploads.ts';

const configLines = (env: Record<string, string>) => {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).lines;
  }
};

test('uploads default to local storage and a 20 MB limit', () => {
  const config = parseConfig({});
  expect(config.MAX_UPLOAD_MB).toBe(20);
  expect(config.S3_BUCKET).toBeUndefined();
  expect(config.S3_REGION).toBe('us-east-1');
});

test('MAX_UPLOAD_MB must be a positive number', () => {
  expect(parseConfig({ MAX_UPLOAD_MB: '2.5' }).MAX_UPLOAD_MB).toBe(2.5);
  for (const value of ['0', '-1', 'lots']) {
    expect(configLines({ MAX_UPLOAD_MB: value })).toEqual([
      `MAX_UPLOAD_MB must be a positive number of megabytes (got "${value}")`,
    ]);
  }
});

test('the S3 key id and secret must be set together, and the secret is never echoed', () => {
  expect(configLines({ S3_BUCKET: 'medip-files', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' })).toEqual([
    'S3_SECRET_ACCESS_KEY must be set together with the other S3_ key variable',
  ]);
  const lines = configLines({ S3_BUCKET: 'Bad_Bucket', S3_SECRET_ACCESS_KEY: 'hunter2-secret' });
  expect(lines).toContain('S3_ACCESS_KEY_ID must be set together with the other S3_ key variable');
  expect(lines.join('\n')).not.toContain('hunter2-secret');
});

test('S3 settings without S3_BUCKET are refused rather than silently ignored', () => {
  expect(configLines({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toEqual([
    'S3_ENDPOINT only apply to S3 storage; set S3_BUCKET or unset them',
  ]);
});

test('S3_BUCKET must be a bucket name and S3_ENDPOINT a URL', () => {
  expect(configLines({ S3_BUCKET: 'Not A Bucket' })[0]).toMatch(/^S3_BUCKET must be a bucket name/);
  expect(configLines({ S3_BUCKET: 'medip-files', S3_ENDPOINT: 'minio:9000' })[0]).toMatch(/^S3_ENDPOINT must be a URL/);
});

test('S3_FORCE_PATH_STYLE is left unset unless given, and accepts the usual flag spellings', () => {
  expect(parseConfig({ S3_BUCKET: 'medip-files' }).S3_FORCE_PATH_STYLE).toBeUndefined();
  expect(parseConfig({ S3_BUCKET: 'medip-files', S3_FORCE_PATH_STYLE: 'off' }).S3_FORCE_PATH_STYLE).toBe(false);
});

test('a stored file name keeps no path, control or text-direction characters', () => {
  expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  expect(cleanFileName('C:\\Users\\李雷\\专利说明书.pdf')).toBe('专利说明书.pdf');
  expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  expect(cleanFileName('two\nlines\t.pdf')).toBe('two lines .pdf');
  expect(cleanFileName('...')).toBe('file');
  expect(cleanFileName('a'.repeat(300) + '.pdf')).toBe('a'.repeat(200));
});
