/** The route templates the test traffic hits, as the SDK labels its request metrics and spans. */
export const ROUTES = {
  /** POST on orders: creates an order. */
  orders: '/api/v1/orders',
  /** GET on orders: an unknown id, answered 404. */
  lookup: '/api/v1/orders/:orderId',
  /** POST on inventory, called by orders for each order line. */
  reservation: '/api/v1/inventory/items/:sku/reservations',
} as const;
