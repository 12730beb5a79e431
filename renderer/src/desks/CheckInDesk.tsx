import { Stack } from '@mantine/core';
import { useCurrentPlan } from '../app/current-plan';
import { TargetSearch } from '../components/TargetSearch';
import { DeskHeader } from './DeskHeader';
import { SessionSummary } from './SessionSummary';

/** Step 1: find the citizen on today's target list. */
export function CheckInDesk() {
  const { current } = useCurrentPlan();
  return (
    <Stack>
      <DeskHeader desk="checkin" />
      <SessionSummary showLots={false} />
      {current && <TargetSearch planId={current.id} autoFocus />}
    </Stack>
  );
}
