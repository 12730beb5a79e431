import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../../main/domain/cccd';

/** Hex of the UTF-8 bytes, as health-insurance QR codes carry names and addresses. */
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

describe('what reaches a check-in desk', () => {
  it('reads a chip ID card', () => {
    const reading = classifyScan('079305654321||Trần Thị Bích|02092005|Nữ|12 Lê Lợi, Bến Nghé, Quận 1, Hồ Chí Minh|05082021');
    expect(reading.kind).toBe('cccd');
    expect(reading.kind === 'cccd' && reading.identity?.fullName).toBe('Trần Thị Bích');
  });

  it('recognises an older health-insurance card (2 letters + 13 digits) and decodes the hex fields', () => {
    // Synthetic person in the layout of paper BHYT cards.
    const raw = `GD4797931234567|${hex('Trần Thị Bích')}|02/09/2005|2|${hex('12 Lê Lợi, Quận 1, Hồ Chí Minh')}|79 - 023|01/01/2024|31/12/2024|15/12/2023|$`;
    expect(classifyScan(raw)).toEqual({
      kind: 'bhyt',
      cardNumber: 'GD4797931234567',
      socialInsuranceNumber: '7931234567',
      fullName: 'Trần Thị Bích',
      dateOfBirth: '2005-09-02',
      dateOfBirthPrecision: 'day',
      sex: 'female',
      address: '12 Lê Lợi, Quận 1, Hồ Chí Minh',
      primaryCareFacility: '79-023',
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
      findings: [],
    });
  });

  it('recognises a newer health-insurance QR (10-digit number, open-ended validity, year-only birth)', () => {
    const raw = `0131234567|${hex('Lê Văn Cường')}|1956|1|-|01 - C54|01/07/2023|-|31/07/2023|01050131234567|-|4| 01/10/2027|0a1b2c3d4e5f6071-1202|4|${hex('Quận Cầu Giấy, Hà Nội')}|$`;
    const reading = classifyScan(raw);
    expect(reading).toMatchObject({
      kind: 'bhyt',
      socialInsuranceNumber: '0131234567',
      fullName: 'Lê Văn Cường',
      dateOfBirth: '1956',
      dateOfBirthPrecision: 'year',
      sex: 'male',
      address: null,
      validTo: null,
      findings: [],
    });
  });

  it('says which health-insurance field it could not decode', () => {
    const reading = classifyScan(`GD4797931234567|${hex('An')}|31/02/2005|1|zz|79 - 023|$`);
    expect(reading.kind === 'bhyt' && reading.findings.map((f) => f.params.field)).toEqual(['dateOfBirth', 'address']);
  });

  it('passes an EU DCC certificate on untouched, with the transport junk removed', () => {
    // Start of a base45 certificate; the certificates module judges the rest.
    const sample = 'HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IUKRG*I.I5BROCWAAT4V22F/8X*G3M9JUPY0BX/KR96R/S09T./0LWTKD33236J3TA3M*4VV2 73-E3GG396B-43O058YIB73A*G3W19UEBY5:PI0EGSP4*2DN43U*0CEBQ/GXQFY73CIBC:G 7376BXBJBAJ UNFMJCRN0H3PQN*E33H3OA70M3FMJIJN523.K5QZ4A+2XEN QT QTHC31M3+E32R44$28A9H0D3ZCL4JMYAZ+S-A5$XKX6T2YC 35H/ITX8GL2-LH/CJTK96L6SR9MU9RFGJA6Q3QR$P2OIC0JVLA8J3ET3:H3A+2+33U SAAUOT3TPTO4UBZIC0JKQTL*QDKBO.AI9BVYTOCFOPS4IJCOT0$89NT2V457U8+9W2KQ-7LF9-DF07U$B97JJ1D7WKP/HLIJLRKF1MFHJP7NVDEBU1J*Z222E.GJF67Z JA6B.38O4BH*HB0EGLE2%V -3O+J3.PI2G:M1SSP2Y3D38-G9C+Q5W-94B1/6:SXV8XKAVS0DWAAXV8FF2U0TYW2KCSAXR6AMC3';
    expect(classifyScan(`]Q1${sample}\r\n`)).toEqual({ kind: 'dcc', payload: sample });
  });

  it('recognises links, plain text and nothing', () => {
    expect(classifyScan('https://tiemchung.example.vn/a?b=1')).toEqual({ kind: 'url', url: 'https://tiemchung.example.vn/a?b=1', host: 'tiemchung.example.vn' });
    expect(classifyScan('www.example.vn/x')).toMatchObject({ kind: 'url', host: 'www.example.vn' });
    expect(classifyScan('Lô 12A, hạn dùng 2026')).toEqual({ kind: 'text', text: 'Lô 12A, hạn dùng 2026' });
    expect(classifyScan('8934567890123')).toEqual({ kind: 'text', text: '8934567890123' });
    expect(classifyScan('\uFEFF \r\n')).toEqual({ kind: 'empty' });
  });

  it('keeps a card-shaped scan with too few fields as a card problem, not text', () => {
    const reading = classifyScan('001094123456|Nguyễn Văn An|15031994');
    expect(reading.kind === 'cccd' && reading.findings.map((f) => f.code)).toEqual(['TOO_FEW_FIELDS']);
  });

  it('refuses anything larger than one QR code can hold', () => {
    expect(classifyScan(`HC1:${'A'.repeat(5000)}`)).toEqual({
      kind: 'rejected',
      findings: [{ code: 'PAYLOAD_TOO_LONG', severity: 'error', params: { limit: 4096 } }],
    });
  });
});
