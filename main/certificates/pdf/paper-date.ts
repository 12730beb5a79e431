/** dd/MM/yyyy for a full date; partial dates of birth (yyyy-MM, yyyy) as far as they go. */
export function paperDate(iso: string): string {
  const parts = iso.split('-');
  return parts.reverse().join('/');
}
