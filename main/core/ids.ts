import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Station-generated identifiers: UUIDv7, time-ordered so inserts append to the
 * index, and globally unique so records from many stations never collide when
 * uploaded.
 *
 * Random bytes come from a pool refilled 256 ids at a time: a dose writes five
 * ids, and asking the OS for 16 bytes each time was a measurable share of it.
 * Ids made in the same millisecond keep increasing (the sequence counts up, as
 * the uuid package itself does), so ordering by id is ordering by creation.
 */
const pool = new Uint8Array(16 * 256);
let used = pool.length;
const clock = { msecs: -Infinity, seq: 0 };

function sixteenRandomBytes(): Uint8Array {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

export function newId(): string {
  const random = sixteenRandomBytes();
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++;
  }
  return v7({ random, msecs: clock.msecs, seq: clock.seq });
}
