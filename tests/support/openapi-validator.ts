// Validates values against the schemas of an OpenAPI 3.1 document, found by JSON pointer, with ajv (draft 2020-12,
// the dialect of OpenAPI 3.1) and its formats, so that `uuid` and `date-time` are checked too.
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

/** The JSON pointer of these keys: `pointer('paths', '/api/v1/homes/')` is `/paths/~1api~1v1~1homes~1`. */
export function pointer(...keys: string[]): string {
  return keys.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A function that lists what is wrong with a value under the schema at `schema` (a pointer); empty when valid. */
export function schemaValidator(document: object): (schema: string, value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its default export is the module object, whose default is the plugin.
  (formats as unknown as { default: (ajv: Ajv2020) => void }).default(ajv);
  // An upload's file part: a string of bytes, not a format a JSON value can have.
  ajv.addFormat('binary', true);
  ajv.addSchema({ ...document, $id: 'openapi.json' });
  return (schema, value) => {
    const validate = ajv.getSchema(`openapi.json#${schema}`);
    if (!validate) throw new Error(`no schema at ${schema}`);
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  };
}
