import { z } from 'zod';

const ms = (max: number) => z.number().int().min(0).max(max);
const path = z.string().regex(/^\/[\w\-./]*$/, 'a path such as /metrics');

/**
 * Options a program may pass in code. They take precedence over the environment, which takes
 * precedence over defaults. Unknown keys are rejected so a typo cannot silently do nothing.
 */
export const lookoutOptionsSchema = z.strictObject({
  service: z
    .strictObject({
      name: z.string().min(1),
      version: z.string().min(1),
      namespace: z.string().min(1),
      environment: z.string().min(1),
    })
    .partial()
    .optional(),
  logs: z
    .strictObject({
      level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
      redactKeys: z.array(z.string().min(1)),
    })
    .partial()
    .optional(),
  metrics: z
    .strictObject({ path, allowFrom: z.array(z.string().min(1)), runtime: z.boolean() })
    .partial()
    .optional(),
  health: z
    .strictObject({ livePath: path, readyPath: path, checkTimeoutMs: ms(60_000) })
    .partial()
    .optional(),
  shutdown: z
    .strictObject({ delayMs: ms(120_000), graceMs: ms(600_000), timeoutMs: ms(120_000) })
    .partial()
    .optional(),
});

/** Options accepted by `useLookout(app, options)` and `startLookout(options)`. */
export type LookoutOptions = z.input<typeof lookoutOptionsSchema>;
