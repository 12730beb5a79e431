import { Alert, Badge, Button, Group, List, Select, Stack, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InjectionSite, type DoseOption, type DoseRecord, type DoseSuggestion, type NextDoseView, type StationErrorData } from '../../../../preload/contract';
import { keysOf, useShortcuts } from '../../app/shortcuts';
import { readableParams, useDateFormat } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Shortcut } from '../../components/Shortcut';
import { station } from '../../station';
import { VisitCard } from '../clinical/VisitCard';
import { LeftModal } from '../clinical/LeftModal';
import { DeviationConfirm, OpenVialConfirm } from './ConfirmModals';
import { DoseOptions } from './DoseOptions';

export interface Recorded {
  queueNumber: number;
  fullName: string;
  dose: DoseRecord;
  dueAt: string;
  nextDose: NextDoseView | null;
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
 * A visit that is not waiting for its dose (screening postponed or referred
 * them, they are not screened yet, already vaccinated, gone): the desk says
 * so in red, with the screening's reasons and return date, and offers no
 * vaccine at all.
 */
function NotAtDesk({ suggestion }: { suggestion: DoseSuggestion }) {
  const { t } = useTranslation(['injection', 'screening', 'checkin']);
  const formatDate = useDateFormat();
  const { step, screening } = suggestion;
  return (
    <Alert color="red" variant="light" title={t(`blocked.${step}`, { defaultValue: t('notAtDesk', { step: t(`checkin:step.${step}`) }) })} data-testid="not-at-desk" data-step={step}>
      {step === 'postponed' && screening?.returnDate && (
        <Text fw={700} data-testid="return-date">
          {t('blocked.returnDate', { date: formatDate(screening.returnDate) })}
        </Text>
      )}
      {screening && screening.reasons.length > 0 && (step === 'postponed' || step === 'referred' || step === 'contraindicated') && (
        <List size="sm" mt={4}>
          {screening.reasons.map((r, i) => (
            <List.Item key={`${r.code}-${i}`}>{t(`screening:reason.${r.code}`, readableParams(r.params))}</List.Item>
          ))}
        </List>
      )}
      <Text size="sm" mt={4}>
        {t('blocked.noDose')}
      </Text>
    </Alert>
  );
}

/**
 * One visit at the injection desk: identity to check, screening notes, what
 * the list invited the citizen for, what may be given (the best lot already
 * chosen: the series' product, then the list's, then an open vial), and the
 * confirm button, which has the focus: after the scan, Enter records. A lot
 * against the series or the list, or one whose vial must be opened first,
 * asks for a confirmation that names it. 1–9 picks another lot; Alt+O opens a
 * vial of the chosen lot; Alt+W records that the person left.
 */
export function DosePanel({ suggestion, onRecorded, onEnded, reload }: { suggestion: DoseSuggestion; onRecorded(r: Recorded): void; onEnded(): void; reload(): void }) {
  const { t } = useTranslation(['injection', 'clinical']);
  const formatDate = useDateFormat();
  const atDesk = suggestion.step === 'injection';
  const allowed = suggestion.options.filter((o) => o.allowed);
  const [chosen, setChosen] = useState<string | null>(allowed[0]?.lotId ?? null);
  const [site, setSite] = useState<InjectionSite>('left_deltoid');
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<null | 'deviation' | 'vial' | 'left'>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const option: DoseOption | null = allowed.find((o) => o.lotId === chosen) ?? allowed[0] ?? null;
  const otherOpen = suggestion.options
    .filter((o) => o.vial && o.vial.dosesLeft > 0 && o.productCode !== option?.productCode)
    .map((o) => ({ productName: o.productName, lotNumber: o.lotNumber, dosesLeft: o.vial!.dosesLeft }));

  useEffect(() => {
    if (confirm === null) confirmButton.current?.focus();
  }, [suggestion.visitId, option?.lotId, option?.vial?.id, confirm]);

  const openVial = async () => {
    setConfirm(null);
    if (!option) return;
    const result = await station.vials.open({ lotId: option.lotId });
    if (!result.ok) return setError(result.error);
    setError(null);
    reload();
  };
  const record = async (confirmDeviations: DoseOption['deviations']) => {
    setConfirm(null);
    if (!option?.vial || busy) return;
    setBusy(true);
    const result = await station.doses.record({
      visitId: suggestion.visitId,
      lotId: option.lotId,
      vialId: option.vial.id,
      injectionSite: site,
      ...(confirmDeviations.length > 0 ? { confirmDeviations: confirmDeviations.map((d) => d.code) } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      reload();
      return;
    }
    const { dose, observation, nextDose } = result.value;
    onRecorded({ queueNumber: suggestion.queueNumber, fullName: suggestion.citizen.fullName, dose, dueAt: observation.dueAt, nextDose });
  };
  /** Enter on the confirm button: straight to the record when nothing needs confirming. */
  const proceed = () => {
    if (!option || busy) return;
    if (!option.vial) return setConfirm('vial');
    if (option.deviations.length > 0) return setConfirm('deviation');
    void record([]);
  };

  useShortcuts({
    open: () => atDesk && option && setConfirm('vial'),
    left: () => atDesk && setConfirm('left'),
  });
  // 1–9 pick a lot, but not while a confirmation is asking about the one chosen.
  useHotkeys(allowed.slice(0, 9).map((o, i) => [`${i + 1}`, () => confirm === null && setChosen(o.lotId)] as [string, () => void]));

  return (
    <Stack gap="sm" data-testid="dose-panel" data-visit={suggestion.visitId}>
      <VisitCard queueNumber={suggestion.queueNumber} citizen={suggestion.citizen}>
        {suggestion.listed && (
          <Text size="sm" mt={4} data-testid="listed-for">
            {t('listed', {
              product: suggestion.listed.productName ?? t('listedAny'),
              dose: suggestion.listed.doseNumber ?? '—',
            })}
          </Text>
        )}
      </VisitCard>
      {!atDesk && <NotAtDesk suggestion={suggestion} />}
      {atDesk && suggestion.screening && (suggestion.screening.precautions.length > 0 || suggestion.screening.observationMinutes > 30) && (
        <Alert color="yellow" title={t('precautions')} data-testid="precautions">
          {suggestion.screening.precautions.map((p) => t(`clinical:precaution.${p}`)).join('; ')}
          {suggestion.screening.observationMinutes > 30 ? ` ${t('observeLonger', { minutes: suggestion.screening.observationMinutes })}` : ''}
        </Alert>
      )}
      <HistoryTable doses={suggestion.history} />
      {atDesk && <DoseOptions options={suggestion.options} chosen={option?.lotId ?? null} onChoose={setChosen} />}
      {atDesk && allowed.length === 0 && (
        <Alert color="red" data-testid="nothing-allowed">
          {suggestion.earliestDate ? t('nothingUntil', { date: formatDate(suggestion.earliestDate) }) : t('nothing')}
        </Alert>
      )}
      {error && <ErrorAlert error={error} />}
      {atDesk && (
        <Stack gap="xs">
          <Group justify="space-between" align="flex-end">
            {option ? (
              <Select
                label={t('site.label')}
                data={InjectionSite.options.map((s) => ({ value: s, label: t(`site.${s}`) }))}
                value={site}
                onChange={(v) => v && setSite(v as InjectionSite)}
                allowDeselect={false}
                w={220}
              />
            ) : (
              <span />
            )}
            <Button variant="subtle" color="orange" onClick={() => setConfirm('left')} rightSection={<Shortcut keys={keysOf('left')} />} data-testid="visit-left">
              {t('clinical:left.open')}
            </Button>
          </Group>
          {option &&
            (option.vial ? (
              <Button
                ref={confirmButton}
                size="md"
                fullWidth
                color={option.deviations.length > 0 ? 'orange' : undefined}
                onClick={proceed}
                loading={busy}
                rightSection={<Shortcut keys={['Enter']} />}
                data-testid="record-dose"
                data-deviations={option.deviations.length}
              >
                {t('record', { number: option.doseNumber, product: option.productName, lot: option.lotNumber })}
              </Button>
            ) : (
              <Button ref={confirmButton} size="md" fullWidth color="orange" onClick={proceed} rightSection={<Shortcut keys={['Enter']} />} data-testid="open-vial-for-dose">
                {t('openVialFirst', { lot: option.lotNumber })}
              </Button>
            ))}
        </Stack>
      )}
      {atDesk && option && option.deviations.length > 0 && (
        <Badge color="orange" variant="light" tt="none" data-testid="needs-confirmation">
          {t('deviation.needed')}
        </Badge>
      )}
      {confirm === 'deviation' && option && <DeviationConfirm option={option} onConfirm={() => void record(option.deviations)} onCancel={() => setConfirm(null)} />}
      {confirm === 'vial' && option && <OpenVialConfirm lot={option} otherOpen={otherOpen} onConfirm={() => void openVial()} onCancel={() => setConfirm(null)} />}
      {confirm === 'left' && (
        <LeftModal
          visit={suggestion}
          afterDose={false}
          onClose={(done) => {
            setConfirm(null);
            if (done) onEnded();
          }}
        />
      )}
    </Stack>
  );
}
