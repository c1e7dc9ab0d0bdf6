import { describe, expect, it } from 'vitest';
import { RecordStore } from '../src/record-store.ts';

describe('RecordStore', () => {
  it('resolves at once from records already held', async () => {
    const store = new RecordStore<number>('numbers');
    store.push(1, 2, 3);
    expect(await store.waitFor((n) => n > 1, { count: 2 })).toEqual([2, 3]);
  });

  it('resolves when later pushes complete the count', async () => {
    const store = new RecordStore<number>('numbers');
    const waiting = store.waitFor((n) => n % 2 === 0, { count: 2 });
    store.push(1, 2);
    store.push(3);
    store.push(4, 6);
    expect(await waiting).toEqual([2, 4]);
  });

  it('fails after the timeout saying how many arrived and matched, plus the diagnosis', async () => {
    const store = new RecordStore<number>('numbers', () => 'Receiver was stopped.');
    store.push(1, 2);
    await expect(store.waitFor((n) => n > 1, { count: 3, timeoutMs: 20 })).rejects.toThrow(
      'Timed out after 20 ms waiting for 3 matching numbers: 2 received, 1 matched. Receiver was stopped.',
    );
  });

  it('stops waiting when its signal aborts', async () => {
    const store = new RecordStore<number>('numbers');
    const abort = new AbortController();
    const waiting = store.waitFor(undefined, { signal: abort.signal });
    abort.abort(new Error('race decided'));
    await expect(waiting).rejects.toThrow('race decided');
  });

  it('keeps matches a pending wait already saw across clear()', async () => {
    const store = new RecordStore<string>('words');
    const waiting = store.waitFor(undefined, { count: 2 });
    store.push('a');
    store.clear();
    expect(store.size).toBe(0);
    store.push('b');
    expect(await waiting).toEqual(['a', 'b']);
  });

  it('takes a batch of 200 000 records and finds the last one', async () => {
    const store = new RecordStore<number>('numbers');
    const waiting = store.waitFor((n) => n === 199_999);
    store.pushAll(Array.from({ length: 200_000 }, (_, i) => i));
    expect(await waiting).toEqual([199_999]);
  });
});
