/** An HTTP answer as any of crpat's clients hands it over (`ApiOutcome` of kind `response` fits). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
