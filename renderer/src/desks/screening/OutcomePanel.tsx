import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreeningDecision, ScreeningOutcome } from '../../../../preload/contract';
import { readableParams, useDateFormat } from '../../components/dates';

export const OUTCOME_COLOR: Record<ScreeningOutcome, string> = { eligible: 'teal', postpone: 'yellow', contraindicated: 'red', refer: 'orange' };

/** What the answers conclude, with every reason, as the nurse explains it to the citizen. */
export function OutcomePanel({
  decision,
  pending,
  onPending,
}: {
  decision: ScreeningDecision | null;
  /** The required questions still open, named so the nurse goes straight to them. */
  pending: { id: string; label: string }[];
  onPending(id: string): void;
}) {
  const { t } = useTranslation(['screening', 'clinical']);
  const formatDate = useDateFormat();
  if (!decision) {
    return (
      <Alert color="gray" title={t('outcome.waiting')} data-testid="screening-outcome" data-outcome="">
        <Text size="sm">{t('outcome.unanswered', { count: pending.length })}</Text>
        <List size="sm" mt={4} data-testid="pending-questions">
          {pending.slice(0, 8).map((p) => (
            <List.Item key={p.id}>
              <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onPending(p.id)} data-question-link={p.id}>
                {p.label}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const params = (p: Record<string, string | number>) => readableParams(p);
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
