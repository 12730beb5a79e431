import { describe, expect, it } from 'vitest';
import { diffText } from '../../../renderer/src/desks/checkin/text-diff';

/** The letters the check-in desk marks when a registration and the card disagree. */
const marked = (parts: { text: string; same: boolean }[]) => parts.filter((p) => !p.same).map((p) => p.text);

describe('marking differences between a registration and the card', () => {
  it('marks only the letters that differ, whole Vietnamese letters included', () => {
    const d = diffText('Nguyen Van An', 'Nguyễn Văn An');
    expect(marked(d.from)).toEqual(['e', 'a']);
    expect(marked(d.to)).toEqual(['ễ', 'ă']);
    expect(d.to.map((p) => p.text).join('')).toBe('Nguyễn Văn An');
  });

  it('treats composed and decomposed forms of a name as the same text', () => {
    expect(marked(diffText('Nguye\u0302\u0303n', 'Nguyễn').to)).toEqual([]);
  });

  it('marks a changed day of birth and nothing else', () => {
    const d = diffText('03/09/2005', '02/09/2005');
    expect(marked(d.from)).toEqual(['3']);
    expect(marked(d.to)).toEqual(['2']);
  });
});
