// Messages between RsaWorkerPool and its workers (structured clone; inputs and results are transferred).

/** One private-key operation for a worker. */
export type RsaWorkerRequest =
  | { id: number; op: "premaster"; input: Uint8Array; clientVersion: number }
  | { id: number; op: "pkcs1" | "pss"; input: Uint8Array; hash: string };

/** A worker's answer: the result bytes or the error's code and message. */
export type RsaWorkerReply =
  | { id: number; result: Uint8Array; error?: undefined }
  | { id: number; result?: undefined; error: { code: string; message: string } };

/**
 * A worker's first message: `"ready"` once its key is loaded and has passed the startup self-test
 * (one checked signature), or why it could not start.
 */
export type RsaWorkerStartup = "ready" | { startupError: { code: string; message: string } };
