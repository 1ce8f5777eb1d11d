import { expect, it } from 'vitest';
import { renderJson } from '../../../src/report/json.js';
import { FAIL_REPORT } from './fixtures.js';

it('is the report itself, pretty-printed, with one trailing newline', () => {
  const text = renderJson(FAIL_REPORT);
  expect(JSON.parse(text)).toEqual(FAIL_REPORT);
  expect(text).toBe(`${JSON.stringify(FAIL_REPORT, null, 2)}\n`);
  expect(text.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
});

it('escapes DEL, the C1 controls and U+2028/U+2029 that JSON.stringify leaves raw (issue 11)', () => {
  const hostile = { ...FAIL_REPORT, token: { ...FAIL_REPORT.token, login: 'oct\u009b31m\u0085cat\u007f\u2028' } };
  const text = renderJson(hostile);
  expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
  expect(text).toContain('"login": "oct\\u009b31m\\u0085cat\\u007f\\u2028"');
  expect(JSON.parse(text)).toEqual(hostile);
});
