import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSmallTextFile } from '../../../src/cli/read-small-file.js';
import { runCli } from '../../helpers/cli.js';

// --repos-file: a regular file, read up to a limit; anything else refused before it is read (issue 11). Real files,
// a real FIFO and /dev/zero.

const LIMIT = 256 * 1024;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crpat-small-file-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('readSmallTextFile', () => {
  it('reads a small regular file as UTF-8', async () => {
    const path = join(dir, 'repos.txt');
    await writeFile(path, 'acme/api\n# ünïcode comment\n');
    expect(await readSmallTextFile(path, LIMIT)).toBe('acme/api\n# ünïcode comment\n');
  });

  it('refuses a 400 MB file without reading it into memory', async () => {
    const path = join(dir, 'huge.txt');
    const file = await open(path, 'w');
    await file.truncate(400 * 1024 * 1024); // sparse: costs no disk
    await file.close();
    const before = process.memoryUsage().rss;
    await expect(readSmallTextFile(path, LIMIT)).rejects.toMatchObject({ code: 'ETOOBIG', message: 'it is larger than 256 KiB' });
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses /dev/zero (endless, and not a regular file)', async () => {
    await expect(readSmallTextFile('/dev/zero', LIMIT)).rejects.toMatchObject({ code: 'ENOTREGULAR' });
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const path = join(dir, 'fifo');
    execFileSync('mkfifo', [path]);
    await expect(readSmallTextFile(path, LIMIT)).rejects.toMatchObject({ code: 'ENOTREGULAR' });
  });

  it('a directory and a missing file keep their errno', async () => {
    await expect(readSmallTextFile(dir, LIMIT)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(readSmallTextFile(join(dir, 'nope'), LIMIT)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('crpat --repos-file (the built binary)', () => {
  it.each([
    ['/dev/zero', /^crpat: --repos-file \/dev\/zero: it is not a regular file/],
    ['(a 400 MB file)', /: it is larger than 256 KiB/],
  ])('%s → exit 2 at once, one line', async (given, want) => {
    let path = given;
    if (given.startsWith('(')) {
      path = join(dir, 'big.txt');
      const file = await open(path, 'w');
      await file.truncate(400 * 1024 * 1024);
      await file.close();
    }
    // A small heap: reading the whole file first (as fs.readFile did) would not fit in it.
    const result = await runCli(['--repos-file', path], { env: { CR_PAT: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB', NODE_OPTIONS: '--max-old-space-size=48' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(want);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  }, 20_000);
});
