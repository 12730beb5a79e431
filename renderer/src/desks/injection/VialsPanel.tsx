import { Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiscardReason, WasteReason, type LotStock, type StationErrorData, type Vial } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { siteClock } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';
import { useCoreTime } from '../clinical/core-clock';
import { OpenVialConfirm } from './ConfirmModals';

/** h:mm left in use; a vial lasts hours, seconds would only flicker. */
function hoursMinutes(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

const STATE_COLOR: Record<Vial['state'], string> = { open: 'teal', expired: 'red', empty: 'gray', discarded: 'gray' };

type Action = { kind: 'discard' | 'waste'; vial: Vial } | null;

/** Discarding a vial, or counting doses lost from it, always with a reason (and words when the reason is "other"). */
function VialActionModal({ action, onClose }: { action: Action; onClose(): void }) {
  const { t } = useTranslation('injection');
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [doses, setDoses] = useState<number | ''>(1);
  const [error, setError] = useState<StationErrorData | null>(null);
  if (!action) return null;
  const reasons = action.kind === 'discard' ? DiscardReason.options : WasteReason.options;
  const submit = async () => {
    if (!reason) return;
    const noteField = note.trim() === '' ? {} : { note };
    const result =
      action.kind === 'discard'
        ? await station.vials.discard({ vialId: action.vial.id, reason: reason as DiscardReason, ...noteField })
        : await station.vials.waste({ vialId: action.vial.id, reason: reason as WasteReason, doses: doses === '' ? 0 : doses, ...noteField });
    if (!result.ok) return setError(result.error);
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t(`vials.${action.kind}Title`, { lot: action.vial.lotNumber })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Select
            label={t('vials.reason')}
            data={reasons.map((r) => ({ value: r, label: t(`vials.${action.kind}Reason.${r}`) }))}
            value={reason}
            onChange={setReason}
            withAsterisk
            data-autofocus
          />
          {action.kind === 'waste' && (
            <NumberInput label={t('vials.doses')} min={1} max={action.vial.dosesLeft} value={doses} onChange={(v) => setDoses(typeof v === 'number' ? v : '')} />
          )}
          <TextInput label={t('vials.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} withAsterisk={reason === 'other'} />
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" color={action.kind === 'discard' ? 'red' : 'orange'} disabled={!reason}>
              {t(`vials.${action.kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Today's vials: the open ones with the doses left and the time left in use,
 * the lots a vial can be opened from, and what was emptied or discarded.
 * Refreshes when any desk opens, draws from or discards a vial.
 */
export function VialsPanel() {
  const { t } = useTranslation('injection');
  const { data, error } = useCoreQuery(() => station.vials.list({}), [], ['vials:changed', 'plan:changed']);
  const now = useCoreTime(data?.now, 30_000);
  const [action, setAction] = useState<Action>(null);
  const [openError, setOpenError] = useState<StationErrorData | null>(null);
  const [opening, setOpening] = useState<LotStock | null>(null);
  const inUse = (data?.vials ?? []).filter((v) => v.state === 'open' || v.state === 'expired');
  const closed = (data?.vials ?? []).filter((v) => v.state === 'empty' || v.state === 'discarded').slice(0, 5);
  const open = async (lotId: string) => {
    setOpening(null);
    const result = await station.vials.open({ lotId });
    setOpenError(result.ok ? null : result.error);
  };
  return (
    <Paper withBorder p="sm" data-testid="vials-panel">
      <Title order={2} size="h5" mb="xs">
        {t('vials.title')}
      </Title>
      {error && <ErrorAlert error={error} />}
      {openError && <ErrorAlert error={openError} />}
      <Stack gap="xs">
        {inUse.map((v) => {
          const expired = v.state === 'expired' || (now > 0 && Date.parse(v.expiresAt) <= now);
          return (
            <Paper key={v.id} withBorder p="xs" data-testid="vial-row" data-lot={v.lotNumber} data-state={expired ? 'expired' : v.state} bg={expired ? 'var(--mantine-color-red-light)' : undefined}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={700}>
                  {v.productName} · {v.lotNumber}
                </Text>
                <Text size="sm" fw={600} data-testid="vial-left">
                  {t('vials.left', { left: v.dosesLeft, total: v.dosesTotal })}
                </Text>
              </Group>
              {expired ? (
                <Badge color={STATE_COLOR.expired}>{t('vials.expired')}</Badge>
              ) : (
                <Text size="xs">{t('vials.until', { at: siteClock(v.expiresAt), left: now > 0 ? hoursMinutes(Date.parse(v.expiresAt) - now) : '…' })}</Text>
              )}
              <Text size="xs" c="dimmed">
                {t('vials.openedAt', { at: siteClock(v.openedAt), by: v.openedBy })}
              </Text>
              <Group gap={4} mt={4}>
                {!expired && (
                  <Button size="compact-xs" variant="light" color="orange" onClick={() => setAction({ kind: 'waste', vial: v })}>
                    {t('vials.waste')}
                  </Button>
                )}
                <Button size="compact-xs" variant={expired ? 'filled' : 'light'} color="red" onClick={() => setAction({ kind: 'discard', vial: v })}>
                  {t('vials.discard')}
                </Button>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {inUse.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('vials.none')}
        </Text>
      )}
      <Stack gap={4} mt="xs">
        {(data?.lots ?? [])
          .filter((l) => l.usable)
          .map((l) => (
            <Group key={l.lotId} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <div style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={600}>
                  {l.productName} · {l.lotNumber}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('vials.stock', { opened: l.vialsOpened, received: l.vialsReceived, perVial: l.dosesPerVial })}
                </Text>
              </div>
              <Button
                size="compact-xs"
                variant="light"
                style={{ flexShrink: 0 }}
                onClick={() => setOpening(l)}
                disabled={l.vialsOpened >= l.vialsReceived}
                data-testid="open-vial"
                data-lot={l.lotNumber}
              >
                {t('vials.open')}
              </Button>
            </Group>
          ))}
      </Stack>
      {opening && (
        <OpenVialConfirm
          lot={opening}
          otherOpen={inUse.filter((v) => v.state === 'open' && v.dosesLeft > 0 && v.productCode !== opening.productCode).map((v) => ({ productName: v.productName, lotNumber: v.lotNumber, dosesLeft: v.dosesLeft }))}
          onConfirm={() => void open(opening.lotId)}
          onCancel={() => setOpening(null)}
        />
      )}
      {closed.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('vials.closed', { list: closed.map((v) => `${v.lotNumber} (${t(`vials.state.${v.state}`)})`).join(', ') })}
        </Text>
      )}
      <VialActionModal key={action ? `${action.kind}-${action.vial.id}` : 'none'} action={action} onClose={() => setAction(null)} />
    </Paper>
  );
}
