import { Alert, Button, Group, Paper, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SiteInput, type StationErrorData } from '../../../preload/contract';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { zodValidator } from '../components/zod-form';
import { station } from '../station';

/**
 * The site's details, as first-run setup recorded them, corrected by the
 * supervisor (a typo, a renamed commune, the code the national platform gave).
 * Every change is audited; records already queued for upload keep the code
 * they were queued with.
 */
export function SiteDetailsPanel() {
  const { t } = useTranslation(['supervisor', 'setup']);
  const session = useSession();
  const [error, setError] = useState<StationErrorData | null>(null);
  const { code, name, province, district, commune } = session.site;
  const form = useForm({ initialValues: { code, name, province, district, commune }, validate: zodValidator(SiteInput, t) });
  const save = form.onSubmit(async (site) => {
    const r = await station.setup.updateSite({ site });
    if (!r.ok) return setError(r.error);
    setError(null);
    notifications.show({ color: 'teal', message: t('site.saved') });
    await session.refresh();
  });
  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={save} aria-label={t('site.heading')} data-testid="site-details">
        <Title order={2} size="h4" mb="sm">
          {t('site.heading')}
        </Title>
        {error && <ErrorAlert error={error} />}
        <SimpleGrid cols={2}>
          <TextInput label={t('setup:site.code')} description={t('site.codeHint')} withAsterisk {...form.getInputProps('code')} />
          <TextInput label={t('setup:site.name')} withAsterisk {...form.getInputProps('name')} />
          <TextInput label={t('setup:site.province')} withAsterisk {...form.getInputProps('province')} />
          <TextInput label={t('setup:site.district')} withAsterisk {...form.getInputProps('district')} />
          <TextInput label={t('setup:site.commune')} withAsterisk {...form.getInputProps('commune')} />
        </SimpleGrid>
        {form.values.code.trim() !== code && (
          <Alert color="yellow" mt="sm">
            {t('site.codeChanged')}
          </Alert>
        )}
        <Group mt="md">
          <Button type="submit" data-testid="site-save">
            {t('site.save')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
