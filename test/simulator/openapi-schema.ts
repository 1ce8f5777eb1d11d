import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

// The same guard as openapi.test.ts, as a helper: validate a body against a schema of GitHub's OpenAPI description
// (@octokit/openapi api.github.com.json).

type Json = Record<string, unknown>;
const specPath = join(dirname(createRequire(import.meta.url).resolve('@octokit/openapi/package.json')), 'generated', 'api.github.com.json');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { paths: Json; components: Json };
const SPEC_ID = 'https://api.github.com/openapi.json';

const ajv = new Ajv({ strict: false, allErrors: true });
formats.default(ajv);
ajv.addSchema({ $id: SPEC_ID, components: spec.components });
const validators = new Map<string, ValidateFunction>();

/** The `$ref` GitHub documents for a response (`content.application/json.schema.$ref`). */
export function responseSchemaRef(path: string, method: string, status: string): string {
  const operation = (spec.paths[path] as Json)[method] as { responses: Record<string, Json> };
  const response = operation.responses[status];
  if (!response) throw new Error(`${method.toUpperCase()} ${path} documents no ${status}`);
  const schema = ((response['content'] as Json)['application/json'] as Json)['schema'] as Json;
  return schema['$ref'] as string;
}

/** The JSON schema of a request body, with `$ref`s resolvable. */
export function requestSchema(path: string, method: string): Json {
  const operation = (spec.paths[path] as Json)[method] as { requestBody: Json };
  return ((operation.requestBody['content'] as Json)['application/json'] as Json)['schema'] as Json;
}

/** null when `body` matches the schema at `ref` (e.g. `#/components/schemas/basic-error`), else ajv's errors. */
export function schemaErrors(ref: string, body: unknown): string | null {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: `${SPEC_ID}${ref}` });
    validators.set(ref, validate);
  }
  return validate(body) ? null : ajv.errorsText(validate.errors);
}

/** null when `body` matches an inline schema, else ajv's errors. */
export function inlineSchemaErrors(schema: Json, body: unknown): string | null {
  const validate = ajv.compile(schema);
  return validate(body) ? null : ajv.errorsText(validate.errors);
}

/** The node of the OpenAPI description at `path` (keys from the root). */
export function specAt(path: string[]): Json {
  return path.reduce<Json>((node, key) => node[key] as Json, spec as unknown as Json);
}
