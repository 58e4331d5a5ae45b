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
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
};

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as Def;
}

// Only the wrappers the route schemas put around a field: none of them wraps an optional field in a pipe (a
// transform's input), lazy, catch, readonly, prefault or nonoptional, so none of those is looked through.
function unwrap(schema: z.core.$ZodType): FieldShape {
  let optional = false;
  let nullable = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else return { optional, nullable, inner: current };
    current = def.innerType!;
  }
}

/**
 * What a schema asks of a value, worked out once per schema: which keys drop a null, and where nested objects, arrays
 * and unions are. `null` is a leaf (a string, a number, an array of those): nothing inside it is walked.
 */
type Plan =
  | { kind: 'object'; droppable: string[]; children: [string, Plan][] }
  | { kind: 'array'; element: Plan }
  | { kind: 'union'; array: Plan | null; object: Plan | null };

const plans = new WeakMap<z.core.$ZodType, Plan | null>();

function planOf(schema: z.core.$ZodType): Plan | null {
  if (plans.has(schema)) return plans.get(schema)!;
  const plan = makePlan(unwrap(schema).inner);
  plans.set(schema, plan);
  return plan;
}

function makePlan(inner: z.core.$ZodType): Plan | null {
  const def = defOf(inner);
  if (def.type === 'union') {
    const branch = (type: string) => def.options!.find((option) => defOf(unwrap(option).inner).type === type);
    const array = branch('array');
    const object = branch('object');
    return { kind: 'union', array: array ? planOf(array) : null, object: object ? planOf(object) : null };
  }
  if (def.type === 'array') {
    const element = planOf(def.element!);
    return element ? { kind: 'array', element } : null;
  }
  if (def.type !== 'object') return null;
  const droppable: string[] = [];
  const children: [string, Plan][] = [];
  for (const [key, field] of Object.entries(def.shape!)) {
    const { optional, nullable } = unwrap(field);
    if (optional && !nullable) droppable.push(key);
    const child = planOf(field);
    if (child) children.push([key, child]);
  }
  return { kind: 'object', droppable, children };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// A request body is parsed JSON: a key it lacks reads as undefined, never as an inherited null, and a child plan
// hands back a null or a value of the wrong shape unchanged, for the schema to judge.
function apply(plan: Plan, value: unknown): unknown {
  if (plan.kind === 'union') {
    const branch = Array.isArray(value) ? plan.array : isRecord(value) ? plan.object : null;
    return branch ? apply(branch, value) : value;
  }
  if (plan.kind === 'array') {
    if (!Array.isArray(value)) return value;
    let copy: unknown[] | null = null;
    value.forEach((item, index) => {
      const applied = apply(plan.element, item);
      if (applied !== item) {
        copy ??= [...value];
        copy[index] = applied;
      }
    });
    return copy ?? value;
  }
  if (!isRecord(value)) return value;
  // Copied only when something changes, with fromEntries: a `__proto__` key stays a plain key for the schema to refuse.
  let copy: Record<string, unknown> | null = null;
  const edit = () => (copy ??= Object.fromEntries(Object.entries(value)));
  for (const key of plan.droppable) if (value[key] === null) delete edit()[key];
  for (const [key, child] of plan.children) {
    const applied = apply(child, value[key]);
    if (applied !== value[key]) edit()[key] = applied;
  }
  return copy ?? value;
}

/** `value` with every null that means "not given" removed, following `schema` into nested objects and arrays. */
export function withoutAbsentNulls(schema: z.core.$ZodType, value: unknown): unknown {
  const plan = planOf(schema);
  return plan ? apply(plan, value) : value;
}

/** Query parameters without the blank ones: `?search=&limit=` is the same request as no parameters at all. */
export function withoutBlankParameters(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}
