/**
 * A thin JSON client over the apiserver's REST paths that sends objects exactly as given.
 *
 * Why not KubernetesObjectApi for writes: it re-serialises built-in kinds through its generated
 * models, which drops every field the model does not know (newer fields, deliberate typos in
 * negative tests) and the `x-kubernetes-*` keys of CRD schemas (CEL rules, int-or-string), so the
 * server would judge a different object than the one under test. Auth and TLS still come from
 * @kubernetes/client-node's KubeConfig.
 */
import { request, type RequestOptions } from "node:https";
import type { KubeConfig, KubernetesObject } from "@kubernetes/client-node";

export interface RawResponse {
  readonly status: number;
  readonly body: unknown;
}

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

export class RawKubeClient {
  private readonly discovery = new Map<string, ApiResource[]>();
  constructor(private readonly kc: KubeConfig) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    contentType = "application/json",
  ): Promise<RawResponse> {
    const cluster = this.kc.getCurrentCluster();
    if (!cluster) throw new Error("kubeconfig has no current cluster");
    const url = new URL(path, cluster.server);
    const opts: RequestOptions = { method, headers: {} };
    await this.kc.applyToHTTPSOptions(opts);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    opts.headers = {
      ...(opts.headers as Record<string, string>),
      Accept: "application/json",
      ...(payload !== undefined ? { "Content-Type": contentType } : {}),
    };
    return new Promise((resolve, reject) => {
      const req = request(url, opts, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // Not JSON (rare, e.g. a proxy error page): keep the text for the message.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      });
      req.on("error", reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** The REST path of `obj` (collection when `named` is false), from discovery, refreshed once on a miss. */
  async pathOf(obj: KubernetesObject, named: boolean): Promise<string> {
    const { apiVersion, kind } = obj;
    if (!apiVersion || !kind) throw new Error("object needs apiVersion and kind");
    const base = apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    let res = (await this.resources(base, false)).find((r) => r.kind === kind && !r.name.includes("/"));
    res ??= (await this.resources(base, true)).find((r) => r.kind === kind && !r.name.includes("/"));
    if (!res) throw new Error(`the server does not serve ${kind} in ${apiVersion}`);
    const ns = obj.metadata?.namespace;
    if (res.namespaced && !ns) throw new Error(`${kind} is namespaced: set metadata.namespace`);
    const name = obj.metadata?.name;
    if (named && !name) throw new Error(`${kind} needs metadata.name`);
    const prefix = res.namespaced ? `${base}/namespaces/${encodeURIComponent(ns ?? "")}` : base;
    return `${prefix}/${res.name}${named ? `/${encodeURIComponent(name ?? "")}` : ""}`;
  }

  private async resources(base: string, refresh: boolean): Promise<ApiResource[]> {
    const cached = this.discovery.get(base);
    if (cached && !refresh) return cached;
    const r = await this.request("GET", base);
    const list = r.status === 200 ? ((r.body as { resources?: ApiResource[] }).resources ?? []) : [];
    this.discovery.set(base, list);
    return list;
  }
}
