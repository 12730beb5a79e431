import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary, StationErrorData } from '../../../preload/contract';
import { useCoreQuery } from '../components/use-core-query';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatSiteDate, formatSiteInstant } from '../components/dates';
import { Shortcut } from '../components/Shortcut';
import { keysOf, useShortcuts } from '../app/shortcuts';
import { station } from '../station';
import { PdfPreview } from './PdfPreview';
import { usePrinters } from './use-printers';

const day = (instant: string) => formatSiteInstant(instant).slice(0, 10);
const isoDay = (iso: string) => formatSiteDate(iso);

/**
 * One citizen's certificates: issue (Alt+G), preview (Alt+V), print or
 * reprint (Alt+P), and for supervisors reissue. The observation desk can show
 * this for the citizen it just released.
 */
export function CertificatePanel({ citizenId }: { citizenId: string }) {
  const { t } = useTranslation('certificates');
  const session = useSession();
  const query = useCoreQuery(() => station.certificates.forCitizen({ citizenId }), [citizenId], ['certificates:changed', 'certificates:printed']);
  const data = query.data;
  const [actionError, setError] = useState<StationErrorData | null>(null);
  const error = actionError ?? query.error;
  const [busy, setBusy] = useState(false);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const { names, preferred } = usePrinters();
  const [printer, setPrinter] = useState<string | null>(null);
  const chosenPrinter = printer ?? preferred;

  const current = data?.certificates.find((c) => c.id === data.currentId) ?? null;

  const run = async (action: () => Promise<{ ok: boolean; error?: StationErrorData }>, success?: string) => {
    setBusy(true);
    const r = await action();
    setBusy(false);
    if (!r.ok) return setError(r.error ?? null);
    setError(null);
    if (success) notifications.show({ color: 'teal', message: success });
    query.reload();
  };
  const issue = () => run(() => station.certificates.issueForCitizen({ citizenId }), t('panel.issuedOk'));
  const print = (c: CertificateSummary) =>
    run(() => station.certificates.print({ certificateId: c.id, ...(chosenPrinter ? { printer: chosenPrinter } : {}) }), t('panel.printed', { printer: chosenPrinter ?? '' }));
  const reissue = (c: CertificateSummary) => run(() => station.certificates.reissue({ certificateId: c.id }), t('panel.issuedOk'));

  useShortcuts({
    issue: () => !current && void issue(),
    preview: () => current && setPreviewId(current.id),
    print: () => current && void print(current),
  });

  if (!data) return error ? <ErrorAlert error={error} /> : null;
  const { citizen } = data;
  return (
    <Paper withBorder p="md" data-testid="certificate-panel">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={2} size="h3">
              {citizen.fullName}
            </Title>
            <Text size="sm" c="dimmed">
              {t('panel.dateOfBirth')}: {isoDay(citizen.dateOfBirth)} ·{' '}
              {citizen.idNumber ? `${t('panel.idNumber')}: ${citizen.idNumber}` : `${t('panel.passport')}: ${citizen.passportNumber ?? '—'}`}
            </Text>
          </div>
          <Select
            label={t('panel.printer')}
            data={names}
            value={chosenPrinter}
            onChange={setPrinter}
            placeholder={t('panel.noPrinter')}
            w={220}
            allowDeselect={false}
            data-testid="printer-select"
          />
        </Group>
        {error && <ErrorAlert error={error} />}

        <Title order={3} size="h5">
          {t('panel.doses')}
        </Title>
        <Table striped data-testid="certificate-doses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('panel.dose')}</Table.Th>
              <Table.Th>{t('panel.date')}</Table.Th>
              <Table.Th>{t('panel.vaccine')}</Table.Th>
              <Table.Th>{t('panel.lot')}</Table.Th>
              <Table.Th>{t('panel.place')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.doses.map((d) => (
              <Table.Tr key={d.doseId}>
                <Table.Td>
                  {d.doseNumber}/{d.seriesDoses}
                </Table.Td>
                <Table.Td>{isoDay(d.givenOn)}</Table.Td>
                <Table.Td>{d.productName}</Table.Td>
                <Table.Td>{d.lotNumber ?? '—'}</Table.Td>
                <Table.Td>
                  {d.place} {d.source !== 'station' && <Badge size="xs" variant="light">{t(`panel.source.${d.source}`)}</Badge>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('panel.certificates')}
          </Title>
          {!current && (
            <Button onClick={() => void issue()} loading={busy} rightSection={<Shortcut keys={keysOf('issue')} />} data-testid="issue-certificate">
              {t('panel.issue')}
            </Button>
          )}
        </Group>
        {data.certificates.length === 0 && <Text c="dimmed">{t('panel.noCertificate')}</Text>}
        {data.certificates.map((c) => (
          <Paper key={c.id} withBorder p="sm" data-testid="certificate-row" data-status={c.status}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge color={c.status === 'active' ? 'teal' : c.status === 'expired' ? 'orange' : 'gray'}>{t(`panel.status.${c.status}`)}</Badge>
                  {c.provisional && <Badge color="red" variant="outline">{t('panel.provisional')}</Badge>}
                  {c.national && <Badge color="blue" variant="outline">{t('panel.national')}</Badge>}
                </Group>
                <Text size="xs" ff="monospace">
                  {c.uvci}
                </Text>
                <Text size="sm">
                  {t('panel.issued')}: {day(c.issuedAt)} · {t('panel.expires')}: {day(c.expiresAt)} · {t('panel.prints')}: {c.printCount}
                </Text>
              </Stack>
              {c.status !== 'superseded' && (
                <Group gap="xs">
                  <Button variant="default" onClick={() => setPreviewId(c.id)} rightSection={c.id === current?.id ? <Shortcut keys={keysOf('preview')} /> : null} data-testid="preview-certificate">
                    {t('panel.preview')}
                  </Button>
                  <Button onClick={() => void print(c)} loading={busy} disabled={!chosenPrinter} rightSection={c.id === current?.id ? <Shortcut keys={keysOf('print')} /> : null} data-testid="print-certificate">
                    {c.printCount > 0 ? t('panel.reprint') : t('panel.print')}
                  </Button>
                  {session.staff.role === 'supervisor' && (
                    <Button variant="light" onClick={() => void reissue(c)} loading={busy}>
                      {t('panel.reissue')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {previewId && <PdfPreview certificateId={previewId} onClose={() => setPreviewId(null)} />}
    </Paper>
  );
}
