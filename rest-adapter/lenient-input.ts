// What real REST clients send, read as they mean it. A Java plugin (Jackson) writes `null` for a field it does not
// set; a dashboard's form sends `?search=` for a filter left blank. Both mean "not given": a null is dropped where
// the field is optional and has no meaning for null, and a blank query parameter is dropped everywhere.
import type { z } from 'zod';

/** How a field's schema treats absence and null, looking through its wrappers. */
interface FieldShape {
  optional: boolean;
  nullable: boolean;
  /** The schema inside the wrappers, where nested objects and arrays are found. */
  inner: z.core.$ZodType;
}

type Def = z.core.$ZodTypeDef & {
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  getter?: () => z.core.$ZodType;
};

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as Def;
}

function unwrap(schema: z.core.$ZodType): FieldShape {
  let optional = false;
  let nullable = false;
  let current = schema;
  for (let depth = 0; depth < 16; depth++) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type === 'pipe' && def.in) {
      current = def.in;
      continue;
    } else if (def.type === 'lazy' && def.getter) {
      current = def.getter();
      continue;
    } else if (def.type !== 'readonly' && def.type !== 'catch' && def.type !== 'nonoptional') break;
    if (!def.innerType) break;
    current = def.innerType;
  }
  return { optional, nullable, inner: current };
}

/** The union branch a value is meant for: the array branch for an array, an object branch for an object. */
function branchFor(options: z.core.$ZodType[], value: unknown): z.core.$ZodType | null {
  const wanted = Array.isArray(value) ? 'array' : typeof value === 'object' && value !== null ? 'object' : null;
  return options.find((option) => defOf(unwrap(option).inner).type === wanted) ?? null;
}

/** `value` with every null that means "not given" removed, following `schema` into nested objects and arrays. */
export function withoutAbsentNulls(schema: z.core.$ZodType, value: unknown): unknown {
  const { inner } = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'union' && def.options) {
    const branch = branchFor(def.options, value);
    return branch ? withoutAbsentNulls(branch, value) : value;
  }
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    return value.map((item) => withoutAbsentNulls(element, item));
  }
  if (def.type !== 'object' || !def.shape || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  // Own keys only, and rebuilt with fromEntries: a `__proto__` key stays a plain key for the schema to refuse.
  const kept: [string, unknown][] = [];
  for (const [key, field] of Object.entries(value)) {
    const fieldSchema = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    if (!fieldSchema) {
      kept.push([key, field]);
      continue;
    }
    const shape = unwrap(fieldSchema);
    if (field === null && shape.optional && !shape.nullable) continue;
    kept.push([key, withoutAbsentNulls(fieldSchema, field)]);
  }
  return Object.fromEntries(kept);
}

/** Query parameters without the blank ones: `?search=&limit=` is the same request as no parameters at all. */
export function withoutBlankParameters(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}
