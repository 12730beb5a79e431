import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardIdentity, IdentityField, RegistrationMatch, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBirthDate } from '../../components/person-format';
import { Shortcut } from '../../components/Shortcut';
import { useSession } from '../../app/session';
import { keysOf } from '../../app/shortcuts';
import { diffText } from './text-diff';
import type { Choice } from './use-checkin-desk';

const FIELDS: readonly IdentityField[] = ['idNumber', 'fullName', 'dateOfBirth', 'sex'];

export interface MatchPanelProps {
  card: CardIdentity;
  match: RegistrationMatch;
  busy: boolean;
  error: StationErrorData | null;
  onConfirm: (override?: Choice) => void;
  onCompare: (choice: Choice) => void;
}

/**
 * Who the card belongs to, and where the registration says otherwise: the
 * registration and the card side by side, the differing letters marked. The
 * confirm button applies the card's data (the card wins) and checks the
 * person in; a second check-in today is refused here before it is tried.
 */
export function MatchPanel({ card, match, busy, error, onConfirm, onCompare }: MatchPanelProps) {
  const { t } = useTranslation('checkin');
  const { staff } = useSession();
  const panel = useRef<HTMLDivElement>(null);
  // A record that looks like another person's is left alone by a nurse: only a supervisor may correct it from the card.
  const supervisor = staff.role === 'supervisor';
  const correctsRecord = match.diff.length > 0 && !match.checkedInToday && (!match.otherPerson || supervisor);
  const canUseRecord = !match.otherPerson || supervisor;
  // A new match is what the nurse must read next: bring it into view without taking the keyboard.
  // (In braces: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [match]);
  const registration = match.citizen ?? match.target;
  const differs = new Map(match.diff.map((d) => [d.field, d]));
  const value = (field: IdentityField, raw: string | null | undefined) =>
    raw == null || raw === '' ? '—' : field === 'dateOfBirth' ? formatBirthDate(raw) : field === 'sex' ? t(`common:sex.${raw}`) : raw;
  const cardValue = (field: IdentityField) => value(field, field === 'sex' ? card.sex : card[field]);

  return (
    <Paper withBorder p="sm" ref={panel} data-testid="match-panel" data-by={match.by}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t(`match.by.${match.by}`)}
        </Title>
        {match.target && <Badge color="teal" tt="none">{t('match.onList')}</Badge>}
        {!match.target && match.by !== 'none' && <Badge color="gray" tt="none">{t('match.notOnList')}</Badge>}
      </Group>

      {match.checkedInToday && (
        <Alert color="red" variant="filled" mb="sm" data-testid="already-checked-in" title={t('match.alreadyTitle', { queueNumber: match.checkedInToday.queueNumber })}>
          {t('match.alreadyText', { step: t(`step.${match.checkedInToday.step}`) })}
        </Alert>
      )}
      {match.otherPerson && (
        <Alert color="red" mb="sm" data-testid="other-person" title={t('match.otherPersonTitle')}>
          {supervisor ? t('match.otherPersonSupervisor') : match.citizen ? t('match.otherPersonText') : t('match.otherPersonListRow')}
        </Alert>
      )}
      {match.by === 'name_dob' && (
        <Alert color="yellow" mb="sm">
          {t('match.byNameHint')}
        </Alert>
      )}

      {registration ? (
        <Table withTableBorder withColumnBorders verticalSpacing={4} data-testid="identity-diff" aria-label={t('match.compareTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('match.field')}</Table.Th>
              <Table.Th>{match.citizen ? t('match.registeredStation') : t('match.registeredList')}</Table.Th>
              <Table.Th>{t('match.onCard')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {FIELDS.map((field) => {
              const d = differs.get(field);
              const registered = value(field, field === 'sex' ? registration.sex : registration[field]);
              const shown = d ? diffText(registered, cardValue(field)) : null;
              return (
                <Table.Tr key={field} data-field={field} data-differs={d ? 'true' : 'false'} bg={d ? 'yellow.0' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={d ? 700 : 400}>
                      {t(`field.${field}`)}
                    </Text>
                    {d?.sameLetters && (
                      <Text size="xs" c="dimmed">
                        {t('match.sameLetters')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="registered-value">{shown ? <Marked parts={shown.from} color="red" /> : registered}</Table.Td>
                  <Table.Td data-testid="card-value">{shown ? <Marked parts={shown.to} color="teal" /> : cardValue(field)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed" data-testid="walk-in">
          {t('match.walkIn')}
        </Text>
      )}

      {match.candidates.length > 0 && (
        <Stack gap={4} mt="sm" data-testid="candidates">
          <Text size="sm" fw={600}>
            {t('match.candidates', { count: match.candidates.length })}
          </Text>
          {match.candidates.map((c) => {
            const who = c.citizen ?? c.target!;
            return (
              <Group key={`${c.citizen?.id ?? ''}-${c.target?.id ?? ''}`} justify="space-between">
                <Text size="sm">
                  {who.fullName} · {formatBirthDate(who.dateOfBirth)} · {who.idNumber ?? t('match.noNumber')} {c.target ? `· ${t('match.onList')}` : ''}
                </Text>
                <Button size="compact-xs" variant="light" onClick={() => onCompare({ citizenId: c.citizen?.id ?? undefined, targetId: c.target?.id ?? undefined })}>
                  {t('match.compare')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}

      {error && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={error} />
        </div>
      )}

      {!match.checkedInToday && (
        <Group mt="md">
          {canUseRecord && (
            <Button size="md" color={match.otherPerson ? 'red' : undefined} onClick={() => onConfirm()} loading={busy} rightSection={<Shortcut keys={keysOf('record')} />} data-testid="confirm-checkin">
              {match.otherPerson ? t('match.confirmCorrectOther') : match.diff.length > 0 ? t('match.confirmWithCard') : registration ? t('match.confirm') : t('match.confirmWalkIn')}
            </Button>
          )}
          {match.otherPerson && !match.citizen && (
            <Button size="md" color="orange" variant={supervisor ? 'light' : 'filled'} onClick={() => onConfirm({ targetId: null })} loading={busy} data-testid="confirm-without-row">
              {t('match.confirmWithoutRow')}
            </Button>
          )}
        </Group>
      )}
      {correctsRecord && (
        <Text size="xs" c="dimmed" mt={4} data-testid="corrections-note">
          {t('match.correctionsRecorded', { count: match.diff.length })}
        </Text>
      )}
      {match.otherPerson && !match.citizen && !match.checkedInToday && (
        <Text size="xs" c="dimmed" mt={4} data-testid="without-row-note">
          {t('match.withoutRowNote')}
        </Text>
      )}
    </Paper>
  );
}

function Marked({ parts, color }: { parts: { text: string; same: boolean }[]; color: 'red' | 'teal' }) {
  return (
    <Text size="sm" component="span">
      {parts.map((p, i) =>
        p.same ? (
          <span key={i}>{p.text}</span>
        ) : (
          <mark key={i} data-testid="diff-mark" style={{ background: `var(--mantine-color-${color}-2)`, textDecoration: color === 'red' ? 'line-through' : undefined, padding: '0 1px' }}>
            {p.text}
          </mark>
        ),
      )}
    </Text>
  );
}
