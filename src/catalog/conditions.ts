import type { Condition } from "./schema.js";

/** Conditions several catalog entries share, worded once so the plan reads the same everywhere. */

export const nodesFromApi: Condition = {
  fact: "provisioning",
  equals: "api",
  because: "your nodes are created through an infrastructure API",
  otherwise: "your machines are provisioned by hand",
};

export const metal3Provider: Condition = {
  fact: "infrastructureProvider",
  equals: "metal3",
  because: "your bare-metal servers are managed through Metal3 and Ironic",
  otherwise: "you do not manage bare metal through Metal3",
};

export const statefulWorkloads: Condition = {
  fact: "statefulWorkloads",
  equals: true,
  because: "you run stateful workloads that need persistent volumes",
  otherwise: "you run no stateful workloads, so no in-cluster storage is needed",
};

export const manyApps: Condition = {
  fact: "apps",
  atLeast: 10,
  because: "you run ten or more applications, where following a request across services pays off",
  otherwise: "you run few applications, so metrics and logs are enough to find problems",
};

export const wantsAutoscaling: Condition = {
  fact: "autoscaling",
  equals: true,
  because: "you want nodes added and removed automatically",
  otherwise: "you did not ask for node autoscaling",
};
