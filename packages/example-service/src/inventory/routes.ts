import { HttpProblem, validate } from '@lookout/sdk';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { InventoryStore } from './inventory-store.ts';

const sku = z.string().regex(/^[A-Z]{2}-\d{3}$/, 'a SKU such as KB-101');
const skuParams = z.strictObject({ sku });
const reserveBody = z.strictObject({
  quantity: z.number().int().min(1).max(100),
  orderId: z.uuid(),
});

/**
 * `/api/v1/inventory`: stock levels and reservations. `fault` runs first in every route (the
 * fault switches' failure point).
 */
export function inventoryRoutes(
  store: InventoryStore,
  middleware: { readonly json: RequestHandler; readonly fault: RequestHandler },
): Router {
  const { json, fault } = middleware;
  const items = express.Router();
  items.get('/', fault, async (_req, res) => {
    res.json({ items: await store.list() });
  });

  const readItem = validate({ params: skuParams });
  items.get('/:sku', fault, readItem, async (req, res) => {
    const { params } = readItem.data(req);
    const available = await store.available(params.sku);
    if (available === undefined) throw new HttpProblem(404, `No item with SKU ${params.sku}.`);
    res.json({ sku: params.sku, available });
  });

  const reserve = validate({ params: skuParams, body: reserveBody });
  items.post('/:sku/reservations', fault, json, reserve, async (req, res) => {
    const { params, body } = reserve.data(req);
    const outcome = await store.reserve(params.sku, body.quantity, body.orderId);
    if (outcome === 'unknown') throw new HttpProblem(404, `No item with SKU ${params.sku}.`);
    if (outcome === 'insufficient')
      throw new HttpProblem(409, `Not enough ${params.sku} in stock.`);
    res.status(201).json(outcome);
  });

  const router = express.Router();
  router.use('/items', items);
  return router;
}
