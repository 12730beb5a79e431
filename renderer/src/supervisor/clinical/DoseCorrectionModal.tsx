import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InjectionSite, type DoseRecord, type Lot, type StationErrorData } from '../../../../preload/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { station } from '../../station';

export type Correction = { kind: 'void' | 'supersede'; dose: DoseRecord } | null;

/**
 * A supervisor's correction of one dose record: void it, or write a corrected
 * version (lot, dose number, date, site). Always with a reason; the original
 * stays in the history.
 */
export function DoseCorrectionModal({ correction, lots, onClose }: { correction: Correction; lots: Lot[]; onClose(): void }) {
  const { t } = useTranslation(['corrections', 'injection']);
  const dose = correction?.dose;
  const [reason, setReason] = useState('');
  const [lotId, setLotId] = useState<string | null>(dose?.lotId ?? null);
  const [doseNumber, setDoseNumber] = useState<number | ''>(dose?.doseNumber ?? '');
  const [givenOn, setGivenOn] = useState(dose?.givenOn ?? '');
  const [site, setSite] = useState<string | null>(dose?.injectionSite ?? null);
  const [error, setError] = useState<StationErrorData | null>(null);
  if (!correction || !dose) return null;

  const submit = async () => {
    const result =
      correction.kind === 'void'
        ? await station.doses.void({ doseId: dose.id, reason })
        : await station.doses.supersede({
            doseId: dose.id,
            reason,
            ...(lotId && lotId !== dose.lotId ? { lotId } : {}),
            ...(doseNumber !== '' && doseNumber !== dose.doseNumber ? { doseNumber } : {}),
            ...(givenOn && givenOn !== dose.givenOn ? { givenOn } : {}),
            ...(site && site !== dose.injectionSite ? { injectionSite: site as InjectionSite } : {}),
          });
    if (!result.ok) return setError(result.error);
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t(`${correction.kind}.title`, { product: dose.productName, lot: dose.lotNumber ?? '—', number: dose.doseNumber })}>
      <form
        noValidate
        aria-label={t(`${correction.kind}.title`, { product: dose.productName, lot: dose.lotNumber ?? '—', number: dose.doseNumber })}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Alert color={correction.kind === 'void' ? 'red' : 'yellow'}>{t(`${correction.kind}.explain`)}</Alert>
          {correction.kind === 'supersede' && (
            <>
              <Select label={t('field.lot')} data={lots.map((l) => ({ value: l.id, label: `${l.productName} · ${l.lotNumber}` }))} value={lotId} onChange={setLotId} allowDeselect={false} />
              <Group grow>
                <NumberInput label={t('field.doseNumber')} min={1} max={10} value={doseNumber} onChange={(v) => setDoseNumber(typeof v === 'number' ? v : '')} />
                <DateField label={t('field.givenOn')} value={givenOn} onChange={setGivenOn} />
              </Group>
              <Select
                label={t('injection:site.label')}
                data={InjectionSite.options.map((s) => ({ value: s, label: t(`injection:site.${s}`) }))}
                value={site}
                onChange={setSite}
                clearable
              />
            </>
          )}
          <Textarea label={t('field.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} data-autofocus />
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" color={correction.kind === 'void' ? 'red' : undefined} data-testid={`${correction.kind}-confirm`}>
              {t(`${correction.kind}.confirm`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
