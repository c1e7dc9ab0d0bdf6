import { containerDetector } from '@opentelemetry/resource-detector-container';
import {
  detectResources,
  hostDetector,
  osDetector,
  processDetector,
  type Resource,
  type ResourceDetector,
  resourceFromAttributes,
  serviceInstanceIdDetector,
} from '@opentelemetry/resources';
import type { LookoutConfig, ResourceDetectorName } from '../config/lookout-config.ts';

/** Detectors by name; all read local facts, none calls a cloud metadata endpoint. */
const DETECTORS: Record<Exclude<ResourceDetectorName, 'env'>, ResourceDetector> = {
  host: hostDetector,
  os: osDetector,
  process: processDetector,
  container: containerDetector,
  serviceinstance: serviceInstanceIdDetector,
};

/**
 * The resource shared by spans and log records: detected host, process and container facts,
 * then `OTEL_RESOURCE_ATTRIBUTES`, then the service identity, each overriding the one before.
 */
export function buildResource(config: LookoutConfig): Resource {
  const detectors = config.resourceDetectors
    .filter((name): name is Exclude<ResourceDetectorName, 'env'> => name !== 'env')
    .map((name) => DETECTORS[name]);
  const fromEnv = config.resourceDetectors.includes('env') ? config.resourceAttributes : {};
  const { name, version, namespace, environment } = config.service;

  return detectResources({ detectors })
    .merge(resourceFromAttributes(fromEnv))
    .merge(
      resourceFromAttributes({
        'service.name': name,
        'service.version': version,
        'deployment.environment.name': environment,
        ...(namespace === undefined ? {} : { 'service.namespace': namespace }),
      }),
    );
}
