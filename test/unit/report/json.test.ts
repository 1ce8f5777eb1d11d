import { expect, it } from 'vitest';
import { renderJson } from '../../../src/report/json.js';
import { FAIL_REPORT } from './fixtures.js';

it('is the report itself, pretty-printed, with one trailing newline', () => {
  const text = renderJson(FAIL_REPORT);
  expect(JSON.parse(text)).toEqual(FAIL_REPORT);
  expect(text).toBe(`${JSON.stringify(FAIL_REPORT, null, 2)}\n`);
  expect(text.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
});
