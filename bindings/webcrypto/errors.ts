// WebCrypto's error vocabulary (W3C Web Cryptography API §14 and §18): DOMException names where the
// runtime has DOMException, an Error with the same `name` where it does not (some embedded engines).

/** The DOMException names the WebCrypto subset rejects with. */
export type WebCryptoErrorName =
  | "NotSupportedError"
  | "OperationError"
  | "InvalidAccessError"
  | "DataError"
  | "SyntaxError"
  | "TypeError";

/** Creates the error WebCrypto would reject with: `err.name` is the DOMException name. */
export function webCryptoError(name: WebCryptoErrorName, message: string): Error {
  if (name === "TypeError") return new TypeError(message);
  if (typeof DOMException === "function") return new DOMException(message, name);
  const error = new Error(message);
  error.name = name;
  return error;
}

const WEBCRYPTO_NAMES = new Set<string>([
  "NotSupportedError",
  "OperationError",
  "InvalidAccessError",
  "DataError",
  "SyntaxError",
]);

/** Passes WebCrypto errors through; any other failure (e.g. a provider error) becomes an OperationError. */
export function toWebCryptoError(error: unknown): Error {
  if (error instanceof TypeError) return error;
  if (error instanceof Error && WEBCRYPTO_NAMES.has(error.name)) return error;
  return webCryptoError(
    "OperationError",
    `operation failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}
