import { ActionIcon, Badge, Group, Paper, ScrollArea, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueEntry, VisitStep } from '../../../preload/contract';
import { station } from '../station';
import { ErrorAlert } from './ErrorAlert';
import { siteClock } from './person-format';
import { useCoreQuery } from './use-core-query';

export interface QueuePanelProps {
  /** Visits at these steps, in queue order; all of today's visits when empty. */
  steps: readonly VisitStep[];
  /** Defaults to the step's waiting list ("Waiting for screening") or today's queue. */
  title?: string;
  /** Enter or a click on a visit; without it the list is for reading only. */
  onSelect?: (entry: QueueEntry) => void;
  /** The visit the desk is working on, highlighted. */
  selectedVisitId?: string | null;
  maxHeight?: number;
  /** Offers "left / not there" for each visit (Alt+W on the focused one). */
  onLeave?: (entry: QueueEntry) => void;
  /** Something to show at the end of each line (the certificate desk's "to print" badge). */
  aside?: (entry: QueueEntry) => ReactNode;
  /** The line's second row; the step and check-in time by default. */
  detail?: (entry: QueueEntry) => ReactNode;
}

/**
 * Today's queue at some steps, live: every check-in or step change at any
 * desk arrives as `queue:changed` and the list reloads, no page reload.
 * Keyboard: Tab into the list, ↑/↓ to move, Enter to pick.
 */
export function QueuePanel({ steps, title: givenTitle, onSelect, selectedVisitId = null, maxHeight = 320, onLeave, aside, detail }: QueuePanelProps) {
  const { t } = useTranslation('checkin');
  const key = steps.join(',');
  const title = givenTitle ?? (steps.length === 1 ? t(`queue.waiting.${steps[0]}`) : t('queue.today'));
  const { data, error } = useCoreQuery(() => station.queue.list({ steps: key ? (key.split(',') as VisitStep[]) : undefined }), [key], ['queue:changed']);
  const entries = data ?? [];
  const [active, setActive] = useState(0);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const focusAt = (i: number) => {
    const next = Math.max(0, Math.min(entries.length - 1, i));
    setActive(next);
    items.current[next]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent, index: number, entry: QueueEntry) => {
    if (e.key === 'ArrowDown') focusAt(index + 1);
    else if (e.key === 'ArrowUp') focusAt(index - 1);
    else if (e.key === 'Home') focusAt(0);
    else if (e.key === 'End') focusAt(entries.length - 1);
    else if (e.key === 'Enter' && onSelect) onSelect(entry);
    else if (onLeave && e.altKey && e.key.toLowerCase() === 'w') onLeave(entry);
    else return;
    e.preventDefault();
  };
  const current = Math.min(active, Math.max(0, entries.length - 1));

  return (
    <Paper withBorder p="sm" data-testid="queue-panel">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {title}
        </Title>
        <Badge variant="light" data-testid="queue-count">
          {t('queue.count', { count: entries.length })}
        </Badge>
      </Group>
      {error && <ErrorAlert error={error} />}
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('queue.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={maxHeight}>
          <div role="listbox" aria-label={title}>
            {entries.map((e, i) => (
              <UnstyledButton
                key={e.visitId}
                ref={(el) => {
                  items.current[i] = el;
                }}
                role="option"
                aria-selected={e.visitId === selectedVisitId}
                tabIndex={i === current ? 0 : -1}
                onFocus={() => setActive(i)}
                onKeyDown={(ev) => onKeyDown(ev, i, e)}
                onClick={() => onSelect?.(e)}
                data-testid="queue-entry"
                data-queue-number={e.queueNumber}
                w="100%"
                p={6}
                style={{ borderRadius: 4, background: e.visitId === selectedVisitId ? 'var(--mantine-color-teal-light)' : undefined }}
              >
                <Group gap="sm" wrap="nowrap">
                  <Text fw={700} w={44} ta="right" ff="monospace" size="lg">
                    {e.queueNumber}
                  </Text>
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Text size="sm" truncate>
                      {e.citizen.fullName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {detail ? detail(e) : `${t(`step.${e.step}`)} · ${siteClock(e.checkedInAt)}`}
                    </Text>
                  </div>
                  {aside?.(e)}
                  {onLeave && (
                    <Tooltip label={t('clinical:left.open')} withinPortal>
                      <ActionIcon
                        component="span"
                        variant="subtle"
                        color="orange"
                        size="sm"
                        aria-label={t('clinical:left.open')}
                        onClick={(ev: React.MouseEvent) => {
                          ev.stopPropagation();
                          onLeave(e);
                        }}
                        data-testid="queue-entry-left"
                      >
                        ×
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </UnstyledButton>
            ))}
          </div>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
