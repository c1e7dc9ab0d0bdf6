/**
 * @lookout/sidecar/testing: run the real sidecar binary in tests and read its own metrics.
 * Used by this package's tests and by the end-to-end and loss tests under test/.
 */

export {
  requireSidecarBinary,
  SIDECAR_BINARY,
  SIDECAR_CONFIG,
  SIDECAR_DEBUG_OVERLAY,
  SIDECAR_HEALTHCHECK,
  SIDECAR_MANIFEST,
  SidecarNotBuiltError,
} from './sidecar-paths.ts';
export {
  type Sidecar,
  type SidecarOptions,
  type SidecarPorts,
  startSidecar,
} from './start-sidecar.ts';
export { metricFamilies, parseTelemetry, sumOf, type TelemetrySample } from './telemetry-text.ts';
