import { describe, expect, it } from 'vitest';
import { addMask, annotation, escapeData, escapeProperty, outputEntry, workflowCommand } from '../../../src/action/commands.js';

// The runner's escaping rules (actions/toolkit packages/core/src/command.ts).
describe('workflow commands', () => {
  it('escapes data: % \\r \\n, and nothing else', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
  });

  it('escapes properties: also : and ,', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('formats commands with and without properties', () => {
    expect(workflowCommand('add-mask', {}, 'x')).toBe('::add-mask::x\n');
    expect(annotation('error', 'registry.push', 'refused: 403\nsee docs')).toBe('::error title=registry.push::refused: 403%0Asee docs\n');
    expect(workflowCommand('warning', { title: 'a:b', file: 'x,y' }, 'm')).toBe('::warning title=a%3Ab,file=x%2Cy::m\n');
  });

  it('masks a multi-line value whole and line by line', () => {
    expect(addMask('ghp_abc')).toBe('::add-mask::ghp_abc\n');
    expect(addMask('one\ntwo')).toBe('::add-mask::one%0Atwo\n::add-mask::one\n::add-mask::two\n');
  });

  it('writes GITHUB_OUTPUT entries: name=value for one line, the heredoc form for several', () => {
    expect(outputEntry('verdict', 'pass', 'D')).toBe('verdict=pass\n');
    expect(outputEntry('json', '{\n}', 'ghadelimiter_1')).toBe('json<<ghadelimiter_1\n{\n}\nghadelimiter_1\n');
    expect(() => outputEntry('json', 'a\nghadelimiter_1', 'ghadelimiter_1')).toThrow(/delimiter/);
  });
});
