import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Our own openssl config, so the system's (whose defaults differ between distributions) does not shape the certs.
const CNF = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = crpat bench
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
subjectAltName = IP:127.0.0.1,DNS:localhost
`;
const P256 = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * A throwaway CA and a server certificate for 127.0.0.1, made with the `openssl` CLI in a fresh temp directory.
 * The bench serves the simulator with `server` and gives crpat and curl `caPath` (NODE_EXTRA_CA_CERTS, --cacert).
 * @returns {Promise<{ caPath: string, key: string, cert: string, remove: () => Promise<void> }>}
 */
export async function makeCerts() {
  const dir = await mkdtemp(join(tmpdir(), 'crpat-bench-'));
  const file = (name) => join(dir, name);
  try {
    await writeFile(file('openssl.cnf'), CNF);
    const cnf = ['-config', file('openssl.cnf')];
    await run('openssl', ['req', ...cnf, '-x509', ...P256, '-days', '1', '-sha256', '-subj', '/CN=crpat bench CA', '-extensions', 'ca_ext',
      '-keyout', file('ca.key'), '-out', file('ca.crt')]);
    await run('openssl', ['req', ...cnf, '-new', ...P256, '-subj', '/CN=localhost', '-keyout', file('server.key'), '-out', file('server.csr')]);
    await run('openssl', ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-set_serial', `0x${Date.now().toString(16)}`,
      '-days', '1', '-sha256', '-extfile', file('openssl.cnf'), '-extensions', 'server_ext', '-out', file('server.crt')]);
    const [key, cert] = await Promise.all([readFile(file('server.key'), 'utf8'), readFile(file('server.crt'), 'utf8')]);
    return { caPath: file('ca.crt'), key, cert, remove: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error?.code === 'ENOENT') throw new Error('openssl is not on PATH: the bench makes its TLS certificates with it (apt-get install openssl)');
    throw error;
  }
}
