/**
 * The Kubernetes manifests in deploy/k8s as plain objects, read the way `kubectl apply -k` would:
 * every file the kustomization lists, every document in it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

const K8S_DIR = fileURLToPath(new URL('../../k8s/', import.meta.url));

/** The fields of a container the tests read. */
export interface Container {
  readonly name: string;
  readonly image: string;
  readonly restartPolicy?: string;
  readonly env?: readonly { name: string; value?: string }[];
  readonly ports?: readonly { name?: string; containerPort: number }[];
  readonly startupProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly readinessProbe?: Probe;
  readonly resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readonly securityContext?: Record<string, unknown>;
}

/** An HTTP probe; the only kind the manifests use. */
export interface Probe {
  readonly httpGet: { path: string; port: number | string };
}

/** A Deployment's pod template, with its sidecar told apart from its service. */
export interface Workload {
  readonly name: string;
  readonly terminationGracePeriodSeconds: number;
  readonly podSecurity: Record<string, unknown>;
  /** The native sidecar: the init container that keeps running (`restartPolicy: Always`). */
  readonly sidecar: Container;
  readonly service: Container;
}

/** A manifest object, loosely typed: `kind`, `metadata` and whatever else it holds. */
export type Manifest = { kind: string; metadata: { name: string } } & Record<string, unknown>;

/** Every object the kustomization applies. */
export function manifests(): Manifest[] {
  const kustomization = parseYaml(readFileSync(`${K8S_DIR}kustomization.yaml`, 'utf8')) as {
    resources: string[];
  };
  return kustomization.resources.flatMap((file) =>
    parseAllDocuments(readFileSync(`${K8S_DIR}${file}`, 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
      return document.toJS() as Manifest;
    }),
  );
}

/** The Deployments, each split into its sidecar and its service container. */
export function workloads(): Workload[] {
  return manifests()
    .filter((manifest) => manifest.kind === 'Deployment')
    .map((deployment) => {
      const pod = (deployment as unknown as DeploymentShape).spec.template.spec;
      const sidecars = (pod.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
      if (sidecars.length !== 1 || pod.containers.length !== 1) {
        throw new Error(`${deployment.metadata.name}: expected one sidecar and one service`);
      }
      return {
        name: deployment.metadata.name,
        terminationGracePeriodSeconds: pod.terminationGracePeriodSeconds ?? 30,
        podSecurity: pod.securityContext ?? {},
        sidecar: sidecars[0] as Container,
        service: pod.containers[0] as Container,
      };
    });
}

interface DeploymentShape {
  spec: {
    template: {
      spec: {
        terminationGracePeriodSeconds?: number;
        securityContext?: Record<string, unknown>;
        initContainers?: Container[];
        containers: Container[];
      };
    };
  };
}

/** A container's environment as a map; only literal values (the manifests use no `valueFrom`). */
export function envOf(container: Container): Record<string, string> {
  return Object.fromEntries((container.env ?? []).map(({ name, value }) => [name, value ?? '']));
}
