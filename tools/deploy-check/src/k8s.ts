import type { K8sObject, RenderedObject } from './helm-check';

/** A container as far as the tests read it. */
export interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string } };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
}

/** The rendered objects of one kind, by name. */
export function byKind(objects: RenderedObject[], kind: string): Map<string, K8sObject> {
  return new Map(objects.filter((o) => o.kind === kind).map((o) => [o.name, o.object]));
}

export function podSpec(deployment: K8sObject): {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
} {
  const template = deployment.spec?.template as
    { spec: { containers: Container[]; terminationGracePeriodSeconds?: number } } | undefined;
  if (!template) throw new Error(`${deployment.metadata.name} has no pod template`);
  return template.spec;
}

export function podLabels(deployment: K8sObject): Record<string, string> {
  const template = deployment.spec?.template as { metadata?: { labels?: Record<string, string> } };
  return template.metadata?.labels ?? {};
}

/** Whether a label selector (matchLabels only) picks pods with these labels. */
export function selects(selector: unknown, labels: Record<string, string>): boolean {
  const match = (selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
  if (!match || Object.keys(match).length === 0) return false;
  return Object.entries(match).every(([k, v]) => labels[k] === v);
}

/**
 * Every variable a container gets: its env entries and the keys of the ConfigMaps it loads
 * (rendered ones; a Secret is named key by key through secretKeyRef).
 */
export function containerVariables(
  container: Container,
  configMaps: Map<string, K8sObject>,
): Set<string> {
  const names = new Set<string>();
  for (const entry of container.env ?? []) names.add(entry.name);
  for (const source of container.envFrom ?? []) {
    if (source.secretRef) throw new Error(`${container.name} loads a whole Secret: name its keys`);
    const ref = source.configMapRef?.name;
    if (!ref) continue;
    const map = configMaps.get(ref);
    if (!map)
      throw new Error(`${container.name} loads ConfigMap ${ref}, which the chart does not render`);
    for (const key of Object.keys(map.data ?? {})) names.add(key);
  }
  return names;
}

type ModelModule = Record<string, new (data: unknown) => { validate(): void }>;

/**
 * Validates a built-in object against the Kubernetes OpenAPI schema (kubernetes-models):
 * required fields, types, enums. Returns the problem, or undefined when it is valid.
 */
export async function schemaProblem(object: K8sObject): Promise<string | undefined> {
  const apiVersion = object.apiVersion as string;
  const kind = object.kind as string;
  const module = (await import(`kubernetes-models/${apiVersion}/${kind}`)) as ModelModule;
  const Model = module[kind];
  if (!Model) return `kubernetes-models has no ${apiVersion} ${kind}`;
  try {
    new Model(object).validate();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
