import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  type ExampleStack,
  setFaults,
  startExampleStack,
} from '../support/example-stack.ts';

let stack: ExampleStack;
beforeAll(async () => {
  stack = await startExampleStack({ env: () => ({ OTEL_SDK_DISABLED: 'true' }) });
});
afterAll(() => stack.stop());

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('the example services', () => {
  it('takes an order across both services and serves it back through nested routes', async () => {
    const created = await fetch(
      `${stack.orders.url}/api/v1/orders`,
      json({ customerId: 'c-7', items: [{ sku: 'KB-101', quantity: 2 }] }),
    );
    expect(created.status).toBe(201);
    const order = (await created.json()) as { orderId: string; lines: { reservationId: string }[] };
    expect(order.lines[0]?.reservationId).toMatch(/^[0-9a-f-]{36}$/);

    const line = await fetch(`${stack.orders.url}/api/v1/orders/${order.orderId}/lines/1`);
    expect(await line.json()).toMatchObject({ sku: 'KB-101', quantity: 2 });
    const history = await fetch(`${stack.orders.url}/api/v1/customers/c-7/orders`);
    expect(((await history.json()) as { orders: unknown[] }).orders).toHaveLength(1);
  });

  it('rejects unknown fields, bad types and unknown SKUs with problem details', async () => {
    const massAssignment = await fetch(
      `${stack.orders.url}/api/v1/orders`,
      json({ customerId: 'c-1', items: [{ sku: 'KB-101', quantity: 1 }], status: 'paid' }),
    );
    expect(massAssignment.status).toBe(400);
    expect(await massAssignment.json()).toMatchObject({ errors: [{ code: 'unrecognized_keys' }] });

    const unknownSku = await fetch(
      `${stack.orders.url}/api/v1/orders`,
      json({ customerId: 'c-1', items: [{ sku: 'ZZ-999', quantity: 1 }] }),
    );
    expect(unknownSku.status).toBe(422);
    const malformed = await fetch(`${stack.orders.url}/api/v1/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"customerId":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
  });

  it('labels metrics with route templates, never ids', async () => {
    const text = await (await fetch(`${stack.orders.url}/metrics`)).text();
    expect(text).toContain('http_route="/api/v1/orders/:orderId/lines/:lineNo"');
    expect(text).toContain('http_route="/api/v1/customers/:customerId/orders"');
    expect(text).not.toMatch(/http_route="[^"]*c-7/);
  });

  it('guards the fault switches with the admin token and applies them', async () => {
    const anonymous = await fetch(`${stack.inventory.url}/admin/faults`);
    expect(anonymous.status).toBe(401);
    const wrong = await fetch(`${stack.inventory.url}/admin/faults`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);

    await setFaults(stack.inventory, { errorRatio: 1 });
    const failing = await fetch(`${stack.inventory.url}/api/v1/inventory/items/KB-101`);
    expect(failing.status).toBe(500);
    expect(JSON.stringify(await failing.json())).not.toContain('injected fault');
    const reset = await fetch(`${stack.inventory.url}/admin/faults`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await reset.json()).toMatchObject({ errorRatio: 0 });
    expect((await fetch(`${stack.inventory.url}/api/v1/inventory/items/KB-101`)).status).toBe(200);
  });

  it('sends the security headers and hides the framework', async () => {
    const response = await fetch(`${stack.inventory.url}/api/v1/inventory/items`);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
