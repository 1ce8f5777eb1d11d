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
      } finally {
        await handle.close();
      }
    },
  };
}
