import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/trace/parse.js';

const field = readFileSync(join(import.meta.dirname, '../../field/classic-without-write-packages.json'), 'utf8');

describe('parseTrace', () => {
  it('reads a trace', () => {
    const parsed = parseTrace(field);
    expect(parsed.ok && parsed.value.exchanges.length).toBe(4);
  });

  it.each([
    ['not json', 'it is not JSON (a trace is the JSON document crpat check --trace writes)'],
    ['{"crpatTrace":2}', 'it is not a crpat trace (no "crpatTrace": 1 at its top)'],
  ])('%s → one sentence', (text, reason) => {
    expect(parseTrace(text)).toEqual({ ok: false, reason });
  });

  it('names the first wrong exchange', () => {
    const trace = JSON.parse(field) as { exchanges: Record<string, unknown>[] };
    trace.exchanges[1]!['status'] = 42;
    expect(parseTrace(JSON.stringify(trace))).toEqual({ ok: false, reason: 'exchange #2 has a status that is not an HTTP status' });
    trace.exchanges[1]!['status'] = null;
    expect(parseTrace(JSON.stringify(trace))).toEqual({ ok: false, reason: 'exchange #2 has neither a status nor an error' });
  });
});
