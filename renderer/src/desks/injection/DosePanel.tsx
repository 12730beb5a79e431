import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InjectionSite, type DoseRecord, type DoseSuggestion, type StationErrorData } from '../../../../preload/contract';
import { useDateFormat } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shortcut } from '../../components/Shortcut';
import { station } from '../../station';
import { VisitCard } from '../clinical/VisitCard';
import { DoseOptions } from './DoseOptions';

export interface Recorded {
  queueNumber: number;
  fullName: string;
  dose: DoseRecord;
  dueAt: string;
}

/** The citizen's doses so far, every source, corrections included. */
function HistoryTable({ doses }: { doses: DoseRecord[] }) {
  const { t } = useTranslation('injection');
  const formatDate = useDateFormat();
  if (doses.length === 0) return <Text size="sm" c="dimmed">{t('history.none')}</Text>;
  return (
    <Table withTableBorder striped data-testid="injection-history">
      <Table.Tbody>
        {doses.map((d) => (
          <Table.Tr key={d.id} c={d.status === 'valid' ? undefined : 'dimmed'}>
            <Table.Td>{formatDate(d.givenOn)}</Table.Td>
            <Table.Td>{t('history.dose', { number: d.doseNumber })}</Table.Td>
            <Table.Td>{d.productName}</Table.Td>
            <Table.Td>{d.lotNumber ?? '—'}</Table.Td>
            <Table.Td>{t(`history.source.${d.source}`)}</Table.Td>
            <Table.Td>{d.status === 'valid' ? '' : t(`history.status.${d.status}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * One visit at the injection desk: identity to check, screening notes, what
 * may be given (the best lot already chosen), and the confirm button, which
 * has the focus: after the scan, Enter records. 1–9 picks another lot; Alt+V
 * opens a vial of the chosen lot when none is open.
 */
export function DosePanel({ suggestion, onRecorded, reload }: { suggestion: DoseSuggestion; onRecorded(r: Recorded): void; reload(): void }) {
  const { t } = useTranslation(['injection', 'clinical']);
  const formatDate = useDateFormat();
  const allowed = suggestion.options.filter((o) => o.allowed);
  const [chosen, setChosen] = useState<string | null>(allowed[0]?.lotId ?? null);
  const [site, setSite] = useState<InjectionSite>('left_deltoid');
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const option = allowed.find((o) => o.lotId === chosen) ?? allowed[0] ?? null;
  const atDesk = suggestion.step === 'injection';

  useEffect(() => {
    confirmButton.current?.focus();
  }, [suggestion.visitId, option?.vial?.id]);

  const openVial = async () => {
    if (!option) return;
    const result = await station.vials.open({ lotId: option.lotId });
    if (!result.ok) return setError(result.error);
    setError(null);
    reload();
  };
  const record = async () => {
    if (!option || busy) return;
    if (!option.vial) return void openVial();
    setBusy(true);
    const result = await station.doses.record({ visitId: suggestion.visitId, lotId: option.lotId, vialId: option.vial.id, injectionSite: site });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      reload();
      return;
    }
    onRecorded({ queueNumber: suggestion.queueNumber, fullName: suggestion.citizen.fullName, dose: result.value.dose, dueAt: result.value.observation.dueAt });
  };

  useHotkeys([['alt+V', () => void openVial()]], []);
  useHotkeys(allowed.slice(0, 9).map((o, i) => [`${i + 1}`, () => setChosen(o.lotId)] as [string, () => void]));

  return (
    <Stack gap="sm" data-testid="dose-panel" data-visit={suggestion.visitId}>
      <VisitCard queueNumber={suggestion.queueNumber} citizen={suggestion.citizen} />
      {!atDesk && (
        <Alert color="orange" data-testid="not-at-desk">
          {t('notAtDesk', { step: t(`checkin:step.${suggestion.step}`) })}
        </Alert>
      )}
      {suggestion.screening && (suggestion.screening.precautions.length > 0 || suggestion.screening.observationMinutes > 30) && (
        <Alert color="yellow" title={t('precautions')} data-testid="precautions">
          {suggestion.screening.precautions.map((p) => t(`clinical:precaution.${p}`)).join('; ')}
          {suggestion.screening.observationMinutes > 30 ? ` ${t('observeLonger', { minutes: suggestion.screening.observationMinutes })}` : ''}
        </Alert>
      )}
      <HistoryTable doses={suggestion.history} />
      <DoseOptions options={suggestion.options} chosen={option?.lotId ?? null} onChoose={setChosen} />
      {allowed.length === 0 && (
        <Alert color="red" data-testid="nothing-allowed">
          {suggestion.earliestDate ? t('nothingUntil', { date: formatDate(suggestion.earliestDate) }) : t('nothing')}
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {atDesk && option && (
        <Group justify="flex-end" align="flex-end">
          <Select
            label={t('site.label')}
            data={InjectionSite.options.map((s) => ({ value: s, label: t(`site.${s}`) }))}
            value={site}
            onChange={(v) => v && setSite(v as InjectionSite)}
            allowDeselect={false}
            w={200}
          />
          {option.vial ? (
            <Button ref={confirmButton} size="md" onClick={() => void record()} loading={busy} rightSection={<Shortcut keys={['Enter']} />} data-testid="record-dose">
              {t('record', { number: option.doseNumber, product: option.productName, lot: option.lotNumber })}
            </Button>
          ) : (
            <Button ref={confirmButton} size="md" color="orange" onClick={() => void openVial()} rightSection={<Shortcut keys={['Alt', 'V']} />} data-testid="open-vial-for-dose">
              {t('openVialFirst', { lot: option.lotNumber })}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
