import type { SettingWords } from '../settings.js';

/** The CLI names a setting by its flag: `Check the host name (--api-url)`, `pass --registry http://host:port`. */
export const FLAG_WORDS: SettingWords = {
  names: { apiUrl: '--api-url', registry: '--registry', timeout: '--timeout', image: '--image', trace: '--trace crpat-trace.json' },
  give: (name, value) => `pass ${name} ${value}`,
};
