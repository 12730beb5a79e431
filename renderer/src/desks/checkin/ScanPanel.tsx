import { Button, Group, Loader, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { keysOf } from '../../app/shortcuts';
import { Shortcut } from '../../components/Shortcut';
import { UsbScannerStatus } from './UsbScannerStatus';

export interface ScanPanelProps {
  reading: boolean;
  /** A text field has the keyboard: a keyboard-wedge scan would type into it. */
  fieldFocused: boolean;
  onCamera: () => void;
  onImage: () => void;
  onForeigner: () => void;
  onManual: () => void;
  onClear: (() => void) | null;
}

/** The desk's resting state: ready for a scan from any scanner, with the other ways in a keystroke away. */
export function ScanPanel({ reading, fieldFocused, onCamera, onImage, onForeigner, onManual, onClear }: ScanPanelProps) {
  const { t } = useTranslation('checkin');
  return (
    <Paper withBorder p="sm" data-testid="scan-panel">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          {reading && <Loader size="sm" />}
          <Text fw={700} size="lg" data-testid="scan-ready">
            {reading ? t('scan.reading') : t('scan.ready')}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <UsbScannerStatus />
          {onClear && (
            <Button variant="subtle" size="compact-sm" onClick={onClear} rightSection={<Shortcut keys={keysOf('close')} />}>
              {t('scan.clear')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c={fieldFocused ? 'orange.8' : 'dimmed'} data-testid="scan-hint">
        {fieldFocused ? t('scan.fieldFocused') : t('scan.hint')}
      </Text>
      <Group mt="xs" gap="xs">
        <Button variant="default" size="compact-sm" onClick={onCamera} rightSection={<Shortcut keys={keysOf('camera')} />}>
          {t('scan.camera')}
        </Button>
        <Button variant="default" size="compact-sm" onClick={onImage} rightSection={<Shortcut keys={keysOf('image')} />} data-testid="scan-image">
          {t('scan.image')}
        </Button>
        <Button variant="default" size="compact-sm" onClick={onForeigner} rightSection={<Shortcut keys={keysOf('passport')} />}>
          {t('scan.foreigner')}
        </Button>
        <Button variant="default" size="compact-sm" onClick={onManual} rightSection={<Shortcut keys={keysOf('manual')} />}>
          {t('scan.manual')}
        </Button>
      </Group>
    </Paper>
  );
}
