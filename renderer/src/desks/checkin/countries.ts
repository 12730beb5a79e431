/**
 * Nationalities for the passport form: every ISO 3166-1 alpha-2 code the
 * browser's ICU data names, in the desk's language. No list to keep up to
 * date; the core checks codes against the same data.
 */
const cache = new Map<string, { value: string; label: string }[]>();

export function countryOptions(language: string): { value: string; label: string }[] {
  const known = cache.get(language);
  if (known) return known;
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      // Unassigned codes come back undefined; private-use ones (XA–XZ, QM–QZ, AA, ZZ) as the code itself or "Unknown Region".
      if (name && name !== code && !/^(?:AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/u.test(code)) out.push({ value: code, label: `${name} (${code})` });
    }
  }
  out.sort((x, y) => x.label.localeCompare(y.label, language));
  cache.set(language, out);
  return out;
}
