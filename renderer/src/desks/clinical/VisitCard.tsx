import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenSummary } from '../../../../preload/contract';
import { formatBirthDate } from '../../components/person-format';

/**
 * Who the desk is working on, as the nurse checks it against the person in
 * front of her: queue number, name, date of birth, ID number, sex.
 */
export function VisitCard({ queueNumber, citizen, children }: { queueNumber: number; citizen: CitizenSummary; children?: ReactNode }) {
  const { t } = useTranslation(['clinical', 'common']);
  return (
    <Paper withBorder p="md" data-testid="visit-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Text fw={700} size="xl" ff="monospace" aria-label={t('queueNumber', { number: queueNumber })}>
            {queueNumber}
          </Text>
          <div>
            <Title order={2} size="h3" data-testid="visit-name">
              {citizen.fullName}
            </Title>
            <Text size="sm" c="dimmed">
              {formatBirthDate(citizen.dateOfBirth)}
              {citizen.sex ? ` · ${t(`common:sex.${citizen.sex}`)}` : ''}
              {citizen.idNumber ? ` · ${citizen.idNumber}` : citizen.passportNumber ? ` · ${citizen.passportNumber}` : ''}
            </Text>
          </div>
        </Group>
        {citizen.verification === 'unverified' && <Badge color="orange">{t('unverified')}</Badge>}
      </Group>
      {children}
    </Paper>
  );
}
