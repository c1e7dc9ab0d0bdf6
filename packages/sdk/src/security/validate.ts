import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendProblem } from './problem.ts';

/** The parts of a request a route can describe; each is optional. */
export interface RequestSchemas {
  readonly body?: z.ZodType;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  /** Headers are matched loosely: clients and proxies add many a route does not name. */
  readonly headers?: z.ZodType;
}

type Part = keyof RequestSchemas;
type Output<S extends RequestSchemas, K extends Part> = S[K] extends z.ZodType
  ? z.output<S[K]>
  : undefined;

/** What `validate` stored for a request: each part as its schema's output. */
export type Validated<S extends RequestSchemas> = { readonly [K in Part]: Output<S, K> };

type ValidatingRequest = IncomingMessage & Partial<Record<Part, unknown>>;
type Middleware = (
  req: ValidatingRequest,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** The middleware plus a typed accessor for the validated values. */
export type ValidateMiddleware<S extends RequestSchemas> = Middleware & {
  /** The validated parts of `req`; throws if this middleware did not run on it. */
  data(req: object): Validated<S>;
};

/** Issues reported in one answer; more are summarised by count. */
const MAX_ISSUES = 50;
const PARTS: readonly Part[] = ['params', 'query', 'headers', 'body'];

/**
 * Validates a request's body, query, params and headers against zod schemas. A top-level object
 * schema for body, query or params is made strict, so an unknown field is an error rather than
 * silently dropped or, worse, passed on to an update (mass assignment); nested objects should
 * be `z.strictObject` too. Any failure answers 400 problem+json listing every issue, with where
 * it is and what was expected, never the value received. On success `req.body` is replaced
 * by the parsed body and every part is available, typed, through `.data(req)` (Express 5's
 * `req.query` cannot be reassigned).
 */
export function validate<const S extends RequestSchemas>(schemas: S): ValidateMiddleware<S> {
  const strict = Object.fromEntries(
    PARTS.filter((part) => schemas[part] !== undefined).map((part) => [
      part,
      part === 'headers' ? schemas[part] : strictTop(schemas[part] as z.ZodType),
    ]),
  ) as Partial<Record<Part, z.ZodType>>;
  const results = new WeakMap<object, Validated<S>>();

  const middleware: Middleware = (req, res, next) => {
    const values: Record<string, unknown> = {};
    const issues: ReturnType<typeof describe>[] = [];
    for (const part of PARTS) {
      const schema = strict[part];
      if (schema === undefined) continue;
      const parsed = schema.safeParse(req[part] ?? (part === 'body' ? undefined : {}));
      if (parsed.success) values[part] = parsed.data;
      else issues.push(...parsed.error.issues.map((issue) => describe(part, issue)));
    }
    if (issues.length > 0) return sendProblem(res, invalid(issues));
    if ('body' in values) req.body = values.body;
    results.set(req, values as Validated<S>);
    next();
  };

  const data = (req: object): Validated<S> => {
    const found = results.get(req);
    if (found === undefined)
      throw new Error('validate(): this middleware did not run on the request');
    return found;
  };
  return Object.assign(middleware, { data });
}

/** Makes a stripping top-level object schema strict; leaves explicit loose schemas alone. */
function strictTop(schema: z.ZodType): z.ZodType {
  if (!(schema instanceof z.ZodObject)) return schema;
  return schema._zod.def.catchall === undefined ? schema.strict() : schema;
}

function describe(part: Part, issue: z.core.$ZodIssue) {
  return {
    in: part,
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message.slice(0, 200),
  };
}

function invalid(issues: ReturnType<typeof describe>[]) {
  const shown = issues.slice(0, MAX_ISSUES);
  const more = issues.length - shown.length;
  return {
    status: 400,
    title: 'Bad Request',
    detail: `The request has ${issues.length} invalid field${issues.length === 1 ? '' : 's'}.`,
    errors: shown,
    ...(more > 0 ? { more_errors: more } : {}),
  };
}
