import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { DeskName, PairingCode } from '../../preload/contract';
import { StationError } from '../core/errors';
import type { HubService } from '../core/services/hub/hub-service';
import { DESK_COOKIE, deskCookie } from './desk-credential';

/** A pairing request is a code and a name: a few hundred bytes. */
const MAX_BODY_BYTES = 4096;

const PairRequest = z.object({
  code: PairingCode,
  deskName: DeskName,
  /** `app`: the desktop app, which keeps the credential itself; `browser`: kept in an HttpOnly cookie the page cannot read. */
  client: z.enum(['app', 'browser']).default('browser'),
});

/**
 * POST /pair: the one thing the hub answers without a desk credential (the
 * static UI aside), and it needs the code shown on the hub's screen. Wrong
 * codes are counted per code and per address (PairingWindow); every try is
 * audited. The answer is a Result, like any call, so the desk shows the same
 * translated refusals.
 */
export function handlePairing(req: IncomingMessage, res: ServerResponse, hub: HubService, address: string): void {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return answer(res, 415, refusal('VALIDATION_FAILED', 'send JSON'));
  let size = 0;
  const chunks: Buffer[] = [];
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge) return;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(res, 400, refusal('VALIDATION_FAILED', 'not JSON'));
    }
    const parsed = PairRequest.safeParse(body);
    if (!parsed.success) return answer(res, 400, refusal('VALIDATION_FAILED', 'invalid pairing request'));
    try {
      const { desk, credential } = hub.pair({ code: parsed.data.code, deskName: parsed.data.deskName, address });
      const headers: Record<string, string> = { 'Set-Cookie': deskCookie(credential) };
      const value = { desk: { id: desk.id, name: desk.name, roles: desk.roles }, ...(parsed.data.client === 'app' ? { credential } : {}) };
      answer(res, 200, { ok: true, value }, headers);
    } catch (err) {
      if (err instanceof StationError) return answer(res, 403, { ok: false, error: err.toData() });
      answer(res, 500, refusal('INTERNAL', 'pairing failed'));
    }
  });
}

function refusal(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export { DESK_COOKIE };
