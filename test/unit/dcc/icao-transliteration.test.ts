import { describe, expect, it } from 'vitest';
import { icaoTransliterate } from '../../../main/domain/dcc/icao-transliteration';

describe('ICAO 9303 names for fnt/gnt', () => {
  it.each([
    ['Nguyễn', 'NGUYEN'],
    ['Bảo Duy', 'BAO<DUY'],
    ['Đặng Thị Ánh Tuyết', 'DANG<THI<ANH<TUYET'],
    ['đỗ   ƯỚC', 'DO<UOC'],
    ['Phạm Ngọc Ơn', 'PHAM<NGOC<ON'],
    ['Musterfrau-Gößinger', 'MUSTERFRAU<GOESSINGER'],
    ["d'Červenková Panklová", 'DCERVENKOVA<PANKLOVA'],
    ['Jiřina-Maria Alena', 'JIRINA<MARIA<ALENA'],
    ['Ærøskøbing Müller', 'AEROESKOEBING<MUELLER'],
    ['  ', ''],
  ])('%s → %s', (name, expected) => {
    expect(icaoTransliterate(name)).toBe(expected);
  });

  it('treats composed and decomposed input alike', () => {
    expect(icaoTransliterate('Nguyễn Văn Ân'.normalize('NFD'))).toBe('NGUYEN<VAN<AN');
    expect(icaoTransliterate('Go\u0308ßinger')).toBe('GOESSINGER');
  });

  it('refuses names in scripts it does not transliterate instead of guessing', () => {
    expect(icaoTransliterate('Иван')).toBeNull();
    expect(icaoTransliterate('王小明')).toBeNull();
    expect(icaoTransliterate('Nguyen 2')).toBeNull();
  });

  it('keeps within 80 characters and never ends on a separator', () => {
    // 40 letters of Ö fit in a name field but become 80 letters in ICAO form.
    expect(icaoTransliterate(`${'Ö'.repeat(40)} Anh`)).toBe('OE'.repeat(40));
    const cut = icaoTransliterate(`${'A'.repeat(79)} B`);
    expect(cut).toBe('A'.repeat(79));
  });
});
