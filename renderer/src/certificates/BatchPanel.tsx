import { Button, Group, Paper, Progress, SegmentedControl, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchResult, Paper as PaperSize, StationErrorData } from '../../../preload/contract';
import { useCoreQuery } from '../components/use-core-query';
import { ErrorAlert } from '../components/ErrorAlert';
import { Shortcut } from '../components/Shortcut';
import { keysOf, useShortcuts } from '../app/shortcuts';
import { station } from '../station';
import { usePrinters } from './use-printers';

/**
 * The supervisor's certificate screen: printing settings (printer, paper,
 * print on release) and today's pending certificates, signed and printed in
 * one action (Alt+B) with a progress bar fed by the core's progress events.
 */
export function BatchPanel() {
  const { t } = useTranslation('certificates');
  const { names, settings, setSettings } = usePrinters();
  const pendingQuery = useCoreQuery(() => station.certificates.pending({}), [], ['certificates:changed', 'queue:changed']);
  const pending = pendingQuery.data ?? [];
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);

  useEffect(() => station.on('certificates:batchProgress', (p) => setProgress({ done: p.done, total: p.total })), []);

  const save = async (patch: { autoPrintOnRelease?: boolean; printer?: string | null; paper?: PaperSize }) => {
    const r = await station.certificates.updateSettings(patch);
    if (!r.ok) return setError(r.error);
    setError(null);
    setSettings(r.value);
    notifications.show({ color: 'teal', message: t('settings.saved') });
  };

  const run = async (print: boolean) => {
    setResult(null);
    setProgress({ done: 0, total: pending.length });
    const r = await station.certificates.batch({ print, ...(settings?.printer ? { printer: settings.printer } : {}) });
    if (!r.ok) {
      setProgress(null);
      return setError(r.error);
    }
    setError(null);
    setResult(r.value);
    pendingQuery.reload();
  };
  useShortcuts({ batch: () => void run(true) });

  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('settings.title')}
        </Title>
        {settings && (
          <Stack gap="sm">
            <Switch label={t('settings.autoPrint')} checked={settings.autoPrintOnRelease} onChange={(e) => void save({ autoPrintOnRelease: e.currentTarget.checked })} data-testid="auto-print" />
            <Group align="flex-end">
              <Select label={t('settings.printer')} data={names} value={settings.printer} onChange={(v) => void save({ printer: v })} w={260} data-testid="settings-printer" />
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('settings.paper')}
                </Text>
                <SegmentedControl data={['A5', 'A6']} value={settings.paper} onChange={(v) => void save({ paper: v as PaperSize })} />
              </div>
            </Group>
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="md" data-testid="batch">
        <Title order={2} size="h4" mb="sm">
          {t('batch.title')}
        </Title>
        {error && <ErrorAlert error={error} />}
        {pending.length === 0 ? (
          <Text c="dimmed">{t('batch.none')}</Text>
        ) : (
          <Table mb="sm">
            <Table.Tbody>
              {pending.map((p) => (
                <Table.Tr key={p.visitId}>
                  <Table.Td>{p.queueNumber}</Table.Td>
                  <Table.Td>{p.fullName}</Table.Td>
                  <Table.Td>{t(`needs.${p.needs}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          <Button onClick={() => void run(true)} disabled={pending.length === 0} rightSection={<Shortcut keys={keysOf('batch')} />} data-testid="batch-run">
            {t('batch.run')}
          </Button>
          <Button variant="default" onClick={() => void run(false)} disabled={pending.length === 0}>
            {t('batch.signOnly')}
          </Button>
        </Group>
        {progress && progress.total > 0 && (
          <Stack gap={4} mt="sm">
            <Progress value={(100 * progress.done) / progress.total} animated={!result} data-testid="batch-progress" />
            <Text size="sm">{t('batch.progress', progress)}</Text>
          </Stack>
        )}
        {result && (
          <Text mt="sm" data-testid="batch-result">
            {t('batch.result', { issued: result.issued, printed: result.printed, failed: result.failed.length })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
