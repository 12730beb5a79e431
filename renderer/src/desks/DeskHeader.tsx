import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The desk's name and its step in the Ministry of Health's four-step flow. */
export function DeskHeader({ desk }: { desk: 'checkin' | 'screening' | 'injection' | 'observation' }) {
  const { t } = useTranslation('desks');
  return (
    <Group justify="space-between" mb="md">
      <div>
        <Title order={1} size="h2">
          {t(`${desk}.title`)}
        </Title>
        <Text c="dimmed" size="sm">
          {t(`${desk}.purpose`)}
        </Text>
      </div>
    </Group>
  );
}
