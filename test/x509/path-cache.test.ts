// The verified-chain memo of the default peer verifier: hits only for the identical chain, trust store,
// provider and purpose; validity and host name checked on every use.
import { beforeAll, describe, expect, it } from "vitest";
import { trustedRootsFromOption } from "../../tls/credentials.js";
import { defaultPeerVerifier } from "../../tls/handshake/default-verifier.js";
import { importPeerKey } from "../../tls/handshake/peer-key-import.js";
import type { PeerVerificationRequest, PeerVerificationResult } from "../../tls/handshake/peer-verifier.js";
import { Certificate } from "../../tls/x509/certificate.js";
import { TrustedPathCache } from "../../tls/x509/path-cache.js";
import { countingProvider } from "../support/counting-provider.js";
import { buildChainFixtures, type ChainFixtures } from "./chains.js";

const DAY = 86_400_000;
let fx: ChainFixtures;
let validNow: Date;
let leafNotAfter: Date;

beforeAll(() => {
  fx = buildChainFixtures();
  const leaf = Certificate.fromDer(fx.der.leaf!);
  validNow = new Date(leaf.notBefore.getTime() + DAY);
  leafNotAfter = leaf.notAfter;
});

function request(over: Partial<PeerVerificationRequest> & Pick<PeerVerificationRequest, "roots" | "provider">) {
  return {
    chain: [fx.der.leaf!.slice(), fx.der.inter!.slice()],
    hostname: "a.example.com",
    purpose: "serverAuth",
    now: validNow,
    ...over,
  } satisfies PeerVerificationRequest;
}

async function verify(req: PeerVerificationRequest): Promise<PeerVerificationResult> {
  return defaultPeerVerifier(req);
}

describe("defaultPeerVerifier remembers validated chains", () => {
  it("checks the signatures of an identical chain once per trust store and provider", async () => {
    const roots = [fx.der.root!];
    const { provider, imports } = countingProvider();
    expect((await verify(request({ roots, provider }))).ok).toBe(true);
    const first = imports();
    expect(first).toBeGreaterThan(0);
    expect((await verify(request({ roots, provider }))).ok).toBe(true);
    expect(imports()).toBe(first);
    // Another `ca` list with the same contents is another trust store: validated afresh.
    expect((await verify(request({ roots: [fx.der.root!], provider }))).ok).toBe(true);
    expect(imports()).toBe(2 * first);
    // Another provider too.
    const other = countingProvider();
    expect((await verify(request({ roots, provider: other.provider }))).ok).toBe(true);
    expect(other.imports()).toBe(first);
  });

  it("checks validity and host name again on a hit", async () => {
    const roots = [fx.der.root!];
    const { provider, imports } = countingProvider();
    expect((await verify(request({ roots, provider }))).ok).toBe(true);
    const counted = imports();
    const expired = await verify(request({ roots, provider, now: new Date(leafNotAfter.getTime() + DAY) }));
    expect(expired).toMatchObject({ ok: false, code: "CERT_HAS_EXPIRED" });
    expect(expired.publicKey).toBeDefined();
    const early = await verify(request({ roots, provider, now: new Date(validNow.getTime() - 2 * DAY) }));
    expect(early).toMatchObject({ ok: false, code: "CERT_NOT_YET_VALID" });
    const wrongName = await verify(request({ roots, provider, hostname: "b.example.com" }));
    expect(wrongName).toMatchObject({ ok: false, code: "HOSTNAME_MISMATCH" });
    expect(imports()).toBe(counted);
    expect((await verify(request({ roots, provider }))).ok).toBe(true);
  });

  it("does not reuse a serverAuth verdict for clientAuth", async () => {
    const roots = [fx.der.root!];
    const { provider } = countingProvider();
    const chain = [fx.der.leafServerOnly!, fx.der.inter!];
    expect((await verify(request({ roots, provider, chain }))).ok).toBe(true);
    const client = await verify(request({ roots, provider, chain, purpose: "clientAuth", hostname: undefined }));
    expect(client).toMatchObject({ ok: false, code: "INVALID_PURPOSE" });
  });

  it("misses on any changed byte, and is not affected by the caller reusing its buffers", async () => {
    const roots = [fx.der.root!];
    const { provider } = countingProvider();
    const req = request({ roots, provider });
    expect((await verify(req)).ok).toBe(true);
    // The same buffers, now holding a tampered signature: must be checked, not served from the cache.
    const leafBuffer = req.chain[0]!;
    leafBuffer[leafBuffer.length - 1]! ^= 0x01;
    expect(await verify(req)).toMatchObject({ ok: false, code: "CERT_SIGNATURE_FAILURE" });
    leafBuffer[leafBuffer.length - 1]! ^= 0x01;
    expect((await verify(req)).ok).toBe(true);
    // A failure is never remembered: the tampered chain fails again.
    leafBuffer[leafBuffer.length - 1]! ^= 0x01;
    expect((await verify(req)).ok).toBe(false);
  });

  it("does not trust a cached chain presented with an extra certificate", async () => {
    const roots = [fx.der.root!];
    const { provider, imports } = countingProvider();
    expect((await verify(request({ roots, provider }))).ok).toBe(true);
    const counted = imports();
    const longer = request({ roots, provider, chain: [fx.der.leaf!, fx.der.inter!, fx.der.otherRoot!] });
    expect((await verify(longer)).ok).toBe(true);
    expect(imports()).toBeGreaterThan(counted);
  });
  it("shares the imported leaf key only from the chain's second sighting", async () => {
    const roots = [fx.der.root!];
    const { provider } = countingProvider();
    const keyImports = countingProvider();
    const first = await verify(request({ roots, provider }));
    importPeerKey(keyImports.provider, first.publicKey!);
    importPeerKey(keyImports.provider, first.publicKey!);
    expect(keyImports.imports()).toBe(2); // a one-off chain: each connection owns (and frees) its key
    const second = await verify(request({ roots, provider }));
    const shared = importPeerKey(keyImports.provider, second.publicKey!);
    expect(importPeerKey(keyImports.provider, second.publicKey!)).toBe(shared);
    expect(keyImports.imports()).toBe(3);
    expect(shared.dispose).toBeUndefined();
  });
});

describe("trustedRootsFromOption", () => {
  it("gives contexts built from the same PEM `ca` text one shared trust store (and its chain cache)", async () => {
    const pem = fx.pem.root!;
    const roots = trustedRootsFromOption(pem);
    expect(trustedRootsFromOption(pem)).toBe(roots);
    expect(trustedRootsFromOption([pem])).toBe(roots);
    expect(Object.isFrozen(roots)).toBe(true);
    expect(roots).toEqual([fx.der.root]);
    const { provider, imports } = countingProvider();
    expect((await verify(request({ roots, provider }))).ok).toBe(true);
    const first = imports();
    expect((await verify(request({ roots: trustedRootsFromOption(pem), provider }))).ok).toBe(true);
    expect(imports()).toBe(first);
    // Other text is another list; DER input is parsed as given, every time.
    expect(trustedRootsFromOption(`${pem}${fx.pem.inter!}`)).not.toBe(roots);
    expect(trustedRootsFromOption(fx.der.root!)).not.toBe(trustedRootsFromOption(fx.der.root!));
  });

  it("still rejects a `ca` text without a certificate", () => {
    expect(() => trustedRootsFromOption("no certificate here")).toThrow(/no PEM/);
    expect(() => trustedRootsFromOption("no certificate here")).toThrow(/no PEM/);
  });
});

describe("TrustedPathCache", () => {
  it("keeps at most `capacity` chains, evicting the least recently used", () => {
    const cache = new TrustedPathCache(2);
    const path = [Certificate.fromDer(fx.der.leaf!)];
    const chains = [[fx.der.leaf!], [fx.der.inter!], [fx.der.root!]].map(TrustedPathCache.copyChain);
    cache.set(chains[0]!, "serverAuth", path);
    cache.set(chains[1]!, "serverAuth", path);
    expect(cache.get(chains[0]!, "serverAuth")).toBe(path);
    cache.set(chains[2]!, "serverAuth", path);
    expect(cache.size).toBe(2);
    expect(cache.get(chains[1]!, "serverAuth")).toBeUndefined();
    expect(cache.get(chains[0]!, "serverAuth")).toBe(path);
    expect(cache.get(chains[2]!, "serverAuth")).toBe(path);
    expect(cache.get(chains[2]!, "clientAuth")).toBeUndefined();
  });
});
