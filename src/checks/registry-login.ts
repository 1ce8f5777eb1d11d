import { netSentence } from '../http/net-error.js';
import type { LoginOutcome } from '../registry/types.js';
import type { TokenShape } from '../token/recognize.js';
import type { Finding } from '../types.js';
import { classicTokenLink } from '../capabilities/links.js';
import { describeRefusal } from './registry-refusal.js';
import { guideLine } from './guide.js';
import { type Check, finding, type Links, linksOf } from './types.js';

/** The registry's token service: ghcr answers 403 DENIED "denied" to a bad credential (facts ghcr §1.3). */
export function judgeRegistryLogin(login: LoginOutcome, shape: TokenShape, registryHost: string, links: Links): Finding {
  const id = 'registry.login';
  switch (login.kind) {
    case 'token':
      return finding(id, 'pass', `${registryHost} accepts the credentials and issued a registry token.`);
    case 'anonymous':
      return finding(id, 'pass', `${registryHost} asks for no credentials.`);
    case 'refused': {
      const why =
        shape.kind === 'fine-grained'
          ? 'GitHub Packages does not accept fine-grained tokens'
          : 'the token is invalid, expired or revoked, or of a kind the registry does not accept';
      return finding(
        id,
        'fail',
        `${registryHost} refused the credentials (${describeRefusal(login.refusal)}): ${why}.`,
        `Create a classic token with write:packages: ${classicTokenLink(links.target, links.profile)}`,
        [guideLine(shape.kind === 'fine-grained' ? 'not-fine-grained' : 'create-token')],
      );
    }
    case 'realm-refused':
      return finding(
        id,
        'error',
        `Did not log in to ${registryHost}: ${login.reason}. Check --registry: a registry whose token service is on another origin (host, port or scheme) is not supported.`,
      );
    case 'unexpected':
      return finding(id, 'error', `Could not log in to ${registryHost}: ${login.reason}. Try again in a few minutes; if it keeps happening, check --registry.`);
    case 'network':
      return finding(id, 'error', `Could not reach ${registryHost}'s token service: ${netSentence(login.error, '--registry')}`);
  }
}

export const registryLogin: Check = {
  id: 'registry.login',
  title: 'Registry login',
  run: async (e) => judgeRegistryLogin(await e.login, e.shape, e.registryHost, linksOf(e)),
};
