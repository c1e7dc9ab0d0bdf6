/** The work the benchmark route does: build a small JSON document, as a typical read does. */
export function catalogItem(id: string) {
  return {
    id,
    name: `Item ${id}`,
    price: { amount: (id.length * 1234) % 10_000, currency: 'EUR' },
    tags: ['bench', 'catalog', id.slice(0, 3)],
  };
}
