/** A request that puts a secret into a log call: the admin guard logs the path it refuses. */
import { ADMIN_TOKEN, type ExampleService } from '../../support/example-stack.ts';
import { newTraceContext } from './trace-context.ts';

/**
 * PUTs `/admin/faults/token=<secret>` with a wrong admin token, expects the 401 and returns the
 * request's trace id, under which its log record can be found.
 */
export async function sendRefusedAdminRequest(
  service: ExampleService,
  secret: string,
): Promise<string> {
  const context = newTraceContext();
  const response = await fetch(`${service.url}/admin/faults/token=${secret}`, {
    method: 'PUT',
    headers: { traceparent: context.traceparent, authorization: `Bearer not-${ADMIN_TOKEN}` },
  });
  if (response.status !== 401) {
    throw new Error(`the admin guard answered ${response.status} to a wrong token, not 401`);
  }
  return context.traceId;
}
