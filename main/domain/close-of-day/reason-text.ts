import { SCREENING_FORMS } from '../screening';
import type { Effect, LocalText, Question } from '../screening/types';

/**
 * Words for a screening reason code on paper: the checklist item that gave
 * it, in the form's own Vietnamese and English. Codes from no item (an age
 * rule, an override) have their own words here.
 */
const OWN: Readonly<Record<string, LocalText>> = {
  override: { vi: 'Thay đổi kết luận có ghi lý do', en: 'Conclusion overridden with a reason' },
  unspecified: { vi: 'Không ghi lý do', en: 'No reason recorded' },
  AGE_65_OR_OVER: { vi: 'Từ 65 tuổi trở lên', en: 'Aged 65 or over' },
};

function effectsOf(q: Question): readonly Effect[] {
  switch (q.type) {
    case 'yes-no':
      return q.onYes ?? [];
    case 'number':
      return (q.bands ?? []).flatMap((b) => b.effects);
    case 'date':
      return q.effects ?? [];
    case 'choice':
      return q.options.flatMap((o) => o.effects ?? []);
  }
}

let byCode: Map<string, LocalText> | null = null;

export function screeningReasonText(code: string): LocalText {
  if (!byCode) {
    byCode = new Map(Object.entries(OWN));
    for (const form of SCREENING_FORMS) for (const q of form.questions) for (const e of effectsOf(q)) if (!byCode.has(e.code)) byCode.set(e.code, q.text);
  }
  return byCode.get(code) ?? { vi: code, en: code };
}
