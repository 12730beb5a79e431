import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The FHIR test server in a process of its own (dist/test-support/fhir-server.cjs),
 * so the bench's peak RSS is the station core's alone.
 */
export interface ServerProcess {
  url: string;
  stats(): Promise<{ stats: Record<string, number> }>;
  stop(): Promise<void>;
}

export async function spawnFhirServer(args: string[]): Promise<ServerProcess> {
  const script = join(__dirname, '..', 'test-support', 'fhir-server.cjs');
  const child: ChildProcess = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the FHIR test server exited with ${code}`)));
    });
  const { url } = JSON.parse(await next()) as { url: string };
  return {
    url,
    async stats() {
      const answer = next();
      child.stdin!.write('stats\n');
      return JSON.parse(await answer) as { stats: Record<string, number> };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
