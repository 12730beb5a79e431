import { Alert, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreeningDecision, ScreeningOutcome } from '../../../../preload/contract';
import { useDateFormat } from '../../components/dates';

export const OUTCOME_COLOR: Record<ScreeningOutcome, string> = { eligible: 'teal', postpone: 'yellow', contraindicated: 'red', refer: 'orange' };

/** What the answers conclude, with every reason, as the nurse explains it to the citizen. */
export function OutcomePanel({ decision, pending }: { decision: ScreeningDecision | null; pending: number }) {
  const { t } = useTranslation(['screening', 'clinical']);
  const formatDate = useDateFormat();
  if (!decision) {
    return (
      <Alert color="gray" title={t('outcome.waiting')} data-testid="screening-outcome" data-outcome="">
        {t('outcome.unanswered', { count: pending })}
      </Alert>
    );
  }
  const params = (p: Record<string, string | number>) => ({ ...p, returnDate: typeof p.returnDate === 'string' ? formatDate(p.returnDate) : p.returnDate });
  return (
    <Alert
      color={OUTCOME_COLOR[decision.outcome]}
      title={
        <Group gap="xs">
          <span>{t(`clinical:outcome.${decision.outcome}`)}</span>
          {decision.override && <Badge variant="outline">{t('outcome.overridden', { from: t(`clinical:outcome.${decision.computedOutcome}`) })}</Badge>}
        </Group>
      }
      data-testid="screening-outcome"
      data-outcome={decision.outcome}
      aria-live="polite"
    >
      {decision.returnDate && decision.outcome === 'postpone' && <Text fw={600}>{t('outcome.returnDate', { date: formatDate(decision.returnDate) })}</Text>}
      {decision.reasons.length > 0 && (
        <List size="sm" mt={4}>
          {decision.reasons.map((r, i) => (
            <List.Item key={`${r.questionId}-${r.code}-${i}`}>{t(`reason.${r.code}`, params(r.params))}</List.Item>
          ))}
        </List>
      )}
      <Text size="sm" mt={4}>
        {t('outcome.observe', { minutes: decision.observationMinutes })}
      </Text>
      {decision.contraindicatedPlatforms.length > 0 && (
        <Text size="sm">{t('outcome.notPlatforms', { platforms: decision.contraindicatedPlatforms.map((p) => t(`clinical:platform.${p}`)).join(', ') })}</Text>
      )}
      {decision.precautions.length > 0 && (
        <Text size="sm">{t('outcome.precautions', { list: decision.precautions.map((p) => t(`clinical:precaution.${p}`)).join('; ') })}</Text>
      )}
      {decision.override && <Text size="sm">{t('outcome.overrideReason', { reason: decision.override.reason })}</Text>}
    </Alert>
  );
}
