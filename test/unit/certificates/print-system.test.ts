import { describe, expect, it } from 'vitest';
import { parseLpstat } from '../../../main/certificates/printing/print-system';

describe('reading the CUPS printer list', () => {
  it('finds printers, their state and the default from `lpstat -p -d`', () => {
    const out = [
      'printer PDF is idle.  enabled since Mon Nov 23 20:34:53 2026',
      'printer Quay-1 now printing Quay-1-7.  enabled since Mon Nov 23 08:00:00 2026',
      'printer Kho disabled since Mon Nov 23 07:00:00 2026 -',
      '\tPaused',
      'system default destination: Quay-1',
    ].join('\n');
    expect(parseLpstat(out)).toEqual([
      { name: 'PDF', isDefault: false, state: 'idle' },
      { name: 'Quay-1', isDefault: true, state: 'printing' },
      { name: 'Kho', isDefault: false, state: 'disabled' },
    ]);
    expect(parseLpstat('no system default destination\n')).toEqual([]);
  });
});
