import { v7 } from 'uuid';

/**
 * Station-generated identifiers: UUIDv7, time-ordered so inserts append to the
 * index, and globally unique so records from many stations never collide when
 * uploaded.
 */
export function newId(): string {
  return v7();
}
