import { open } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { IO } from '../io/io.js';
import { renderTrace } from '../trace/document.js';
import type { TraceDocument } from '../trace/format.js';

/** Where `--trace` goes: a file opened before anything is sent (a bad path costs nothing), or stdout for `-`. */
export interface TraceOutput {
  /** True for `--trace -`: the trace takes stdout, so the report goes to stderr. */
  toStdout: boolean;
  write(trace: TraceDocument): Promise<void>;
}

export async function openTraceOutput(path: string, io: IO): Promise<TraceOutput> {
  if (path === '-') return { toStdout: true, write: async (trace) => void io.stdout.write(renderTrace(trace)) };
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'w', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'it cannot be written';
    throw new UsageError(`--trace ${path}: ${why}`);
  }
  return {
    toStdout: false,
    write: async (trace) => {
      try {
        await handle.writeFile(renderTrace(trace), 'utf8');
      } catch (error) {
        // The check is done by now: its report and exit code stand; only the trace is lost, and that is said once.
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EDQUOT' ? 'the disk quota is used up' : `${code ?? 'a write error'}`;
        io.stderr.write(`crpat: --trace ${path}: the trace could not be written (${why})\n`);
      } finally {
        await handle.close();
      }
    },
  };
}
