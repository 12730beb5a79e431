import { Badge, Group, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry, ObservationState } from '../../../../preload/contract';
import { siteClock } from '../../components/person-format';
import { countdown } from '../clinical/focus';
import type { BoardRowView } from './use-board';

export const STATE_COLOR: Record<ObservationState, string> = { waiting: 'blue', due: 'teal', overdue: 'orange', released: 'gray', referred: 'red', left: 'gray' };

/** The counts by state, as badges over the board. */
export function BoardCounts({ counts }: { counts: Record<ObservationState, number> }) {
  const { t } = useTranslation('observation');
  return (
    <Group gap="xs" data-testid="board-counts">
      {(Object.keys(counts) as ObservationState[])
        .filter((s) => counts[s] > 0 || s === 'waiting' || s === 'due' || s === 'overdue')
        .map((s) => (
          <Badge key={s} color={STATE_COLOR[s]} variant="light" size="lg" data-state={s}>
            {t(`state.${s}`)}: {counts[s]}
          </Badge>
        ))}
    </Group>
  );
}

/**
 * The board's table: number, name, dose, start, time left, state. The desk
 * passes the row actions and the keyboard handling; the locked desk shows it
 * without either.
 */
export function ObservationBoard({
  rows,
  now,
  currentId,
  onSelect,
  onMove,
  actions,
  rowRef,
}: {
  rows: BoardRowView[];
  now: number;
  currentId: string | null;
  onSelect?: (visitId: string) => void;
  onMove?: (by: number) => void;
  actions?: (entry: BoardEntry, state: ObservationState) => ReactNode;
  rowRef?: (visitId: string, el: HTMLTableRowElement | null) => void;
}) {
  const { t } = useTranslation(['observation', 'injection']);
  const interactive = onSelect !== undefined;
  return (
    <Paper withBorder>
      <Table highlightOnHover={interactive} data-testid="observation-board" aria-label={t('board')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('col.number')}</Table.Th>
            <Table.Th>{t('col.name')}</Table.Th>
            <Table.Th>{t('col.dose')}</Table.Th>
            <Table.Th>{t('col.started')}</Table.Th>
            <Table.Th>{t('col.left')}</Table.Th>
            <Table.Th>{t('col.state')}</Table.Th>
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ entry: e, state }) => (
            <Table.Tr
              key={e.visitId}
              ref={(el) => rowRef?.(e.visitId, el)}
              tabIndex={interactive ? 0 : undefined}
              onFocus={() => onSelect?.(e.visitId)}
              onClick={() => onSelect?.(e.visitId)}
              onKeyDown={(ev) => {
                if (onMove && (ev.key === 'ArrowDown' || ev.key === 'ArrowUp')) {
                  ev.preventDefault();
                  onMove(ev.key === 'ArrowDown' ? 1 : -1);
                }
              }}
              bg={e.visitId === currentId ? 'var(--mantine-color-teal-light)' : undefined}
              data-testid="board-row"
              data-queue-number={e.queueNumber}
              data-state={state}
            >
              <Table.Td fw={700} ff="monospace">
                {e.queueNumber}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.citizen.fullName}</Text>
                {e.aefiCount > 0 && (
                  <Badge color={e.seriousAefi ? 'red' : 'yellow'} size="xs" data-testid="aefi-badge">
                    {t(e.seriousAefi ? 'aefi.badgeSerious' : 'aefi.badge', { count: e.aefiCount })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {e.productName} · {t('injection:history.dose', { number: e.doseNumber })}
                </Text>
              </Table.Td>
              <Table.Td>{siteClock(e.startedAt)}</Table.Td>
              <Table.Td ff="monospace" data-testid="countdown">
                {state === 'waiting' && now > 0
                  ? countdown(Date.parse(e.dueAt) - now)
                  : state === 'released'
                    ? siteClock(e.releasedAt ?? '')
                    : state === 'referred' || state === 'left'
                      ? '—'
                      : t('dueSince', { at: siteClock(e.dueAt) })}
              </Table.Td>
              <Table.Td>
                {/* Never shortened: the state is what the room reads from across the table. */}
                <Badge color={STATE_COLOR[state]} w="max-content">
                  {t(`state.${state}`)}
                </Badge>
                {e.referredTo && (
                  <Text size="xs" c="red.8" data-testid="referred-to">
                    {t('refer.to', { place: e.referredTo })}
                  </Text>
                )}
                {e.earlyReleaseReason && (
                  <Text size="xs" c="dimmed">
                    {t('early', { reason: e.earlyReleaseReason })}
                  </Text>
                )}
              </Table.Td>
              {actions && <Table.Td>{actions(e, state)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text p="md" c="dimmed" data-testid="board-empty">
          {t('empty')}
        </Text>
      )}
    </Paper>
  );
}
