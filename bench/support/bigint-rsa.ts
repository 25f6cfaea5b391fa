// A straightforward JS BigInt RSA (the "js-bigint" bench peer): left-to-right square-and-multiply,
// CRT with Garner recombination for the private operation. Not constant time; for comparison only.
import type { RsaPrivateComponents } from "../../tls/provider.js";

/** Big-endian bytes to BigInt. */
export function toBigInt(bytes: Uint8Array): bigint {
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  return x;
}

/** BigInt to `length` big-endian bytes. */
export function toBytes(x: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/** base^exp mod m by left-to-right binary exponentiation. */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  const b = base % m;
  for (let i = exp.toString(2).length - 1; i >= 0; i--) {
    result = (result * result) % m;
    if ((exp >> BigInt(i)) & 1n) result = (result * b) % m;
  }
  return result;
}

/** RSA key in BigInt form with raw public and private (CRT) operations on k-byte inputs. */
export class BigIntRsa {
  private readonly n: bigint;
  private readonly e: bigint;
  private readonly p: bigint;
  private readonly q: bigint;
  private readonly dp: bigint;
  private readonly dq: bigint;
  private readonly qinv: bigint;
  private readonly k: number;

  constructor(c: RsaPrivateComponents) {
    this.n = toBigInt(c.n);
    this.e = toBigInt(c.e);
    this.p = toBigInt(c.p);
    this.q = toBigInt(c.q);
    this.dp = toBigInt(c.dp);
    this.dq = toBigInt(c.dq);
    this.qinv = toBigInt(c.qinv);
    this.k = Math.ceil(this.n.toString(2).length / 8);
  }

  /** x^e mod n. */
  publicOp(input: Uint8Array): Uint8Array {
    return toBytes(modPow(toBigInt(input), this.e, this.n), this.k);
  }

  /** x^d mod n via CRT: m_p, m_q, then h = qinv·(m_p − m_q) mod p, m = m_q + q·h. */
  privateOp(input: Uint8Array): Uint8Array {
    const c = toBigInt(input);
    const mp = modPow(c % this.p, this.dp, this.p);
    const mq = modPow(c % this.q, this.dq, this.q);
    const h = (((mp - mq) % this.p) + this.p) % this.p;
    return toBytes(mq + this.q * ((h * this.qinv) % this.p), this.k);
  }
}
