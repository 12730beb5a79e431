import type { Store } from '../../store';

/** One audit row per kind of refusal, code and desk (or address) per minute; the rest are counted into the next row. */
const WINDOW_MS = 60_000;
const KEYS_REMEMBERED = 2000;

/**
 * Audit rows for what the hub refused: an unknown or revoked desk, a wrong
 * pairing code, a call outside a desk's or a person's role, a desk sending
 * more than it may. A script on the LAN can be refused thousands of times a
 * minute; the audit log must not grow with it, so repeats are counted rather
 * than written one by one. A database that cannot be written (disk full)
 * loses the row, never the refusal.
 */
export class RefusalAudit {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  record(reason: string, who: { deskId?: string | null; address?: string | null }, detail: Record<string, unknown> = {}): void {
    const key = `${reason}:${String(detail.code ?? '')}:${who.deskId ?? who.address ?? '?'}`;
    const now = this.now();
    const seen = this.last.get(key);
    if (seen && now - seen.at < WINDOW_MS) {
      seen.suppressed++;
      return;
    }
    this.last.delete(key);
    this.last.set(key, { at: now, suppressed: 0 });
    while (this.last.size > KEYS_REMEMBERED) this.last.delete(this.last.keys().next().value!);
    try {
      this.store.write(null, (w) =>
        w.audit(`hub:refused:${reason}`, 'paired_desk', who.deskId ?? null, null, {
          address: who.address ?? null,
          ...detail,
          ...(seen?.suppressed ? { alsoRefusedInLastMinute: seen.suppressed } : {}),
        }),
      );
    } catch {
      // Read-only or full disk: the refusal stands without its row.
    }
  }
}
