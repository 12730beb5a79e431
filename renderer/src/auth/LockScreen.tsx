import { Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthState, StationErrorData } from '../../../preload/contract';
import type { LockReason } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { station } from '../station';

/**
 * A locked desk: the same person unlocks with the PIN, or signs out so someone
 * else can sign in. The text says why it locked: the person's own Lock, or
 * the idle timer (which is nobody's doing).
 */
export function LockScreen({ auth, reason = 'manual', compact = false, onUnlocked }: { auth: AuthState; reason?: LockReason; compact?: boolean; onUnlocked: () => Promise<void> }) {
  const { t } = useTranslation('auth');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<StationErrorData | null>(null);

  const unlock = async (e: React.FormEvent) => {
    e.preventDefault();
    const result = await station.auth.unlock({ pin });
    setPin('');
    if (!result.ok) return setError(result.error);
    await onUnlocked();
  };
  const signOut = async () => {
    await station.auth.logout({});
    await onUnlocked();
  };

  return (
    <Center h={compact ? undefined : '100vh'}>
      <Paper withBorder p="xl" w={420} data-testid="lock-screen" data-reason={reason}>
        <form onSubmit={unlock} aria-label={t('locked')}>
          <Stack>
            <Title order={1} size="h3">
              {t('locked')}
            </Title>
            <Text>
              {reason === 'idle'
                ? t('lockedIdle', { minutes: auth.idleLockMinutes, name: auth.staff?.fullName ?? '' })
                : t('lockedFor', { name: auth.staff?.fullName ?? '' })}
            </Text>
            {error && <ErrorAlert error={error} />}
            <PasswordInput label={t('pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoFocus required />
            <Group grow>
              <Button type="submit">{t('unlock')}</Button>
              <Button variant="default" onClick={signOut}>
                {t('signOut')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
