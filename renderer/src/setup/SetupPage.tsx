import { Button, Container, Divider, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Pin, SiteInput, SupervisorInput, type StationErrorData } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { zodValidator } from '../components/zod-form';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { station } from '../station';
import { DemoCredentialsModal, type DemoCredentialsShown } from './DemoCredentialsModal';

const SetupForm = z
  .object({ site: SiteInput, supervisor: SupervisorInput.extend({ pinConfirm: Pin }) })
  .refine((v) => v.supervisor.pin === v.supervisor.pinConfirm, { path: ['supervisor', 'pinConfirm'] });

/** First run: the site's identity and its first supervisor, or a demo site to try the station. */
export function SetupPage({ onDone, onConnectHub }: { onDone: () => Promise<void>; onConnectHub?: () => void }) {
  const { t } = useTranslation('setup');
  const { t: tl } = useTranslation('lan');
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState<'setup' | 'demo' | null>(null);
  const [demo, setDemo] = useState<DemoCredentialsShown | null>(null);
  const form = useForm({
    initialValues: {
      site: { code: '', name: '', province: '', district: '', commune: '' },
      supervisor: { fullName: '', username: '', pin: '', pinConfirm: '' },
    },
    validate: zodValidator(SetupForm, t),
  });

  const submit = form.onSubmit(async ({ site, supervisor }) => {
    setBusy('setup');
    const result = await station.setup.initialize({
      site,
      supervisor: { fullName: supervisor.fullName, username: supervisor.username, pin: supervisor.pin },
    });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    await onDone();
  });

  const seedDemo = async () => {
    setBusy('demo');
    const result = await station.setup.seedDemo({ targets: 300 });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDemo(result.value);
  };

  return (
    <Container size="md" py="md">
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('title')}</Title>
        <LanguageSwitch />
      </Group>
      <Text c="dimmed" mb="sm">
        {t('intro')}
      </Text>
      {/* The demo is the other way in: in sight at once on a 1366×768 screen, not under the whole form. */}
      <Paper withBorder p="sm" mb="md" data-testid="demo-choice">
        <Group justify="space-between" wrap="nowrap" gap="md">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h5">
              {t('demo.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('demo.description')}
            </Text>
          </div>
          <Button variant="light" onClick={seedDemo} loading={busy === 'demo'} disabled={busy !== null} style={{ flexShrink: 0 }}>
            {t('demo.button')}
          </Button>
        </Group>
      </Paper>
      <Divider mb="md" label={t('or')} />
      {error && <ErrorAlert error={error} />}
      {onConnectHub && (
        <Paper withBorder p="md" mb="md">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{tl('setup.connectText')}</Text>
            <Button variant="light" onClick={onConnectHub} data-testid="connect-hub">
              {tl('setup.connect')}
            </Button>
          </Group>
        </Paper>
      )}
      <form noValidate onSubmit={submit} aria-label={t('title')}>
        <Stack gap="lg" mt="md">
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('site.heading')}
            </Title>
            <SimpleGrid cols={2}>
              <TextInput label={t('site.code')} description={t('site.codeHint')} required data-autofocus autoFocus {...form.getInputProps('site.code')} />
              <TextInput label={t('site.name')} required {...form.getInputProps('site.name')} />
              <TextInput label={t('site.province')} required {...form.getInputProps('site.province')} />
              <TextInput label={t('site.district')} required {...form.getInputProps('site.district')} />
              <TextInput label={t('site.commune')} required {...form.getInputProps('site.commune')} />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('supervisor.heading')}
            </Title>
            <SimpleGrid cols={2}>
              <TextInput label={t('supervisor.fullName')} required {...form.getInputProps('supervisor.fullName')} />
              <TextInput label={t('supervisor.username')} required autoComplete="off" {...form.getInputProps('supervisor.username')} />
              <PasswordInput label={t('supervisor.pin')} description={t('supervisor.pinHint')} required inputMode="numeric" {...form.getInputProps('supervisor.pin')} />
              <PasswordInput label={t('supervisor.pinConfirm')} required inputMode="numeric" {...form.getInputProps('supervisor.pinConfirm')} />
            </SimpleGrid>
          </Paper>
          <Group justify="flex-end">
            <Button type="submit" loading={busy === 'setup'} disabled={busy !== null}>
              {t('create')}
            </Button>
          </Group>
        </Stack>
      </form>
      {demo && <DemoCredentialsModal credentials={demo} onClose={() => void onDone()} />}
    </Container>
  );
}
