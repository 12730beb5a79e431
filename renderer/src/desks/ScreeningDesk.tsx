import { Stack } from '@mantine/core';
import { DeskHeader } from './DeskHeader';
import { SessionSummary } from './SessionSummary';

/** Step 2: pre-vaccination screening against today's session. */
export function ScreeningDesk() {
  return (
    <Stack>
      <DeskHeader desk="screening" />
      <SessionSummary />
    </Stack>
  );
}
