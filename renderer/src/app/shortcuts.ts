import { useHotkeys } from '@mantine/hooks';

/**
 * The station's one table of keyboard shortcuts. A letter means the same
 * action on every desk (Alt+P is always "print", Alt+I always "from an image
 * file"); desks bind actions by name through useShortcuts, never a key of
 * their own, and `?` shows this table on every desk. A unit test checks no
 * key is listed twice and no desk binds a key outside the table.
 */
export type DeskKey = 'all' | 'checkin' | 'screening' | 'injection' | 'observation' | 'supervisor' | 'certificates' | 'verify';

export interface ShortcutDef {
  /** Mantine hotkey; null for keys the desk handles itself (Enter on a focused button, letters on a question). */
  hotkey: string | null;
  /** As the key caps are drawn. */
  keys: readonly string[];
  /** Where the action exists ('all': everywhere). */
  desks: readonly DeskKey[];
}

export const SHORTCUTS = {
  desks: { hotkey: null, keys: ['Alt', '1…7'], desks: ['all'] },
  lock: { hotkey: 'alt+L', keys: ['Alt', 'L'], desks: ['all'] },
  help: { hotkey: 'shift+?', keys: ['?'], desks: ['all'] },
  close: { hotkey: 'Escape', keys: ['Esc'], desks: ['all'] },
  confirm: { hotkey: null, keys: ['Enter'], desks: ['injection', 'verify', 'screening'] },
  record: { hotkey: 'alt+Enter', keys: ['Alt', 'Enter'], desks: ['checkin', 'screening', 'observation'] },
  next: { hotkey: 'alt+N', keys: ['Alt', 'N'], desks: ['screening', 'injection'] },
  queue: { hotkey: 'alt+Q', keys: ['Alt', 'Q'], desks: ['checkin', 'screening', 'injection', 'certificates'] },
  move: { hotkey: null, keys: ['↑', '↓'], desks: ['checkin', 'screening', 'injection', 'observation', 'certificates'] },
  search: { hotkey: 'alt+S', keys: ['Alt', 'S'], desks: ['checkin', 'injection', 'verify'] },
  camera: { hotkey: 'alt+C', keys: ['Alt', 'C'], desks: ['checkin'] },
  image: { hotkey: 'alt+I', keys: ['Alt', 'I'], desks: ['checkin', 'verify'] },
  passport: { hotkey: 'alt+H', keys: ['Alt', 'H'], desks: ['checkin'] },
  manual: { hotkey: 'alt+M', keys: ['Alt', 'M'], desks: ['checkin'] },
  answerYes: { hotkey: null, keys: ['C'], desks: ['screening'] },
  answerNo: { hotkey: null, keys: ['K'], desks: ['screening'] },
  allNo: { hotkey: 'alt+K', keys: ['Alt', 'K'], desks: ['screening'] },
  override: { hotkey: 'alt+D', keys: ['Alt', 'D'], desks: ['screening'] },
  pick: { hotkey: null, keys: ['1…9'], desks: ['injection'] },
  open: { hotkey: 'alt+O', keys: ['Alt', 'O'], desks: ['injection', 'supervisor'] },
  left: { hotkey: 'alt+W', keys: ['Alt', 'W'], desks: ['checkin', 'screening', 'injection', 'observation'] },
  release: { hotkey: 'alt+R', keys: ['Alt', 'R'], desks: ['observation'] },
  aefi: { hotkey: 'alt+E', keys: ['Alt', 'E'], desks: ['observation'] },
  refer: { hotkey: 'alt+T', keys: ['Alt', 'T'], desks: ['observation'] },
  early: { hotkey: 'alt+X', keys: ['Alt', 'X'], desks: ['observation'] },
  showAll: { hotkey: 'alt+A', keys: ['Alt', 'A'], desks: ['observation'] },
  issue: { hotkey: 'alt+G', keys: ['Alt', 'G'], desks: ['certificates'] },
  preview: { hotkey: 'alt+V', keys: ['Alt', 'V'], desks: ['certificates'] },
  print: { hotkey: 'alt+P', keys: ['Alt', 'P'], desks: ['certificates', 'observation'] },
  batch: { hotkey: 'alt+B', keys: ['Alt', 'B'], desks: ['supervisor'] },
  newPlan: { hotkey: 'alt+J', keys: ['Alt', 'J'], desks: ['supervisor'] },
} as const satisfies Record<string, ShortcutDef>;

export type ShortcutAction = keyof typeof SHORTCUTS;
type BoundAction = { [A in ShortcutAction]: (typeof SHORTCUTS)[A]['hotkey'] extends string ? A : never }[ShortcutAction];

/** The key was pressed inside a dialog (an open dialog holds the keyboard: its focus trap keeps it there). */
function inDialog(e: KeyboardEvent): boolean {
  const target = e.target instanceof Element ? e.target : null;
  return target?.closest('[role="dialog"]') != null;
}

/** Actions that mean the same whether or not a dialog is open. */
const EVERYWHERE: readonly ShortcutAction[] = ['lock', 'help'];

/** The key caps of an action, for <Shortcut keys={…} />. */
export function keysOf(action: ShortcutAction): string[] {
  return [...SHORTCUTS[action].keys];
}

/**
 * Binds actions of the table on this desk. Alt shortcuts work from inside text
 * fields too (desks are used with the cursor in a search box); plain keys such
 * as `?` and Esc only outside them, where they cannot be typing. A key pressed
 * in a dialog belongs to the dialog: the desk behind it does not act on it
 * (Esc closing a confirmation must not also put away the person the desk
 * shows, Alt+Enter in one dialog must not record another form). A dialog binds
 * its own keys with `{ dialog: true }`.
 */
export function useShortcuts(handlers: Partial<Record<BoundAction, () => void>>, options: { dialog?: boolean } = {}): void {
  const entries = (Object.entries(handlers) as [BoundAction, () => void][]).map(
    ([a, run]) =>
      [a, options.dialog || EVERYWHERE.includes(a) ? run : (e: KeyboardEvent) => void (inDialog(e) || run())] as [BoundAction, (e: KeyboardEvent) => void],
  );
  const inFields = entries.filter(([a]) => SHORTCUTS[a].hotkey.startsWith('alt+')).map(([a, run]) => [SHORTCUTS[a].hotkey, run] as [string, (e: KeyboardEvent) => void]);
  const outside = entries.filter(([a]) => !SHORTCUTS[a].hotkey.startsWith('alt+')).map(([a, run]) => [SHORTCUTS[a].hotkey, run] as [string, (e: KeyboardEvent) => void]);
  useHotkeys(inFields, []);
  useHotkeys(outside);
}
