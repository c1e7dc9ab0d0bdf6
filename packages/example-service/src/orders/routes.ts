import { HttpProblem, type Logger, validate } from '@lookout/sdk';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { InventoryClient } from './inventory-client.ts';
import type { Order, OrderStore } from './order-store.ts';

const customerId = z.string().regex(/^c-\d{1,8}$/, 'a customer id such as c-42');
const createOrder = validate({
  body: z.strictObject({
    customerId,
    items: z
      .array(
        z.strictObject({
          sku: z.string().regex(/^[A-Z]{2}-\d{3}$/, 'a SKU such as KB-101'),
          quantity: z.number().int().min(1).max(100),
        }),
      )
      .min(1)
      .max(20),
  }),
});
const readOrder = validate({ params: z.strictObject({ orderId: z.uuid() }) });
const readLine = validate({
  params: z.strictObject({ orderId: z.uuid(), lineNo: z.coerce.number().int().min(1) }),
});
const readHistory = validate({ params: z.strictObject({ customerId }) });

/**
 * `/api/v1`: orders, their lines, and each customer's order history. `fault` runs first in every
 * route (the fault switches' failure point).
 */
export function orderRoutes(
  orders: OrderStore,
  inventory: InventoryClient,
  middleware: { readonly json: RequestHandler; readonly fault: RequestHandler },
  logger: Logger,
): Router {
  const { json, fault } = middleware;
  const router = express.Router();
  router.post('/orders', fault, json, createOrder, async (req, res) => {
    const { body } = createOrder.data(req);
    const orderId = crypto.randomUUID();
    const lines = [];
    for (const item of body.items) {
      const { reservationId } = await inventory.reserve(item.sku, item.quantity, orderId);
      lines.push({ ...item, reservationId });
    }
    const order: Order = {
      orderId,
      customerId: body.customerId,
      lines,
      createdAt: new Date().toISOString(),
    };
    await orders.save(order);
    logger.info({ orderId, customerId: body.customerId, lines: lines.length }, 'order created');
    res.status(201).location(`/api/v1/orders/${orderId}`).json(order);
  });

  router.get('/orders/:orderId', fault, readOrder, async (req, res) => {
    res.json(await mustFind(orders, readOrder.data(req).params.orderId));
  });

  const lines = express.Router({ mergeParams: true });
  lines.get('/:lineNo', fault, readLine, async (req, res) => {
    const { orderId, lineNo } = readLine.data(req).params;
    const line = (await mustFind(orders, orderId)).lines[lineNo - 1];
    if (line === undefined) throw new HttpProblem(404, `Order ${orderId} has no line ${lineNo}.`);
    res.json(line);
  });
  router.use('/orders/:orderId/lines', lines);

  // Mounted with a parameter, so the route label must come out as a template, not an id.
  const customers = express.Router({ mergeParams: true });
  customers.get('/orders', fault, readHistory, async (req, res) => {
    res.json({ orders: await orders.forCustomer(readHistory.data(req).params.customerId) });
  });
  router.use('/customers/:customerId', customers);
  return router;
}

async function mustFind(orders: OrderStore, orderId: string): Promise<Order> {
  const order = await orders.get(orderId);
  if (order === undefined) throw new HttpProblem(404, `No order ${orderId}.`);
  return order;
}
