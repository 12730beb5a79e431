import { describe, expect, it } from 'vitest';
import { allowedKinds, keyUsageAllows } from '../../../main/domain/dcc/key-usage';

const TEST = '1.3.6.1.4.1.1847.2021.1.1';
const VACCINATION = '1.3.6.1.4.1.1847.2021.1.2';
const RECOVERY_OLD_ARC = '1.3.6.1.4.1.0.1847.2021.1.3';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

describe('document-signer key usage', () => {
  it('leaves a signer without DCC OIDs unrestricted', () => {
    expect([...allowedKinds(undefined)].sort()).toEqual(['r', 't', 'v']);
    expect(keyUsageAllows([SERVER_AUTH], ['v'])).toBe(true);
  });

  it('keeps a test-only signer from signing a vaccination certificate', () => {
    expect(keyUsageAllows([TEST], ['v'])).toBe(false);
    expect(keyUsageAllows([TEST], ['t'])).toBe(true);
  });

  it('reads both OID arcs in use', () => {
    expect(keyUsageAllows([RECOVERY_OLD_ARC], ['r'])).toBe(true);
    expect(keyUsageAllows([RECOVERY_OLD_ARC], ['v'])).toBe(false);
  });

  it('needs every certificate type in the payload to be allowed', () => {
    expect(keyUsageAllows([VACCINATION, TEST], ['v', 't'])).toBe(true);
    expect(keyUsageAllows([VACCINATION], ['v', 't'])).toBe(false);
  });
});
