/**
 * `NODE_TLS_REJECT_UNAUTHORIZED=0` turns off certificate checks for every TLS connection of the process (Node reads
 * it when a connection is made: https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue). Then anyone on
 * the path can pose as GitHub and take the token, so crpat refuses to send it rather than obey silently. Pure.
 */

/** Node disables verification only for the exact value `0`. */
export function tlsVerificationDisabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return env['NODE_TLS_REJECT_UNAUTHORIZED'] === '0';
}

/** The one line crpat prints when it refuses (exit 3: nothing was decided). */
export const UNVERIFIED_TLS =
  'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks, so crpat will not send the token over https: unset it (for a private CA, point NODE_EXTRA_CA_CERTS at its certificate instead)';
