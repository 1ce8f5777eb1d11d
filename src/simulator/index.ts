/**
 * A faithful fake of the api.github.com endpoints crpat calls and of ghcr.io's registry side, on real `node:http`
 * servers on 127.0.0.1. Behaviour comes from docs/github-behaviour.md and the public sources it lists; `crpat demo` and the
 * tests run against it.
 */
export { startSimulator, type Simulator, type StartSimulatorOptions } from './start-simulator.js';
export type { RegistryTokenClaims, RegistryAccess } from './registry-jwt.js';
export { createRegistryTokenSigner, type RegistryTokenSigner, type RegistryTokenSignerOptions } from './registry-jwt.js';
export type { OpenUpload, RecordedRequest, RegistryMode } from './state.js';
export type { SimSecret } from './secrets-state.js';
export type { Fault } from './http/fault-spec.js';
export { createDefaultWorld } from './default-world.js';
export { SCENARIOS, scenarioByName, type Scenario } from './scenarios.js';
export { mintToken, mistypeToken } from './tokens.js';
export { tokenValue } from './world.js';
export type {
  Account,
  FineGrainedGrant,
  InstallationGrant,
  Role,
  SimOrg,
  SimPackage,
  SimRepo,
  SimToken,
  SimTokenKind,
  SimUser,
  StrangerToken,
  World,
} from './world.js';
export { GHCR as GHCR_MESSAGES, REST as REST_MESSAGES } from './messages.js';
