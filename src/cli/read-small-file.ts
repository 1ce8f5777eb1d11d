import { constants, type FileHandle, open } from 'node:fs/promises';

/** Why a file that opened is not read: a directory (`EISDIR`), not a regular file, or over the limit. */
export class SmallFileError extends Error {
  override readonly name = 'SmallFileError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8, streaming: a FIFO, a device (`/dev/zero`) or a directory is
 * refused before a byte is read, and reading stops one chunk past the limit, so a 400 MB file costs no more memory
 * than the limit. Opened non-blocking, so a FIFO without a writer cannot hang the open. Hand-written: fs.readFile
 * reads everything before anyone can look at the size.
 */
export async function readSmallTextFile(path: string, maxBytes: number): Promise<string> {
  // An open that fails rejects with the system's error (ENOENT, EACCES, ...), as fs.readFile would.
  const file: FileHandle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await file.stat();
    if (stat.isDirectory()) throw new SmallFileError('EISDIR', 'it is a directory');
    if (!stat.isFile()) throw new SmallFileError('ENOTREGULAR', 'it is not a regular file (a pipe, device or socket); pass a file');
    if (stat.size > maxBytes) throw new SmallFileError('ETOOBIG', tooBig(maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      // The file may grow after stat: the limit holds for what is read, not what was announced.
      if (total > maxBytes) throw new SmallFileError('ETOOBIG', tooBig(maxBytes));
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await file.close();
  }
}

function tooBig(maxBytes: number): string {
  return `it is larger than ${maxBytes / 1024} KiB`;
}
