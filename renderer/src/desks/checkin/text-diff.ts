export interface DiffPart {
  text: string;
  /** Present in both strings. */
  same: boolean;
}

/**
 * Which characters of `from` and `to` differ, by longest common subsequence
 * over user-perceived characters, so "Nguyen" vs "Nguyễn" marks just the
 * "ễ". Strings at the desk are short (names, dates), so O(n·m) is nothing.
 */
export function diffText(from: string, to: string): { from: DiffPart[]; to: DiffPart[] } {
  const a = Array.from(from.normalize('NFC'));
  const b = Array.from(to.normalize('NFC'));
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const keepA = new Array<boolean>(n).fill(false);
  const keepB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      keepA[i++] = true;
      keepB[j++] = true;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return { from: group(a, keepA), to: group(b, keepB) };
}

function group(chars: string[], keep: boolean[]): DiffPart[] {
  const parts: DiffPart[] = [];
  chars.forEach((c, k) => {
    const last = parts[parts.length - 1];
    if (last && last.same === keep[k]) last.text += c;
    else parts.push({ text: c, same: keep[k] ?? false });
  });
  return parts;
}
