import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

/** The desk's name and its step in the Ministry of Health's four-step flow. */
export function DeskHeader({ desk }: { desk: 'checkin' | 'screening' | 'injection' | 'observation' }) {
  const { t } = useTranslation('desks');
  return (
    <Group justify="space-between" mb="md" data-desk={desk}>
      <PageHeader title={t(`${desk}.title`)} purpose={t(`${desk}.purpose`)} />
    </Group>
  );
}
