import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reconciliation } from '../../../../preload/contract';

function Figures({ title, rows, testId }: { title: string; rows: readonly [string, ReactNode, string?][]; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={3} size="h6" mb="xs">
        {title}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.map(([label, value, detail]) => (
            <Table.Tr key={label} data-figure={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td ta="right" fw={600} data-testid="figure-value">
                {value}
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {detail ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** People through the four steps, doses against the list, certificates and uploads. */
export function FigureTables({ reconciliation }: { reconciliation: Reconciliation }) {
  const { t, i18n } = useTranslation('day');
  const p = reconciliation.people;
  const d = reconciliation.doses;
  const c = reconciliation.certificates;
  const u = reconciliation.uploads;
  const reasons = (list: readonly { code: string; count: number; label: { vi: string; en: string } }[]) =>
    list.map((r) => `${i18n.language === 'en' ? r.label.en : r.label.vi} (${r.count})`).join('; ');
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Figures
        testId="people-figures"
        title={t('people.title')}
        rows={[
          [t('people.checkedIn'), p.checkedIn],
          [t('people.screened'), p.screened],
          [t('people.eligible'), p.eligible],
          [t('people.deferred'), p.deferred, reasons(p.deferredReasons)],
          [t('people.refused'), p.refused, reasons(p.refusedReasons)],
          [t('people.referred'), p.referred, reasons(p.referredReasons)],
          [t('people.vaccinated'), p.vaccinated],
          [t('people.left'), p.leftBeforeInjection],
          [t('people.waiting'), p.waitingForScreening + p.waitingForInjection],
          [t('people.inObservation'), p.inObservation],
          [t('people.released'), p.released, p.releasedEarly > 0 ? t('people.releasedEarly', { count: p.releasedEarly }) : ''],
          [t('people.aefi'), p.aefi.total, t('people.aefiDetail', { serious: p.aefi.serious, none: p.aefi.followUp.none ?? 0 })],
        ]}
      />
      <Figures
        testId="dose-figures"
        title={t('doses.title')}
        rows={[
          [t('doses.administered'), `${d.administered} / ${d.plannedCapacity}`, t('doses.capacity')],
          [t('doses.onList'), d.targetsOnList],
          [t('doses.listCame'), d.targetsCheckedIn],
          [t('doses.listVaccinated'), d.targetsVaccinated],
          [t('doses.notOnList'), d.notOnList],
          [t('doses.corrections'), `${d.voided} / ${d.corrected}`, t('doses.correctionsDetail')],
          ...d.byProductDose.map((x): [string, ReactNode] => [t('doses.productDose', { product: x.productName, dose: x.doseNumber }), x.count]),
        ]}
      />
      <Figures
        testId="certificate-figures"
        title={t('certificates.title')}
        rows={[
          [t('certificates.issued'), c.issued],
          [t('certificates.printed'), c.printed],
          [t('certificates.pending'), c.pending],
          [t('certificates.reissued'), c.reissued],
          [t('certificates.signed'), `${c.provisional} / ${c.national}`, t('certificates.signedDetail')],
        ]}
      />
      <Figures
        testId="upload-figures"
        title={t('uploads.title')}
        rows={[
          [t('uploads.doses'), `${u.doses.sent} / ${u.doses.pending} / ${u.doses.rejected}`, t('uploads.detail')],
          [t('uploads.other'), `${u.other.sent} / ${u.other.pending} / ${u.other.rejected}`, t('uploads.detail')],
        ]}
      />
    </SimpleGrid>
  );
}
