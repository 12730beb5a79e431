import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { StationErrorData, WorkItem } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { siteClock } from '../../components/person-format';
import { station } from '../../station';
import { workItemRoute } from './work-item-route';

/** What the item says, in the supervisor's words. */
function itemText(t: (key: string, options?: Record<string, unknown>) => string, item: WorkItem): string {
  return t(`item.${item.kind}`, {
    ...item.params,
    number: item.queueNumber ?? '',
    name: item.fullName ?? '',
    at: item.since ? siteClock(item.since) : '',
    step: item.params.step ? t(`step.${String(item.params.step)}`) : '',
    until: typeof item.params.dueAt === 'string' && item.params.dueAt ? siteClock(item.params.dueAt) : '',
  });
}

/** Actions that settle an item right here: the person went home; the conflict was checked. */
function InlineAction({ item, onError }: { item: WorkItem; onError(e: StationErrorData): void }) {
  const { t } = useTranslation('day');
  const [note, setNote] = useState('');
  if (item.kind === 'unfinished_visit') {
    return (
      <Group gap="xs" align="flex-end">
        <Textarea size="xs" label={t('action.leftReason')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} w={260} data-testid="left-reason" />
        <Button
          size="xs"
          variant="light"
          data-testid="mark-left"
          onClick={async () => {
            const r = await station.queue.leave({ visitId: item.entityId, outcome: 'left', note });
            if (!r.ok) onError(r.error);
          }}
        >
          {t('action.markLeft')}
        </Button>
      </Group>
    );
  }
  if (item.kind === 'identity_conflict') {
    return (
      <Group gap="xs" align="flex-end">
        <Textarea size="xs" label={t('action.dismissNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} w={260} />
        <Button
          size="xs"
          variant="light"
          data-testid="dismiss-conflict"
          onClick={async () => {
            const r = await station.closeOfDay.dismissConflict({ conflictId: item.entityId, note });
            if (!r.ok) onError(r.error);
          }}
        >
          {t('action.dismiss')}
        </Button>
      </Group>
    );
  }
  return null;
}

/**
 * The supervisor's work list: everything still needing a decision before the
 * day closes. Each item opens the screen where it is resolved (or is settled
 * here); an item kept open at close needs a written reason, typed beside it.
 */
export function WorkList({ items, reasons, onReason }: { items: readonly WorkItem[]; reasons: Readonly<Record<string, string>>; onReason(key: string, reason: string): void }) {
  const { t } = useTranslation('day');
  const navigate = useNavigate();
  const [error, setError] = useState<StationErrorData | null>(null);
  return (
    <Paper withBorder p="md" data-testid="work-list">
      <Title order={2} size="h5" mb="xs">
        {t('work.title', { count: items.length })}
      </Title>
      {error && <ErrorAlert error={error} />}
      {items.length === 0 ? (
        <Alert color="teal" data-testid="work-list-empty">
          {t('work.empty')}
        </Alert>
      ) : (
        <Stack gap="sm">
          {items.map((item) => {
            const route = workItemRoute(item);
            return (
              <Paper key={item.key} withBorder p="xs" data-testid="work-item" data-kind={item.kind} data-key={item.key}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Text fw={600} size="sm">
                      {t(`kind.${item.kind}`)}
                    </Text>
                    <Text size="sm">{itemText(t, item)}</Text>
                    <InlineAction item={item} onError={setError} />
                  </Stack>
                  <Stack gap={4} w={320}>
                    {route ? (
                      <Button size="xs" variant="default" onClick={() => navigate(route)} data-testid="work-item-open">
                        {t('work.open')}
                      </Button>
                    ) : (
                      <Button size="xs" variant="default" onClick={() => document.getElementById(`lot-${item.entityId}`)?.scrollIntoView({ block: 'center' })} data-testid="work-item-open">
                        {t('work.toLot')}
                      </Button>
                    )}
                    <Textarea
                      size="xs"
                      label={t('work.reason')}
                      placeholder={t('work.reasonHint')}
                      value={reasons[item.key] ?? ''}
                      onChange={(e) => onReason(item.key, e.currentTarget.value)}
                      autosize
                      minRows={1}
                      data-testid="work-item-reason"
                    />
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
