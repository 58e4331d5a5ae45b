// The OpenAPI document's examples, read as Swagger UI and generated clients read them: every example validates
// against its own schema (a parameter's, the request body's, the response's of its status), every body and every
// answer has one, each error example is of its own status, and no timestamp is one a schema faker would make.
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '#src/errors.ts';
import { pointer, schemaValidator } from '../support/openapi-validator.ts';
import { request, useTestServer } from '../support/server.ts';

const server = useTestServer();
let document: any;
beforeAll(async () => {
  document = (await request(server, 'GET', '/openapi.json')).body;
});

interface Example {
  where: string;
  /** A JSON pointer into the document to the schema the value must satisfy. */
  schema: string;
  value: unknown;
  /** The response status the example answers with; none for a request. */
  status?: string;
}

function examplesOfMedia(media: any, where: string, schema: string, status?: string): Example[] {
  const found: Example[] = [];
  if (media.example !== undefined) found.push({ where, schema, value: media.example, status });
  for (const [name, example] of Object.entries<any>(media.examples ?? {}))
    found.push({ where: `${where} (${name})`, schema, value: example.value, status });
  return found;
}

function everyExample(): Example[] {
  const found: Example[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      const at = (...keys: string[]) => pointer('paths', path, method, ...keys);
      const name = `${method.toUpperCase()} ${path}`;
      (operation.parameters ?? []).forEach((parameter: any, index: number) => {
        if (parameter.example !== undefined)
          found.push({
            where: `${name} ${parameter.name}`,
            schema: at('parameters', String(index), 'schema'),
            value: parameter.example,
          });
      });
      const body = operation.requestBody?.content?.['application/json'];
      if (body)
        found.push(
          ...examplesOfMedia(body, `${name} body`, at('requestBody', 'content', 'application/json', 'schema')),
        );
      for (const [status, response] of Object.entries<any>(operation.responses)) {
        const media = response.content?.['application/json'];
        if (media)
          found.push(
            ...examplesOfMedia(
              media,
              `${name} ${status}`,
              at('responses', status, 'content', 'application/json', 'schema'),
              status,
            ),
          );
      }
    }
  }
  return found;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the examples of the OpenAPI document', () => {
  it('each validate against the schema they stand beside', () => {
    const validate = schemaValidator(document);
    const examples = everyExample();
    expect(examples.length).toBeGreaterThan(300);
    const invalid = examples
      .map((example) => ({ where: example.where, errors: validate(example.schema, example.value) }))
      .filter((result) => result.errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('are given for every JSON body and every JSON answer of the APIs', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        const body = operation.requestBody?.content?.['application/json'];
        if (body && body.example === undefined) missing.push(`${name} body`);
        for (const [status, response] of Object.entries<any>(operation.responses)) {
          const media = response.content?.['application/json'];
          if (media && media.example === undefined && Object.keys(media.examples ?? {}).length === 0)
            missing.push(`${name} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("answer each error status with that status's own codes, not validation_error for all", () => {
    const misfiled = everyExample()
      .filter((example) => example.status && Number(example.status) >= 400)
      .filter((example) => {
        const code = (example.value as { code?: keyof typeof errorCodes }).code;
        return code !== undefined && String(errorCodes[code].status) !== example.status;
      })
      .map((example) => example.where);
    expect(misfiled).toEqual([]);
    const homes = document.paths['/api/v1/homes/'].put.responses;
    expect(Object.values<any>(homes['409'].content['application/json'].examples).map((e) => e.value)).toEqual([
      {
        message: 'Home limit exceeded. Maximum 5 homes allowed.',
        code: 'limit_exceeded',
        details: { player_uuid: expect.any(String), current_count: 5, max_homes: 5 },
      },
    ]);
  });

  it("send Try it out's homes body with room for the home, and real timestamps only", () => {
    const upsert = document.paths['/api/v1/homes/'].put.requestBody.content['application/json'].example;
    expect(upsert.max_homes).toBeGreaterThan(0);
    const timestamps = everyExample()
      .flatMap((example) => strings(example.value))
      .filter((value) => /^\d{4,}-\d\d-\d\dT/.test(value));
    expect(timestamps.length).toBeGreaterThan(0);
    expect(timestamps.filter((value) => !/^20[2-3]\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/.test(value))).toEqual([]);
  });
});
