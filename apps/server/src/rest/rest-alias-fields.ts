import { z } from 'zod';
import type { RestAlias } from '@learningpt/api';
import { spellingKey } from '@learningpt/schema';

// What an alias of REST_ALIASES declares about field names (acceptAlso, acceptValues, answerAlso),
// applied to that alias's route only: its input before the procedure reads it, its answer after,
// and the schemas the OpenAPI document shows for it.

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);
}

/** A copy of `obj` with `value` at the dotted `path` (objects on the way copied, not changed). */
function withValueAt(obj: Json, path: string, value: unknown): Json {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...obj, [head]: value };
  const inner = obj[head] ?? {};
  // Something else than an object where ours holds one: leave it for the input schema to refuse.
  if (!isRecord(inner)) return obj;
  return { ...obj, [head]: withValueAt(inner, rest.join('.'), value) };
}

/** The input as the procedure reads it: the spec's field names and words turned into ours. */
export function aliasInput(alias: RestAlias, input: unknown): unknown {
  if (!isRecord(input) || (!alias.acceptAlso && !alias.acceptValues)) return input;
  let out: Json = { ...input };
  for (const [theirs, ours] of Object.entries(alias.acceptAlso ?? {})) {
    if (!(theirs in out)) continue;
    const value = out[theirs];
    delete out[theirs];
    if (valueAt(out, ours) === undefined) out = withValueAt(out, ours, value);
  }
  for (const [field, words] of Object.entries(alias.acceptValues ?? {})) {
    const value = out[field];
    if (typeof value !== 'string') continue;
    const key = spellingKey(value);
    const match = Object.entries(words).find(([word]) => spellingKey(word) === key);
    if (match) out[field] = match[1];
  }
  return out;
}

/** The answer with the alias's extra keys (answerAlso) beside the procedure's own. */
export function aliasAnswer(alias: RestAlias, output: unknown): unknown {
  if (!alias.answerAlso || !isRecord(output)) return output;
  const extra: Json = {};
  for (const [key, spec] of Object.entries(alias.answerAlso)) {
    if (typeof spec === 'string') {
      extra[key] = valueAt(output, spec);
      continue;
    }
    const withFields = (item: unknown) => {
      if (!isRecord(item)) return item;
      const added: Json = {};
      for (const [name, path] of Object.entries(spec.fields)) added[name] = valueAt(item, path);
      return { ...item, ...added };
    };
    const value = valueAt(output, spec.from);
    extra[key] = Array.isArray(value) ? value.map(withFields) : withFields(value);
  }
  return { ...output, ...extra };
}

/* ---- the schemas the OpenAPI document shows for the alias ---- */

type AnyZod = z.ZodType;
interface ZodDefLike {
  type: string;
  shape?: Record<string, AnyZod>;
  element?: AnyZod;
  innerType?: AnyZod;
  out?: AnyZod;
}
const defOf = (schema: AnyZod) => (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;

/** Through optional, nullable, default and pipe wrappers to the schema that has the shape. */
function unwrap(schema: AnyZod): AnyZod {
  const def = defOf(schema);
  if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type)) {
    return unwrap(def.innerType);
  }
  if (def.type === 'pipe' && def.out) return unwrap(def.out);
  return schema;
}

function objectOf(schema: AnyZod, what: string): z.ZodObject {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) throw new Error(`${what}: not an object schema`);
  return inner;
}

/** The schema of the value at a dotted path; an unknown path fails at start (a typo in an alias). */
function schemaAt(schema: AnyZod, path: string, what: string): AnyZod {
  return path.split('.').reduce<AnyZod>((node, key) => {
    const shape = objectOf(node, what).shape as Record<string, AnyZod>;
    const next = shape[key];
    if (!next) throw new Error(`${what}: no field ${path}`);
    return next;
  }, schema);
}

/** The procedure's output schema plus the alias's answerAlso keys (undefined: unchanged). */
export function aliasOutputSchema(alias: RestAlias, schema: AnyZod | undefined): AnyZod | undefined {
  if (!alias.answerAlso || !schema) return schema;
  const what = `REST alias ${alias.method} ${alias.path}`;
  const extra: Record<string, AnyZod> = {};
  for (const [key, spec] of Object.entries(alias.answerAlso)) {
    if (typeof spec === 'string') {
      extra[key] = schemaAt(schema, spec, what).describe(`Insta iQ's name of ${spec}`);
      continue;
    }
    const base = unwrap(schemaAt(schema, spec.from, what));
    const element = base instanceof z.ZodArray ? (base.element as AnyZod) : base;
    const fields: Record<string, AnyZod> = {};
    for (const [name, path] of Object.entries(spec.fields)) fields[name] = schemaAt(element, path, what);
    const extended = objectOf(element, what).safeExtend(fields);
    extra[key] = (base instanceof z.ZodArray ? z.array(extended) : extended).describe(
      `Insta iQ's name of ${spec.from}, with ${Object.entries(spec.fields)
        .map(([name, path]) => `${name} (= ${path})`)
        .join(', ')}`,
    );
  }
  return objectOf(schema, what).safeExtend(extra);
}

/** The procedure's input schema plus the spec's names of its fields (acceptAlso), all optional. */
export function aliasInputSchema(alias: RestAlias, schema: AnyZod | undefined): AnyZod | undefined {
  if (!alias.acceptAlso || !schema) return schema;
  const what = `REST alias ${alias.method} ${alias.path}`;
  const extra: Record<string, AnyZod> = {};
  for (const [theirs, ours] of Object.entries(alias.acceptAlso)) {
    extra[theirs] = schemaAt(schema, ours, what)
      .optional()
      .describe(`Insta iQ's name of ${ours} (when both are sent, ${ours} is used)`);
  }
  return objectOf(schema, what).safeExtend(extra);
}
