import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoardEntry } from '../../../../preload/contract';
import { useSession } from '../../app/session';
import { keysOf } from '../../app/shortcuts';
import { formatBirthDate } from '../../components/person-format';
import { formatSiteDate } from '../../components/dates';
import { Shortcut } from '../../components/Shortcut';

/**
 * The appointment slip handed over at release for an unfinished series: the
 * vaccine and dose to come back for and the first day it may be given (from
 * the series rules). Shown on the desk and printed on the desk's printer with
 * the browser's print (only the slip is printed: see print.css).
 */
export function NextDoseSlip({ entry, onClose }: { entry: BoardEntry; onClose(): void }) {
  const { t } = useTranslation('observation');
  const { site } = useSession();
  const next = entry.nextDose;
  return (
    <Alert color="teal" withCloseButton onClose={onClose} title={t('slip.released', { number: entry.queueNumber, name: entry.citizen.fullName })} data-testid="next-dose-slip">
      {next ? (
        <Stack gap={4}>
          <div className="print-slip">
            <Text fw={700} className="print-only">
              {site.name}
            </Text>
            <Text className="print-only">
              {entry.citizen.fullName} · {formatBirthDate(entry.citizen.dateOfBirth)}
            </Text>
            <Text className="print-only">{t('slip.today', { product: entry.productName, dose: entry.doseNumber })}</Text>
            <Text fw={700} data-testid="next-dose">
              {t('slip.next', { product: next.productName, dose: next.doseNumber, series: next.seriesDoses, date: formatSiteDate(next.earliestDate) })}
            </Text>
            <Text size="sm">{t('slip.bring')}</Text>
          </div>
          <Group>
            <Button size="compact-sm" variant="light" onClick={() => window.print()} rightSection={<Shortcut keys={keysOf('print')} />} data-testid="print-slip">
              {t('slip.print')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm">{t('slip.complete')}</Text>
      )}
    </Alert>
  );
}
