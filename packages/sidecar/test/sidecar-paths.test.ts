import { describe, expect, it } from 'vitest';
import { requireSidecarBinary, SidecarNotBuiltError } from '../src/testing/index.ts';

describe('finding the sidecar binary', () => {
  it('fails with a message that says how to build it when the binary is missing', () => {
    const missing = '/nonexistent/_build/otelcol-lookout';

    expect(() => requireSidecarBinary(missing)).toThrow(SidecarNotBuiltError);
    expect(() => requireSidecarBinary(missing)).toThrow(
      /missing at .*packages\/sidecar\/build\.sh/,
    );
  });
});
