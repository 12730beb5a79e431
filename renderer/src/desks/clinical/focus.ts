/** Puts the keyboard on the desk's queue list (its current entry), so ↑/↓ and Enter pick the next person. */
export function focusQueue(): void {
  const entry = document.querySelector<HTMLElement>('[data-testid="queue-panel"] [role="option"][tabindex="0"]');
  entry?.focus();
}

/** Picks the first person waiting in the desk's queue, as Alt+N does. */
export function firstQueueEntry(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="queue-panel"] [role="option"]');
}

/** HH:mm:ss or mm:ss left until an instant, by a clock corrected to the core's. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
