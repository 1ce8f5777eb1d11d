import { err, ok, type Result } from '../result.js';
import { looksLikeToken } from '../token/looks-like-token.js';
import type { RepoTarget } from '../types.js';
import { tokenAsName, unsafeTextReason } from './unsafe-text.js';

/** The image a push would go to. */
export interface ImageTarget {
  /** `owner/image`, lower-cased, as the registry path. */
  path: string;
  /** `ghcr.io/owner/image`. */
  reference: string;
  /** The reference as it would have been before lower-casing, when lower-casing changed it. */
  loweredFrom: string | null;
}

// OCI name grammar for one or more path components (ledger ghcr §3.1), lower case only.
const IMAGE_NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

/** The image `image` (default: the repository's name) of `target` on `registryHost`, or why it cannot be one. Pure. */
export function parseImageTarget(target: RepoTarget, image: string | undefined, registryHost: string): Result<ImageTarget> {
  const name = image ?? target.name;
  if (name.split('/').some(looksLikeToken)) return err(tokenAsName('image name'));
  // Never echo a control character (a terminal escape) or a look-alike letter back; name what is wrong instead.
  const unsafe = unsafeTextReason(name, 'image name', 'use lower-case letters, digits and . _ -');
  if (unsafe) return err(unsafe);
  const given = `${target.owner}/${name}`;
  const path = given.toLowerCase();
  if (!IMAGE_NAME.test(path)) return err(`"${name}" cannot be a container image name: use lower-case letters, digits, and . _ - separators`);
  return ok({ path, reference: `${registryHost}/${path}`, loweredFrom: path === given ? null : `${registryHost}/${given}` });
}
