import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GUIDE } from '../../src/checks/guide.js';

/** The guide as shipped: GUIDE is repository-relative, so it is read from the repository root. */
export const GUIDE_FILE = fileURLToPath(new URL(`../../${GUIDE}`, import.meta.url));

export function guideText(): string {
  return readFileSync(GUIDE_FILE, 'utf8');
}

/** Every explicit anchor (`<a id="…"></a>`) of the guide, in order, duplicates kept. */
export function guideAnchors(text = guideText()): string[] {
  return [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] ?? '');
}

const GUIDE_LINE = /^Guide: crpat guide ([a-z0-9-]+)$/;

/** The anchors of a finding's `Guide:` detail lines. */
export function guideLinesOf(details: readonly string[]): string[] {
  return details.flatMap((detail) => {
    const anchor = GUIDE_LINE.exec(detail)?.[1];
    return anchor === undefined ? [] : [anchor];
  });
}
