import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args.js';
import { UsageError } from '../../../src/errors.js';

describe('crpat workflow arguments', () => {
  it.each([
    [['workflow'], { command: 'workflow', flags: {} }],
    [['workflow', 'a.yml', 'ci/'], { command: 'workflow', flags: { files: ['a.yml', 'ci/'] } }],
    [['workflow', '--check', '--json', '--repo', 'acme/api'], { command: 'workflow', flags: { check: true, json: true, repo: 'acme/api' } }],
    [['workflow', '--token-stdin', '--api-url', 'http://127.0.0.1:1', '--timeout', '3', '--no-color'], { command: 'workflow', flags: { tokenStdin: true, apiUrl: 'http://127.0.0.1:1', timeout: 3, color: false } }],
    [['workflow', 'init'], { command: 'workflow-init', flags: {} }],
    [['workflow', 'init', '--force'], { command: 'workflow-init', flags: { force: true } }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [['workflow', '--token', 'x'], '--token is refused'],
    [['workflow', '--image', 'x'], "unknown option '--image'"],
    [['workflow', 'init', 'extra'], 'unexpected argument'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
