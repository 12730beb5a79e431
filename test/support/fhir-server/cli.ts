import { openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFhirTestServer, type FaultKind } from './http';

/**
 * `npm run fhir-test-server -- [--port N] [--batch-only] [--no-validate]
 * [--max-body BYTES] [--faults RATE] [--fault-kinds 5xx,429,reset,slow,drop]
 * [--unknown-lot LOT]... [--national] [--client-id ID --client-secret S] [--record-bodies FILE]`
 *
 * The FHIR R4 test server on 127.0.0.1, for running a station against by hand
 * and for the bench (which runs it in a process of its own). Prints one JSON
 * line with its URL (and, with --national, the national signer's certificate
 * to put on the station's trust list), then serves until stopped; on stdin
 * `stats` prints what it holds.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'batch-only': { type: 'boolean' },
      'no-validate': { type: 'boolean' },
      'max-body': { type: 'string' },
      faults: { type: 'string' },
      'fault-kinds': { type: 'string' },
      'unknown-lot': { type: 'string', multiple: true },
      national: { type: 'boolean' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'record-bodies': { type: 'string' },
    },
    strict: true,
  });
  // Each POST body as received, length-prefixed (u32 big-endian), for replaying the same bytes.
  const record = values['record-bodies'] ? openSync(values['record-bodies'], 'w') : null;
  const server = await startFhirTestServer({
    ...(record !== null
      ? {
          recordBody: (body: Buffer) => {
            const len = Buffer.alloc(4);
            len.writeUInt32BE(body.length);
            writeSync(record, len);
            writeSync(record, body);
          },
        }
      : {}),
    port: values.port ? Number(values.port) : 0,
    batchOnly: values['batch-only'] ?? false,
    ...(values['max-body'] ? { maxBodyBytes: Number(values['max-body']) } : {}),
    ...(values.faults ? { faults: { rate: Number(values.faults), kinds: (values['fault-kinds'] ?? '5xx,429,reset,slow,drop').split(',') as FaultKind[] } } : {}),
    rules: { validate: !values['no-validate'], unknownLots: new Set(values['unknown-lot'] ?? []) },
    nationalSigner: values.national ?? false,
    ...(values['client-id'] && values['client-secret'] ? { oauth: { clientId: values['client-id'], clientSecret: values['client-secret'] } } : {}),
  });
  console.log(JSON.stringify({ url: server.url, port: server.port, nationalSignerPem: server.national?.certificatePem ?? null }));
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text: string) => {
    if (text.trim() === 'stats') {
      const counts = Object.fromEntries(['Patient', 'Immunization', 'AdverseEvent', 'Observation', 'DocumentReference', 'Location', 'Practitioner'].map((t) => [t, server.store.count(t)]));
      console.log(JSON.stringify({ stats: counts, requests: server.counts }));
    }
  });
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
