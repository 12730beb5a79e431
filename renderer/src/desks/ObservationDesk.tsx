import { Stack } from '@mantine/core';
import { DeskHeader } from './DeskHeader';
import { SessionSummary } from './SessionSummary';

/** Step 4: 30-minute observation after injection. */
export function ObservationDesk() {
  return (
    <Stack>
      <DeskHeader desk="observation" />
      <SessionSummary showLots={false} />
    </Stack>
  );
}
