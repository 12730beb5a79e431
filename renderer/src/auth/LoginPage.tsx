import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site, StationErrorData } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { station } from '../station';

/** Sign-in at a desk: username and PIN, Enter to submit. */
export function LoginPage({ site, onSignedIn }: { site: Site; onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation('auth');
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await station.auth.login({ username, pin });
    setBusy(false);
    setPin('');
    if (!result.ok) return setError(result.error);
    await onSignedIn();
  };

  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={420}>
        <form onSubmit={submit} aria-label={t('signIn')}>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h3">
                  {t('signIn')}
                </Title>
                <Text c="dimmed" size="sm">
                  {site.name}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            {error && <ErrorAlert error={error} />}
            <TextInput label={t('username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus autoComplete="username" required />
            <PasswordInput label={t('pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoComplete="current-password" required />
            <Button type="submit" loading={busy}>
              {t('signInButton')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
