/** Base class of every error wassl throws on purpose; `code` is stable and machine-readable. */
export class WasslError extends Error {
  /** Stable machine-readable error code, e.g. `ERR_WASSL_NOT_INITIALIZED`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "WasslError";
    this.code = code;
  }
}
