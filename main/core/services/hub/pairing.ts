import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../../../preload/contract';
import { StationError } from '../../errors';
import type { Actor } from '../../store';

/** A code is shown for this long; pairing a desk shows the next one for as long again. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/** Wrong codes tried against one code before it is withdrawn (one in 100,000 chances of a guess getting through). */
export const MAX_WRONG_CODES = 10;
/** Wrong codes from one address in PAIRING_WINDOW_MS before that address must wait. */
export const MAX_WRONG_CODES_PER_ADDRESS = 5;
const ADDRESS_WINDOW_MS = 10 * 60_000;
const ADDRESSES_REMEMBERED = 1000;

export interface PairingOfferState {
  code: string;
  roles: Role[];
  expiresAt: number;
  openedBy: Actor;
}

/**
 * The pairing code the hub shows: six random digits, one desk each, for ten
 * minutes. A code guessed wrong too often is withdrawn (the supervisor shows
 * a new one) and an address guessing wrong too often waits, so the 10⁶ codes
 * cannot be walked through. Kept in memory only: a restart ends pairing.
 */
export class PairingWindow {
  private offer: PairingOfferState | null = null;
  private wrongTries = 0;
  private readonly wrongByAddress = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  open(roles: Role[], openedBy: Actor): PairingOfferState {
    this.offer = { code: newCode(), roles: [...new Set(roles)], expiresAt: this.now() + PAIRING_CODE_TTL_MS, openedBy };
    this.wrongTries = 0;
    return this.offer;
  }

  close(): void {
    this.offer = null;
  }

  current(): PairingOfferState | null {
    if (this.offer && this.offer.expiresAt <= this.now()) this.offer = null;
    return this.offer;
  }

  /** Spends the code if it is the one shown; the next desk gets a fresh one. Throws the refusal the desk shows. */
  claim(code: string, address: string): PairingOfferState {
    const now = this.now();
    const recent = (this.wrongByAddress.get(address) ?? []).filter((t) => t > now - ADDRESS_WINDOW_MS);
    if (recent.length >= MAX_WRONG_CODES_PER_ADDRESS) {
      throw new StationError('PAIRING_TOO_MANY_TRIES', 'too many wrong codes from this address', { retryAfterSeconds: Math.ceil((recent[0]! + ADDRESS_WINDOW_MS - now) / 1000) });
    }
    const offer = this.current();
    if (!offer) throw new StationError('PAIRING_CLOSED', 'no pairing code is shown at the hub');
    if (!sameCode(code, offer.code)) {
      this.remember(address, [...recent, now]);
      if (++this.wrongTries >= MAX_WRONG_CODES) {
        this.offer = null;
        throw new StationError('PAIRING_TOO_MANY_TRIES', 'the code was withdrawn after too many wrong tries', { retryAfterSeconds: 0 });
      }
      throw new StationError('PAIRING_CODE_WRONG', 'wrong pairing code', { triesLeft: Math.min(MAX_WRONG_CODES - this.wrongTries, MAX_WRONG_CODES_PER_ADDRESS - recent.length - 1) });
    }
    this.open(offer.roles, offer.openedBy);
    return offer;
  }

  private remember(address: string, times: number[]): void {
    this.wrongByAddress.delete(address);
    this.wrongByAddress.set(address, times);
    while (this.wrongByAddress.size > ADDRESSES_REMEMBERED) this.wrongByAddress.delete(this.wrongByAddress.keys().next().value!);
  }
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
