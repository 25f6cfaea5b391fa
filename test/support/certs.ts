// Test PKI generated with the openssl CLI at test time (cached per process): a CA, a server
// certificate for localhost/127.0.0.1 and a client certificate (test expiry with the `now` option).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** PEM texts and the directory holding the same files (for CLI peers: openssl, gnutls, node:tls). */
export interface TestPki {
  dir: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A server certificate for localhost with a 512-bit RSA key (weak-key tests) and its key. */
  weakServerCert: string;
  weakServerKey: string;
  /** File paths of the above: ca.pem, ca.key, server.pem, server.key, client.pem, client.key. */
  files: Record<"caCert" | "caKey" | "serverCert" | "serverKey" | "clientCert" | "clientKey", string>;
}

let cached: TestPki | undefined;

function openssl(dir: string, args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
}

/** Generates (once per process) the test PKI with RSA-2048 keys. */
export function testPki(): TestPki {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), "wassl-pki-"));
  writeFileSync(
    join(dir, "server.ext"),
    "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n",
  );
  writeFileSync(
    join(dir, "client.ext"),
    "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n",
  );
  openssl(dir, [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "3650",
    "-subj",
    "/CN=wassl test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
  for (const [name, cn, bits] of [
    ["server", "localhost", 2048],
    ["client", "wassl test client", 2048],
    ["weak", "localhost", 512],
  ] as const) {
    openssl(dir, [
      "req",
      "-newkey",
      `rsa:${bits}`,
      "-nodes",
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.csr`,
      "-subj",
      `/CN=${cn}`,
    ]);
    openssl(dir, [
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      `${name}.pem`,
      "-days",
      "825",
      "-extfile",
      `${name === "weak" ? "server" : name}.ext`,
    ]);
  }
  const files = {
    caCert: join(dir, "ca.pem"),
    caKey: join(dir, "ca.key"),
    serverCert: join(dir, "server.pem"),
    serverKey: join(dir, "server.key"),
    clientCert: join(dir, "client.pem"),
    clientKey: join(dir, "client.key"),
  };
  const read = (p: string) => readFileSync(p, "utf8");
  cached = {
    dir,
    caCert: read(files.caCert),
    caKey: read(files.caKey),
    serverCert: read(files.serverCert),
    serverKey: read(files.serverKey),
    clientCert: read(files.clientCert),
    clientKey: read(files.clientKey),
    weakServerCert: read(join(dir, "weak.pem")),
    weakServerKey: read(join(dir, "weak.key")),
    files,
  };
  return cached;
}

/** The test server certificate and key as file paths, in the option names the CLI peers take. */
export function serverCertFiles(): { certFile: string; keyFile: string } {
  const { files } = testPki();
  return { certFile: files.serverCert, keyFile: files.serverKey };
}
