import type { TokenShape } from '../token/recognize.js';
import type { Finding } from '../types.js';
import { aOrAn } from '../a-or-an.js';
import { classicTokenLink } from '../capabilities/links.js';
import { guideLine } from './guide.js';
import { type Check, finding, type Links, linksOf } from './check.js';

/** Offline: the kind from the prefix, the shape and the built-in checksum (ledger github-api §1). */
export function judgeTokenFormat(shape: TokenShape, links: Links): Finding {
  const id = 'token.format';
  const create = classicTokenLink(links.target, links.profile);
  if (shape.problem?.code === 'checksum') {
    return finding(
      id,
      'fail',
      `The ${shape.label}'s checksum does not match: it was mistyped or cut short (GitHub would answer only "Bad credentials").`,
      `Copy the whole token again from where you saved it; if it is lost, create a new one: ${create}`,
      [guideLine('create-token')],
    );
  }
  if (shape.problem) {
    return finding(
      id,
      'fail',
      // The recogniser's message is a whole sentence that says what is wrong (issue 14: it was repeated inside a prefix).
      shape.problem.message,
      `Paste the token exactly as GitHub showed it (it starts with ghp_ for a classic token). To make one: ${create}`,
      [guideLine('create-token')],
    );
  }
  if (shape.kind === 'refresh') {
    return finding(id, 'warn', `This is a ${shape.label}: it only obtains new access tokens and cannot log in to a registry.`, `Use a classic personal access token instead: ${create}`);
  }
  const checksum = shape.checksum === 'valid' ? ', checksum matches' : '';
  return finding(id, 'pass', `Recognised ${aOrAn(shape.label)}${checksum}.`);
}

export const tokenFormat: Check = {
  id: 'token.format',
  title: 'Token format',
  run: async (evidence) => judgeTokenFormat(evidence.shape, linksOf(evidence)),
};
