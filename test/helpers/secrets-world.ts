import { createDefaultWorld, mintToken, type SimToken, type World } from '../../src/simulator/index.js';

/**
 * The default world plus what the secrets endpoints need: octocat owns the org acme, and three writing credentials
 * (a classic token with `repo` + `admin:org`, monalisa's with the same scopes but no owner role, a fine-grained token
 * with the Secrets permissions on acme/private-app).
 */
export function secretsWorld(now = new Date()): World {
  const world = createDefaultWorld({ now });
  const acme = world.orgs.find((org) => org.login === 'acme');
  if (!acme) throw new Error('no acme in the default world');
  acme.admins = ['octocat'];
  const token = (label: string, kind: SimToken['kind'], user: string, rest: Partial<SimToken>): SimToken => ({
    label,
    value: mintToken(kind, label),
    kind,
    user,
    expiresAt: null,
    ...rest,
  });
  world.tokens.push(
    token('octocat-classic-admin', 'classic', 'octocat', { scopes: ['repo', 'admin:org', 'write:packages'] }),
    token('monalisa-classic-admin-scope', 'classic', 'monalisa', { scopes: ['repo', 'admin:org'] }),
    token('octocat-fine-grained-secrets', 'fine-grained', 'octocat', {
      id: 4_210_009,
      fineGrained: {
        resourceOwner: 'acme',
        repositories: ['acme/private-app'],
        permissions: { metadata: 'read', secrets: 'write', organization_secrets: 'write' },
      },
    }),
  );
  return world;
}
