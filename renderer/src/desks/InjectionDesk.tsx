import { Stack } from '@mantine/core';
import { DeskHeader } from './DeskHeader';
import { SessionSummary } from './SessionSummary';

/** Step 3: injection, drawing from the lots on hand. */
export function InjectionDesk() {
  return (
    <Stack>
      <DeskHeader desk="injection" />
      <SessionSummary />
    </Stack>
  );
}
