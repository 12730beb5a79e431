import { Grid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuthState } from '../../../preload/contract';
import type { LockReason } from '../app/session';
import { BoardCounts, ObservationBoard } from '../desks/observation/ObservationBoard';
import { useObservationBoard } from '../desks/observation/use-board';
import { LockScreen } from './LockScreen';

/**
 * The observation board on a locked desk, read-only, timers running and due
 * notices still sounding: the room's safety display does not go dark because
 * the nurse stepped away. Nothing on it can be changed until the unlock.
 */
function LockedBoard() {
  const { t } = useTranslation('observation');
  const { rows, counts, now } = useObservationBoard('present');
  return (
    <Stack data-testid="locked-board">
      <Title order={2} size="h3">
        {t('board')}
      </Title>
      <BoardCounts counts={counts} />
      <ObservationBoard rows={rows} now={now} currentId={null} />
    </Stack>
  );
}

/**
 * A locked desk: the unlock form, and on the observation desk the board
 * beside it. Which desk was open is the route (kept in the address while
 * locked), so the unlock returns to it with its drafts.
 */
export function LockedDesk({ auth, reason, onUnlocked }: { auth: AuthState; reason: LockReason; onUnlocked: () => Promise<void> }) {
  const onObservation = window.location.hash.startsWith('#/observation');
  if (!onObservation) return <LockScreen auth={auth} reason={reason} onUnlocked={onUnlocked} />;
  return (
    <Grid p="md" gap="md">
      <Grid.Col span={8}>
        <LockedBoard />
      </Grid.Col>
      <Grid.Col span={4}>
        <LockScreen auth={auth} reason={reason} onUnlocked={onUnlocked} compact />
      </Grid.Col>
    </Grid>
  );
}
