import { describe, expect, it } from 'vitest';
import { eraseAbove } from '../../../src/cli/progress.js';
import { createTransientLines } from '../../../src/cli/transient-lines.js';
import { BufferStream } from '../../helpers/io.js';

describe('createTransientLines', () => {
  it('transient: clear() moves up over every row written (long lines count their wrapped rows) and erases down', () => {
    const stream = new BufferStream(true, 20);
    const lines = createTransientLines({ stream, transient: true, columns: 20 });
    lines.write('\u001b[32m✔\u001b[39m acme/api  can push'); // 20 visible: one row
    lines.write('x'.repeat(41)); // three rows
    lines.write('a\n  b'); // two
    lines.clear();
    expect(stream.text().endsWith(eraseAbove(6))).toBe(true);
    const before = stream.text();
    lines.clear();
    expect(stream.text()).toBe(before); // nothing new to erase
  });

  it('not transient: the lines stay', () => {
    const stream = new BufferStream(false, 0);
    const lines = createTransientLines({ stream, transient: false, columns: 0 });
    lines.write('✖ acme/web  cannot push: 1 problem');
    lines.clear();
    expect(stream.text()).toBe('✖ acme/web  cannot push: 1 problem\n');
  });
});
