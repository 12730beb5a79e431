import { readFileSync } from 'node:fs';

/** A recorded report sequence from test/fixtures/hid (format in its README). */
export interface Recording {
  payload: string | null;
  reports: { delayMs: number; bytes: Uint8Array }[];
}

export function readRecording(name: string): Recording {
  const text = readFileSync(new URL(`../../fixtures/hid/${name}`, import.meta.url), 'utf8');
  const reports: Recording['reports'] = [];
  let payload: string | null = null;
  for (const rawLine of text.split('\n')) {
    const comment = /^#\s*payload: (.*)$/u.exec(rawLine);
    if (comment) payload = comment[1] ?? null;
    const line = rawLine.replace(/#.*/u, '').trim();
    if (!line) continue;
    const m = /^(?:\+(\d+)\s+)?([0-9a-fA-F\s]+)$/u.exec(line);
    if (!m) throw new Error(`not a report line: ${rawLine}`);
    const hex = (m[2] ?? '').replace(/\s+/gu, '');
    reports.push({ delayMs: m[1] ? Number(m[1]) : 0, bytes: Uint8Array.from(Buffer.from(hex, 'hex')) });
  }
  return { payload, reports };
}
