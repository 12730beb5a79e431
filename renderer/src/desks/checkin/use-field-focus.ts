import { useEffect, useState } from 'react';
import { isEditableTarget } from '../../scanning/use-wedge-scanner';

/**
 * Whether a text field has the keyboard, so the desk can say a scan would
 * type into it; Escape in a field hands the keyboard back to the desk.
 */
export function useFieldFocus(enabled: boolean): boolean {
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const update = () => setFocused(isEditableTarget(document.activeElement));
    const onFocusOut = () => window.setTimeout(update, 0);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && isEditableTarget(e.target)) {
        // After the field's own Escape handling (clearing a search), not instead of it.
        window.setTimeout(() => (e.target as HTMLElement).blur(), 0);
      }
    };
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('keydown', onKeyDown);
    const initial = window.setTimeout(update, 0);
    return () => {
      window.clearTimeout(initial);
      document.removeEventListener('focusin', update);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
  return enabled && focused;
}
