import type { ScanSource } from '../../../../preload/contract';
import type { ScanReading } from '../../../domain/cccd';
import { newId } from '../../ids';

export interface RecentScan {
  id: string;
  reading: ScanReading;
  source: ScanSource;
  /** ISO instant. */
  at: string;
  atMs: number;
}

/**
 * Scans the core has read and not yet forgotten. A check-in applies the
 * card's data from here, never from what a desk sends back, so a record
 * marked 'card' holds exactly what a card said. Bounded in count and age:
 * a scan left on a desk over a break is read again rather than trusted.
 */
export class RecentScans {
  private readonly scans = new Map<string, RecentScan>();

  constructor(
    private readonly maxScans = 500,
    private readonly maxAgeMs = 30 * 60_000,
  ) {}

  add(reading: ScanReading, source: ScanSource, now: Date): RecentScan {
    const scan: RecentScan = { id: newId(), reading, source, at: now.toISOString(), atMs: now.getTime() };
    this.scans.set(scan.id, scan);
    // Map keeps insertion order: the first keys are the oldest.
    while (this.scans.size > this.maxScans) this.scans.delete(this.scans.keys().next().value as string);
    return scan;
  }

  get(id: string, now: Date): RecentScan | null {
    const scan = this.scans.get(id);
    if (!scan) return null;
    if (now.getTime() - scan.atMs > this.maxAgeMs) {
      this.scans.delete(id);
      return null;
    }
    return scan;
  }
}
