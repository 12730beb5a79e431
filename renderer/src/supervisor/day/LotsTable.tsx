import { Badge, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StockCountReason, type LotReconciliation, type StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

/** The supervisor enters what was counted; the person who counted is chosen, the supervisor verifies. */
function CountModal({ lot, onClose }: { lot: LotReconciliation; onClose(): void }) {
  const { t } = useTranslation('day');
  const staff = useCoreQuery(() => station.staff.list({}), []);
  const me = useCoreQuery(() => station.auth.whoami({}), []);
  const [counted, setCounted] = useState<number | ''>(lot.count?.sealedVialsCounted ?? lot.sealedVialsExpected);
  const [countedBy, setCountedBy] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const variance = counted === '' ? 0 : lot.varianceDoses + (lot.sealedVialsOnHand - counted) * lot.dosesPerVial;
  const people = (staff.data ?? []).filter((s) => s.active && s.id !== me.data?.staff?.id);
  const submit = async () => {
    if (counted === '' || !countedBy) return;
    const r = await station.closeOfDay.countStock({
      lotId: lot.lotId,
      sealedVialsCounted: counted,
      countedBy,
      ...(reason ? { reason: reason as StockCountReason } : {}),
      ...(note.trim() ? { note } : {}),
    });
    if (!r.ok) return setError(r.error);
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('count.title', { lot: lot.lotNumber, product: lot.productName })}>
      <form
        aria-label={t('count.title', { lot: lot.lotNumber, product: lot.productName })}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('count.expected', { count: lot.sealedVialsExpected })}</Text>
          <NumberInput label={t('count.counted')} min={0} value={counted} onChange={(v) => setCounted(typeof v === 'number' ? v : '')} data-autofocus data-testid="count-sealed" />
          <Select label={t('count.countedBy')} data={people.map((p) => ({ value: p.id, label: p.fullName }))} value={countedBy} onChange={setCountedBy} required data-testid="count-by" />
          <Text size="sm" c={variance === 0 ? 'teal' : 'red'} data-testid="count-variance">
            {t('count.variance', { count: variance })}
          </Text>
          {variance !== 0 && (
            <Select label={t('count.reason')} data={StockCountReason.options.map((r) => ({ value: r, label: t(`stockReason.${r}`) }))} value={reason} onChange={setReason} required data-testid="count-reason" />
          )}
          <Textarea label={t('count.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
          {error && <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button type="submit" disabled={counted === '' || !countedBy} data-testid="count-save">
              {t('count.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Vials and doses per lot, each line's balance, and the physical count. */
export function LotsTable({ lots, editable }: { lots: readonly LotReconciliation[]; editable: boolean }) {
  const { t } = useTranslation('day');
  const [counting, setCounting] = useState<LotReconciliation | null>(null);
  return (
    <>
      <Table striped withTableBorder data-testid="lots-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lots.lot')}</Table.Th>
            <Table.Th ta="right">{t('lots.received')}</Table.Th>
            <Table.Th ta="right">{t('lots.opened')}</Table.Th>
            <Table.Th ta="right">{t('lots.administered')}</Table.Th>
            <Table.Th ta="right">{t('lots.wasted')}</Table.Th>
            <Table.Th ta="right">{t('lots.sealed')}</Table.Th>
            <Table.Th ta="right">{t('lots.variance')}</Table.Th>
            <Table.Th ta="right">{t('lots.wastage')}</Table.Th>
            <Table.Th>{t('lots.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lots.map((l) => (
            <Table.Tr key={l.lotId} id={`lot-${l.lotId}`} data-testid="lot-row" data-lot={l.lotNumber}>
              <Table.Td>
                <Text fw={600}>{l.lotNumber}</Text>
                <Text size="xs" c="dimmed">
                  {l.productName} · {t('lots.perVial', { count: l.dosesPerVial })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {l.vialsReceived} / {l.dosesReceived}
              </Table.Td>
              <Table.Td ta="right">{l.vialsOpened}</Table.Td>
              <Table.Td ta="right">{l.dosesAdministered}</Table.Td>
              <Table.Td ta="right">{l.dosesWasted}</Table.Td>
              <Table.Td ta="right">
                {l.count ? l.count.sealedVialsCounted : '—'} / {l.sealedVialsExpected}
              </Table.Td>
              <Table.Td ta="right" c={l.varianceDoses === 0 ? undefined : 'red'}>
                {l.varianceDoses}
              </Table.Td>
              <Table.Td ta="right">{pct(l.wastageRate)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {l.count && (
                    <Text size="xs">
                      {t('lots.countedBy', { counted: l.count.countedBy, verified: l.count.verifiedBy })}
                      {l.count.reason ? ` · ${t(`stockReason.${l.count.reason}`)}` : ''}
                    </Text>
                  )}
                  <Group gap={4}>
                    {l.problems.map((p) => (
                      <Badge key={p} color="orange" size="xs" data-testid="lot-problem">
                        {t(`lotProblem.${p}`)}
                      </Badge>
                    ))}
                  </Group>
                  {editable && (
                    <Button size="compact-xs" variant="light" onClick={() => setCounting(l)} data-testid="count-open">
                      {l.count ? t('count.recount') : t('count.open')}
                    </Button>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {t('lots.rule')}
      </Text>
      {counting && <CountModal lot={counting} onClose={() => setCounting(null)} />}
    </>
  );
}
