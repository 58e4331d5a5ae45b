// fast-check arbitraries from the OpenAPI document's JSON schemas: values a route should accept, and the same
// values bent into what a hostile or careless client sends.
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
};

export type Components = Record<string, JsonSchema>;

const INT32 = 2 ** 31 - 1;

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString());
  if (schema.pattern) {
    const maxLength = schema.maxLength ?? Infinity;
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((value) => value.length <= maxLength && value.length >= (schema.minLength ?? 0));
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = Math.max(
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -INT32),
    -Number.MAX_SAFE_INTEGER,
  );
  const max = Math.min(
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : INT32),
    Number.MAX_SAFE_INTEGER,
  );
  if (integer) return fc.integer({ min: Math.ceil(Math.max(min, -INT32)), max: Math.floor(Math.min(max, INT32)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema describes; `$ref`s are resolved against `components`. */
export function arbitraryOf(schema: JsonSchema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryOf(components[schema.$ref.split('/').pop()!]!, components, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((branch) => arbitraryOf(branch, components, depth)));
  if (schema.allOf) return arbitraryOf(Object.assign({}, ...schema.allOf), components, depth);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const concrete = types.filter((type) => type !== 'null');
  const base =
    concrete.length === 0
      ? fc.jsonValue({ maxDepth: 2 })
      : fc.oneof(...concrete.map((type) => typed(type, schema, components, depth)));
  return types.includes('null') || schema.nullable ? fc.option(base, { nil: null }) : base;
}

function typed(type: string, schema: JsonSchema, components: Components, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(
        schema.items && depth < 4 ? arbitraryOf(schema.items, components, depth + 1) : fc.jsonValue({ maxDepth: 1 }),
        {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        },
      );
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, arbitraryOf(value, components, depth + 1)]),
      );
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** Values no schema of ours accepts where it wants something else: wrong types, edges, and strings meant to hurt. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    2 ** 31,
    2 ** 53,
    -(2 ** 63),
    1e308,
    '',
    ' ',
    '-1',
    '0',
    '9223372036854775808',
    '1e3',
    'NaN',
    '../../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    "' or 1=1; drop table users; --",
    '\u0000',
    '\u202e\u0301\ud83d\ude00',
    '<script>alert(1)</script>',
    '__proto__',
    { __proto__: { polluted: true } },
    { constructor: { prototype: { polluted: true } } },
    [],
    {},
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.nat({ max: 20_000 }).map((length) => 'x'.repeat(length)),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A valid object bent one way: a field made hostile, a required field dropped, or an unknown field added. */
export function bentObject(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid,
      fc.nat(),
      hostileValue,
      fc.constantFrom('replace', 'drop', 'extra'),
      fc.string({ minLength: 1, maxLength: 12 }),
    )
    .map(([value, pick, hostile, how, extraKey]) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return hostile;
      const copy: Record<string, unknown> = { ...value };
      const keys = Object.keys(copy);
      if (how === 'extra' || keys.length === 0) copy[extraKey] = hostile;
      else if (how === 'drop') delete copy[keys[pick % keys.length]!];
      else copy[keys[pick % keys.length]!] = hostile;
      return copy;
    });
}
