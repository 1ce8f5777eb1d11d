import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A key pair on disk: paths for the registry's config, PEM text for in-process use. */
export interface KeyAndCert {
  keyPath: string;
  keyPem: string;
  certPath: string;
  certPem: string;
}

export interface TestCerts {
  /** Temp directory holding every file below. */
  dir: string;
  /** P-256 key + self-signed certificate that signs registry tokens; `certPath` is the registry's rootcertbundle. */
  signing: KeyAndCert;
  /** Throwaway CA; point `NODE_EXTRA_CA_CERTS` (or `https` `ca`) at `certPath`. */
  ca: KeyAndCert;
  /** Server certificate for `127.0.0.1`, `localhost` and `::1`, issued by `ca`. */
  server: KeyAndCert;
  /** Deletes `dir`. */
  remove(): Promise<void>;
}

// Our own config, so the system openssl.cnf (whose defaults differ between distributions) does not shape the certs.
const OPENSSL_CNF = `
[req]
distinguished_name = dn
prompt = no

[dn]
CN = crpat test

[signer_ext]
subjectKeyIdentifier = hash
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature,keyCertSign

[ca_ext]
subjectKeyIdentifier = hash
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign

[server_ext]
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost,IP:::1
`;

const P256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const DAYS = ['-days', '7', '-sha256'];

/**
 * Generates, with the `openssl` CLI in a fresh temp dir, the token-signing pair for the registry rig and a CA +
 * server certificate for HTTPS tests. Takes ~100 ms; call once per test file and `remove()` afterwards.
 */
export async function generateTestCerts(): Promise<TestCerts> {
  const dir = await mkdtemp(join(tmpdir(), 'crpat-certs-'));
  try {
    const cnf = join(dir, 'openssl.cnf');
    await writeFile(cnf, OPENSSL_CNF);
    const file = (name: string) => join(dir, name);

    await openssl(['req', '-config', cnf, '-x509', ...P256, ...DAYS, '-subj', '/CN=crpat-simulator token signer',
      '-extensions', 'signer_ext', '-keyout', file('signing.key'), '-out', file('signing.crt')]);
    await openssl(['req', '-config', cnf, '-x509', ...P256, ...DAYS, '-subj', '/CN=crpat throwaway test CA',
      '-extensions', 'ca_ext', '-keyout', file('ca.key'), '-out', file('ca.crt')]);
    await openssl(['req', '-config', cnf, '-new', ...P256, '-subj', '/CN=localhost',
      '-keyout', file('server.key'), '-out', file('server.csr')]);
    await openssl(['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'),
      '-set_serial', serial(), ...DAYS, '-extfile', cnf, '-extensions', 'server_ext', '-out', file('server.crt')]);

    return {
      dir,
      signing: await readPair(file('signing.key'), file('signing.crt')),
      ca: await readPair(file('ca.key'), file('ca.crt')),
      server: await readPair(file('server.key'), file('server.crt')),
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function openssl(args: string[]): Promise<void> {
  try {
    await execFileAsync('openssl', args);
  } catch (error) {
    const { code, stderr } = error as NodeJS.ErrnoException & { stderr?: string };
    if (code === 'ENOENT') {
      throw new Error('openssl not found on PATH: apt-get install openssl', { cause: error });
    }
    throw new Error(`openssl ${args[0]} failed: ${stderr ?? String(error)}`, { cause: error });
  }
}

async function readPair(keyPath: string, certPath: string): Promise<KeyAndCert> {
  const [keyPem, certPem] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
  return { keyPath, keyPem, certPath, certPem };
}

/** A random positive 128-bit serial, so two CAs' leaves never collide in a trust store. */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return `0x${bytes.toString('hex')}`;
}
