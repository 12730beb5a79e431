import i18next from 'i18next';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const isField = (t: EventTarget | null): t is Field => t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;

/**
 * The browser's own "Please fill out this field" bubble speaks the browser's
 * language, not the desk's. Desk forms validate themselves (noValidate); for
 * the few that keep the browser's check (sign-in, unlock), the bubble is given
 * the desk's words. The message is cleared on the next keystroke, and again
 * before each check, so a field filled in some other way never stays refused.
 */
export function translateNativeValidation(doc: Document = document): void {
  doc.addEventListener(
    'invalid',
    (e) => {
      if (!isField(e.target)) return;
      const field = e.target;
      field.setCustomValidity('');
      if (field.validity.valid) return;
      const key = field.validity.valueMissing ? 'validation.required' : 'validation.invalid';
      field.setCustomValidity(i18next.t(key, { ns: 'common' }));
    },
    true,
  );
  const clear = (e: Event) => isField(e.target) && e.target.setCustomValidity('');
  doc.addEventListener('input', clear, true);
  doc.addEventListener('change', clear, true);
  // Enter in a field or a click on a button comes before the browser's check: start it from a clean slate.
  const reset = (e: Event) => {
    const form = e.target instanceof Element ? e.target.closest('form') : null;
    if (form) for (const el of Array.from(form.elements)) if (isField(el)) el.setCustomValidity('');
  };
  doc.addEventListener('keydown', (e) => e.key === 'Enter' && reset(e), true);
  doc.addEventListener('click', reset, true);
}
