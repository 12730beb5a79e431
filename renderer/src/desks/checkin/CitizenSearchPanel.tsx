import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenSummary, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBirthDate, parseBirthDate } from '../../components/person-format';
import { Shortcut } from '../../components/Shortcut';
import { keysOf } from '../../app/shortcuts';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';

export interface CitizenSearchPanelProps {
  /** Pre-filled from a health-insurance card, say. */
  initial?: { query: string; dateOfBirth: string };
  /** Set when a card is on screen without a match: offer to compare it with a found person instead of checking them in. */
  onCompare?: (citizen: CitizenSummary) => void;
  onCheckIn: (citizen: CitizenSummary) => Promise<StationErrorData | null>;
  inputRef?: React.Ref<HTMLInputElement>;
}

/** People the station already knows (earlier visits, foreigners, typed-in records): by name, number or passport, optionally birth date. */
export function CitizenSearchPanel({ initial, onCompare, onCheckIn, inputRef }: CitizenSearchPanelProps) {
  const { t } = useTranslation('checkin');
  const [query, setQuery] = useState(initial?.query ?? '');
  const [dob, setDob] = useState(initial?.dateOfBirth ?? '');
  const [error, setError] = useState<StationErrorData | null>(null);
  const dateOfBirth = parseBirthDate(dob) ?? undefined;
  const [request] = useDebouncedValue(JSON.stringify({ query, dateOfBirth }), 200);
  const hits = useCoreQuery(
    () => {
      const req = JSON.parse(request) as { query: string; dateOfBirth?: string };
      return req.query.trim() || req.dateOfBirth ? station.checkin.searchCitizens(req) : Promise.resolve({ ok: true as const, value: [] });
    },
    [request],
    ['queue:changed'],
  );
  const rows = hits.data ?? [];

  return (
    <div data-testid="citizen-search">
      <Group grow align="flex-start">
        <TextInput
          ref={inputRef}
          label={t('search.query')}
          placeholder={t('search.queryHint')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          rightSection={<Shortcut keys={keysOf('search')} />}
          rightSectionWidth={64}
          data-testid="citizen-search-query"
        />
        <TextInput
          label={t('search.dateOfBirth')}
          placeholder="dd/mm/yyyy"
          value={dob}
          onChange={(e) => setDob(e.currentTarget.value)}
          error={dob.trim() && !dateOfBirth ? t('person.dateInvalid') : undefined}
          maw={200}
        />
      </Group>
      {(error ?? hits.error) && <ErrorAlert error={(error ?? hits.error)!} />}
      <Table striped highlightOnHover withTableBorder mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.fullName')}</Table.Th>
            <Table.Th>{t('field.dateOfBirth')}</Table.Th>
            <Table.Th>{t('search.document')}</Table.Th>
            <Table.Th>{t('search.record')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ citizen: c, checkedInToday }) => (
            <Table.Tr key={c.id} data-testid="citizen-hit">
              <Table.Td>{c.fullName}</Table.Td>
              <Table.Td>{formatBirthDate(c.dateOfBirth)}</Table.Td>
              <Table.Td>{c.idNumber ?? (c.passportNumber ? `${c.nationality} ${c.passportNumber}` : '—')}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light">
                  {t(`verification.${c.verification}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {checkedInToday ? (
                  <Text size="sm" c="red">
                    {t('search.alreadyIn', { queueNumber: checkedInToday.queueNumber })}
                  </Text>
                ) : onCompare ? (
                  <Button size="compact-sm" variant="light" onClick={() => onCompare(c)}>
                    {t('match.compare')}
                  </Button>
                ) : (
                  <Button size="compact-sm" variant="light" onClick={() => void onCheckIn(c).then(setError)}>
                    {t('search.checkIn')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {hits.loaded && rows.length === 0 && (query.trim() || dateOfBirth) && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('search.none')}
        </Text>
      )}
    </div>
  );
}
