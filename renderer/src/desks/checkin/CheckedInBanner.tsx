import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckInResult } from '../../../../preload/contract';
import { formatBirthDate } from '../../components/person-format';

/** The visit just made: its queue number, large enough to read out across the room, and where the person goes next. */
export function CheckedInBanner({ result }: { result: CheckInResult }) {
  const { t } = useTranslation('checkin');
  const { visit } = result;
  return (
    <Paper withBorder p="md" bg="teal.0" data-testid="checked-in" role="status">
      <Group align="center" wrap="nowrap" gap="xl">
        <Stack gap={0} align="center">
          <Text size="sm" c="dimmed">
            {t('done.queueNumber')}
          </Text>
          <Text fw={800} lh={1} style={{ fontSize: 88 }} data-testid="queue-number">
            {visit.queueNumber}
          </Text>
        </Stack>
        <div>
          <Title order={2} size="h3" data-testid="checked-in-name">
            {visit.citizen.fullName}
          </Title>
          <Text size="sm" c="dimmed">
            {formatBirthDate(visit.citizen.dateOfBirth)}
            {visit.citizen.sex ? ` · ${t(`common:sex.${visit.citizen.sex}`)}` : ''}
            {visit.citizen.idNumber ? ` · ${visit.citizen.idNumber}` : ''}
            {visit.citizen.passportNumber ? ` · ${visit.citizen.nationality} ${visit.citizen.passportNumber}` : ''}
          </Text>
          <Text mt="xs" fw={600}>
            {t('done.next', { step: t(`step.${visit.step}`) })}
          </Text>
          <Group gap="xs" mt="xs">
            <Badge variant="light">{t(`verification.${visit.citizen.verification}`)}</Badge>
            {result.newCitizen && <Badge variant="light" color="blue">{t('done.newCitizen')}</Badge>}
            {result.corrections.length > 0 && (
              <Badge variant="light" color="orange" data-testid="corrections-applied">
                {t('done.corrections', { count: result.corrections.length })}
              </Badge>
            )}
          </Group>
        </div>
      </Group>
    </Paper>
  );
}
