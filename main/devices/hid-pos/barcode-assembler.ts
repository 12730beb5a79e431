import type { ReportChunk } from './decode-report';

/**
 * Joins the chunks of one barcode and decodes the bytes as UTF-8. CCCD payloads
 * (~150 bytes with Vietnamese names) span several 56-byte reports, and a
 * multi-byte letter such as "ễ" (E1 BB 85) is often split across two, so text is
 * decoded only once the barcode is whole. Pure: time comes in as numbers.
 */
export interface AssembledBarcode {
  kind: 'barcode';
  text: string;
  byteLength: number;
  symbology: string | null;
  /** False when the scanner fell silent before the end it announced (a lost report). */
  complete: boolean;
  /** The bytes were not valid UTF-8; undecodable bytes became U+FFFD. */
  invalidUtf8: boolean;
}

export interface OversizedBarcode {
  kind: 'oversized';
  byteLength: number;
}

export type AssemblerOutput = AssembledBarcode | OversizedBarcode;

export interface AssemblerOptions {
  /** Bytes beyond which a barcode is dropped (a stuck scanner, not a card). */
  maxBytes?: number;
  /** Silence after which an unfinished barcode is delivered as it is. */
  idleMs?: number;
}

export class BarcodeAssembler {
  private readonly maxBytes: number;
  readonly idleMs: number;
  private parts: Uint8Array[] = [];
  private byteLength = 0;
  private symbology: string | null = null;
  private lastAt = 0;
  private overflowed = false;
  /** Whether the pending barcode ended on a flagged "more follows" (vs. a full flagless report). */
  private promisedMore = false;

  constructor(options: AssemblerOptions = {}) {
    this.maxBytes = options.maxBytes ?? 8192;
    this.idleMs = options.idleMs ?? 120;
  }

  get pending(): boolean {
    return this.parts.length > 0 || this.overflowed;
  }

  /** When an unfinished barcode should be flushed, or null when nothing waits. */
  deadline(): number | null {
    return this.pending ? this.lastAt + this.idleMs : null;
  }

  push(chunk: ReportChunk, now: number): AssemblerOutput[] {
    const out: AssemblerOutput[] = [];
    // A long silence between reports means the earlier barcode lost its end.
    if (this.pending && now - this.lastAt > this.idleMs) {
      const stale = this.finish(false);
      if (stale) out.push(stale);
    }
    this.lastAt = now;
    if (!this.pending) this.symbology = chunk.symbology;
    this.byteLength += chunk.data.length;
    if (this.byteLength > this.maxBytes) {
      this.overflowed = true;
      this.parts = [];
    } else if (!this.overflowed) this.parts.push(chunk.data);
    this.promisedMore = chunk.more === true;
    const ends = chunk.more === null ? !chunk.full : !chunk.more;
    if (ends) {
      const done = this.finish(true);
      if (done) out.push(done);
    }
    return out;
  }

  /** Delivers a barcode whose end never came, once `now` is past its deadline. */
  flush(now: number): AssemblerOutput | null {
    const deadline = this.deadline();
    if (deadline === null || now < deadline) return null;
    // A flagless barcode that filled its last report exactly has simply ended.
    return this.finish(!this.promisedMore);
  }

  private finish(complete: boolean): AssemblerOutput | null {
    const byteLength = this.byteLength;
    const overflowed = this.overflowed;
    const parts = this.parts;
    const symbology = this.symbology;
    this.parts = [];
    this.byteLength = 0;
    this.overflowed = false;
    this.symbology = null;
    this.promisedMore = false;
    if (overflowed) return { kind: 'oversized', byteLength };
    if (byteLength === 0) return null;
    const bytes = new Uint8Array(byteLength);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    let text: string;
    let invalidUtf8 = false;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      invalidUtf8 = true;
      text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    }
    return { kind: 'barcode', text, byteLength, symbology, complete, invalidUtf8 };
  }
}
