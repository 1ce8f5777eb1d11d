/**
 * The settings a finding may send the user to: the API's address, the registry's, and the per-request timeout. A
 * finding names them as values; each shell words them its own way, because each offers them under its own names
 * (the CLI as flags, the Action as inputs, the library as options).
 */
export type Setting = 'apiUrl' | 'registry' | 'timeout' | 'image' | 'trace';

/** How one shell names its settings. */
export interface SettingWords {
  /**
   * `--api-url`, `the api-url input`, `the apiUrl option`; null where the shell has no such setting. `trace` is how to
   * record a trace of the run (the library records none: its words send the user to the CLI).
   */
  names: { apiUrl: string; registry: string; timeout: string | null; image: string; trace: string | null };
  /** The instruction to give a setting a value: `pass --registry http://host:port`. */
  give(name: string, value: string): string;
}

/** The library's words: its options (`checkToken({ apiUrl, registry, timeoutSeconds })`). */
export const OPTION_WORDS: SettingWords = {
  names: { apiUrl: 'the apiUrl option', registry: 'the registry option', timeout: 'the timeoutSeconds option', image: 'the image option', trace: null },
  give: (name, value) => `set ${name} to ${value}`,
};

/**
 * The longest per-request timeout, in seconds (`--timeout`, `timeoutSeconds`). An hour is more than any answer needs;
 * far beyond it the run's deadline (3 × the timeout) leaves the range of Node's timers (AbortSignal.timeout takes at
 * most 2^32 - 1 ms), which crashed the run with "internal error".
 */
export const MAX_TIMEOUT_SECONDS = 3600;
