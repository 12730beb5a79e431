import { Badge, Group, Kbd, List, Paper, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DoseOption } from '../../../../preload/contract';
import { readableRuleParams, useCatalogue } from '../../components/catalogue';
import { useDateFormat } from '../../components/dates';
import { siteClock } from '../../components/person-format';

/** Why a lot is refused, each reason in words (the rule's own explanation code and dates). */
export function OptionProblems({ option }: { option: DoseOption }) {
  const { t } = useTranslation('injection');
  const products = useCatalogue();
  return (
    <List size="sm">
      {option.problems.map((p) => (
        <List.Item key={`${p.rule}-${p.code}`}>{t(`check.${p.code}`, { ...readableRuleParams(p.params, products), defaultValue: p.code })}</List.Item>
      ))}
    </List>
  );
}

/**
 * The lots that may be given, best first, each with the dose number it would
 * be; 1–9 picks one. Lots the rules refuse are listed below with the reasons.
 */
export function DoseOptions({ options, chosen, onChoose }: { options: DoseOption[]; chosen: string | null; onChoose(lotId: string): void }) {
  const { t } = useTranslation('injection');
  const formatDate = useDateFormat();
  const allowed = options.filter((o) => o.allowed);
  const refused = options.filter((o) => !o.allowed);
  return (
    <Stack gap="xs">
      {allowed.length > 0 && (
        <Radio.Group value={chosen ?? ''} onChange={onChoose} label={t('options.allowed')}>
          <Stack gap={6} mt={4}>
            {allowed.map((o, i) => (
              <Paper key={o.lotId} withBorder p="xs" data-testid="dose-option" data-lot={o.lotNumber} bg={o.lotId === chosen ? 'var(--mantine-color-teal-light)' : undefined}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Radio
                    value={o.lotId}
                    label={
                      <Stack gap={0}>
                        <Group gap="xs">
                          <Text fw={700}>{o.productName}</Text>
                          <Text fw={700} c="teal.8" data-testid="dose-number">
                            {t(o.kind === 'booster' ? 'options.booster' : 'options.dose', { number: o.doseNumber, series: o.seriesDoses })}
                          </Text>
                          {(o.preference === 'series-product' || o.preference === 'listed-product') && (
                            <Text size="xs" c="dimmed">
                              ({t(o.preference === 'series-product' ? 'options.sameProduct' : 'options.listedProduct')})
                            </Text>
                          )}
                          {o.deviations.length > 0 && (
                            <Badge size="xs" color="orange" variant="light" tt="none" data-testid="option-deviation">
                              {t('options.deviates')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm">{t('options.lot', { lot: o.lotNumber, expiry: formatDate(o.expiryDate) })}</Text>
                        <Text size="sm" c={o.vial ? 'teal.8' : 'orange.8'}>
                          {o.vial ? t('options.vial', { left: o.vial.dosesLeft, until: siteClock(o.vial.expiresAt) }) : t('options.noVial')}
                        </Text>
                      </Stack>
                    }
                  />
                  {i < 9 && <Kbd size="xs">{i + 1}</Kbd>}
                </Group>
              </Paper>
            ))}
          </Stack>
        </Radio.Group>
      )}
      {refused.length > 0 && (
        <Stack gap={4} data-testid="refused-options">
          <Text size="sm" fw={600}>
            {t('options.refused')}
          </Text>
          {refused.map((o) => (
            <Paper key={o.lotId} withBorder p="xs" data-testid="refused-option" data-lot={o.lotNumber}>
              <Text size="sm" fw={600}>
                {o.productName} · {o.lotNumber}
              </Text>
              <OptionProblems option={o} />
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
