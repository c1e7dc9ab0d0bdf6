import { HttpProblem } from '@lookout/sdk';

export interface ReservationResult {
  readonly reservationId: string;
}

/**
 * Calls the inventory service. The request is traced by the SDK's fetch instrumentation, which
 * also propagates the trace context, so one trace spans both services.
 */
export class InventoryClient {
  readonly #baseUrl: string;
  readonly #timeoutMs: number;

  constructor(baseUrl: string, timeoutMs = 2000) {
    this.#baseUrl = baseUrl.replace(/\/$/, '');
    this.#timeoutMs = timeoutMs;
  }

  async reserve(sku: string, quantity: number, orderId: string): Promise<ReservationResult> {
    const url = `${this.#baseUrl}/api/v1/inventory/items/${encodeURIComponent(sku)}/reservations`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ quantity, orderId }),
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    if (response.status === 201) return (await response.json()) as ReservationResult;
    // The client's own mistakes (unknown SKU, no stock) are passed on; anything else is ours.
    if (response.status === 404 || response.status === 409) {
      const problem = (await response.json()) as { detail?: string };
      throw new HttpProblem(
        response.status === 404 ? 422 : 409,
        problem.detail ?? 'Reservation refused.',
      );
    }
    throw new HttpProblem(502, `Inventory answered ${response.status}.`);
  }
}
