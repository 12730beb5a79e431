import { candidateBlockKeys, duplicateEvidence, type DuplicateEvidence, type PersonFacts } from './similarity';

/**
 * Finds pairs of records that may be one citizen, for a supervisor to decide.
 * Records are grouped by birth date (a date and its day/month swap share a
 * group) so a station of tens of thousands is not compared pair by pair.
 * Nothing here merges: it only lists.
 */
export interface CandidatePair<P extends PersonFacts & { readonly citizenId: string }> {
  readonly a: P;
  readonly b: P;
  readonly evidence: DuplicateEvidence;
}

export function findDuplicateCandidates<P extends PersonFacts & { readonly citizenId: string }>(
  people: Iterable<P>,
): CandidatePair<P>[] {
  const blocks = new Map<string, P[]>();
  for (const p of people) {
    for (const key of candidateBlockKeys(p)) {
      const block = blocks.get(key);
      if (block) block.push(p);
      else blocks.set(key, [p]);
    }
  }
  const pairs: CandidatePair<P>[] = [];
  const seen = new Set<string>();
  for (const block of blocks.values()) {
    for (let i = 0; i < block.length; i += 1) {
      for (let j = i + 1; j < block.length; j += 1) {
        const a = block[i]!;
        const b = block[j]!;
        if (a.citizenId === b.citizenId) continue;
        const pairKey = a.citizenId < b.citizenId ? `${a.citizenId}|${b.citizenId}` : `${b.citizenId}|${a.citizenId}`;
        if (seen.has(pairKey)) continue;
        const evidence = duplicateEvidence(a, b);
        if (evidence) {
          seen.add(pairKey);
          pairs.push({ a, b, evidence });
        }
      }
    }
  }
  return pairs;
}
