import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/** A request as the test server received it. */
export interface Received {
  method: string;
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  received(): Promise<Received[]>;
  close(): void;
}

/** Starts echo-server.mjs in a child process and waits for its port. */
export async function startTestServer(): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, "echo-server.mjs")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    async received() {
      const answer = await fetch(`${origin}/__received`);
      const list = (await answer.json()) as Array<Omit<Received, "body"> & { bodyBase64: string }>;
      return list.map(({ bodyBase64, ...r }) => ({ ...r, body: Buffer.from(bodyBase64, "base64").toString("utf8") }));
    },
    close() {
      child.kill();
    },
  };
}
