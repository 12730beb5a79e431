import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Reconciliation } from '../../../../preload/contract';

function Chart({ title, data, dataKey, label, percent, vertical, testId }: { title: string; data: Record<string, string | number>[]; dataKey: string; label: string; percent?: boolean; vertical?: boolean; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={3} size="h6" mb="xs">
        {title}
      </Title>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <BarChart
          h={vertical ? Math.max(120, data.length * 28) : 180}
          data={data}
          dataKey={dataKey}
          orientation={vertical ? 'vertical' : 'horizontal'}
          series={[{ name: 'value', label, color: 'teal.6' }]}
          withBarValueLabel
          valueFormatter={(v) => (percent ? `${v.toFixed(1)} %` : String(v))}
          yAxisProps={vertical ? { width: 170, interval: 0 } : undefined}
          tickLine="none"
          gridAxis="none"
        />
      )}
    </Paper>
  );
}

/**
 * The day as charts, live: doses per hour, by target group, by age band, by
 * product, and wastage per lot. The same figures the day report prints.
 */
export function DayCharts({ reconciliation }: { reconciliation: Reconciliation }) {
  const { t } = useTranslation(['day', 'plan']);
  const d = reconciliation.doses;
  const products = new Map<string, number>();
  for (const p of d.byProductDose) products.set(p.productName, (products.get(p.productName) ?? 0) + p.count);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="day-charts">
      <Chart testId="chart-hour" title={t('charts.hour')} label={t('charts.doses')} dataKey="hour" data={d.byHour.map((h) => ({ hour: `${String(h.hour).padStart(2, '0')}h`, value: h.count }))} />
      <Chart
        testId="chart-group"
        title={t('charts.group')}
        label={t('charts.doses')}
        dataKey="group"
        vertical
        data={d.byTargetGroup.map((g) => ({ group: g.group ? t(`plan:group.${g.group}`, { defaultValue: g.group }) : t('charts.noGroup'), value: g.vaccinated }))}
      />
      <Chart testId="chart-age" title={t('charts.age')} label={t('charts.doses')} dataKey="band" data={d.byAgeBand.map((b) => ({ band: b.band, value: b.vaccinated }))} />
      <Chart testId="chart-product" title={t('charts.product')} label={t('charts.doses')} dataKey="product" vertical data={[...products.entries()].map(([product, value]) => ({ product, value }))} />
      <Chart
        testId="chart-wastage"
        title={t('charts.wastage')}
        label={t('charts.wastageRate')}
        percent
        dataKey="lot"
        vertical
        data={reconciliation.lots.map((l) => ({ lot: `${l.lotNumber} · ${l.productName}`, value: Math.round((l.wastageRate ?? 0) * 1000) / 10 }))}
      />
    </SimpleGrid>
  );
}
