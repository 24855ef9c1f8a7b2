/** Loopback ports and the HTTPS probes `up` and `status` use against the apiserver. */
import { request } from "node:https";
import { createServer, type Server } from "node:net";
import { LOOPBACK } from "./flags.js";

function listen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(undefined));
    s.listen(port, LOOPBACK, () => resolve(s));
  });
}

const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));

export async function isPortFree(port: number): Promise<boolean> {
  const s = await listen(port);
  if (!s) return false;
  await close(s);
  return true;
}

/** `n` distinct free ports, all held open until every one is chosen so none repeats. */
export async function freePorts(n: number): Promise<number[]> {
  const held: Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = await listen(0);
      if (!s) throw new Error("no free loopback port");
      held.push(s);
    }
    return held.map((s) => {
      const a = s.address();
      if (a === null || typeof a === "string") throw new Error("unexpected server address");
      return a.port;
    });
  } finally {
    await Promise.all(held.map(close));
  }
}

export interface ProbeResult {
  readonly status: number;
  readonly body: string;
}

export function httpsGet(
  url: string,
  caPem: string | undefined,
  token: string,
  timeoutMs = 3_000,
): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "GET",
        headers: { Authorization: `Bearer ${token}` },
        ...(caPem ? { ca: caPem } : { rejectUnauthorized: false }),
        timeout: timeoutMs,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}
