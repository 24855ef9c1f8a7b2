/** The smallest shape every Kubernetes object shares; enough for the renderer and the controller. */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly finalizers?: readonly string[];
}

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly [field: string]: unknown;
}

/** A config file read by a Kubernetes component (audit policy, EncryptionConfiguration): no metadata. */
export interface ConfigObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly [field: string]: unknown;
}

export const managedBy = { "app.kubernetes.io/managed-by": "bespoke" } as const;
