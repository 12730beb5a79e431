import { Badge, Button, Group, Pagination, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target, TargetListRow } from '../../../preload/contract';
import { useCatalogue } from './catalogue';
import { useCoreQuery } from './use-core-query';
import { station } from '../station';
import { ErrorAlert } from './ErrorAlert';
import { Shortcut } from './Shortcut';
import { useDateFormat } from './dates';

const PAGE = 25;

export interface TargetSearchProps {
  planId: string;
  autoFocus?: boolean;
  /** An action per row (the check-in desk's "check in" or "compare with the card"), with its button label. */
  pick?: { label: string; onPick: (target: Target) => void };

}

/** Search a plan's target list by name (diacritics-insensitive prefix) or ID number. */
export function TargetSearch({ planId, autoFocus = false, pick }: TargetSearchProps) {
  const { t } = useTranslation(['plan', 'checkin']);
  const formatDate = useDateFormat();
  const products = useCatalogue();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [page, setPage] = useState(1);
  const { data, error } = useCoreQuery(
    () => station.targets.list({ planId, query: debounced, offset: (page - 1) * PAGE, limit: PAGE }),
    [planId, debounced, page],
    ['plan:changed'],
  );
  const rows: TargetListRow[] = data?.rows ?? [];
  const total = data?.total ?? 0;
  const search = (text: string) => {
    setQuery(text);
    setPage(1);
  };

  return (
    <div>
      <TextInput
        label={t('targets.search')}
        placeholder={t('targets.searchHint')}
        value={query}
        onChange={(e) => search(e.currentTarget.value)}
        autoFocus={autoFocus}
        rightSection={<Shortcut keys={['Esc']} />}
        rightSectionWidth={48}
        onKeyDown={(e) => e.key === 'Escape' && search('')}
        data-testid="target-search"
      />
      {error && <ErrorAlert error={error} />}
      <Text size="sm" c="dimmed" mt="xs" data-testid="target-total">
        {t('targets.total', { count: total })}
      </Text>
      <Table striped highlightOnHover withTableBorder mt="xs" aria-label={t('targets.heading')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('targets.fullName')}</Table.Th>
            <Table.Th>{t('targets.dateOfBirth')}</Table.Th>
            <Table.Th>{t('targets.sex')}</Table.Th>
            <Table.Th>{t('targets.idNumber')}</Table.Th>
            <Table.Th>{t('targets.product')}</Table.Th>
            <Table.Th>{t('targets.line')}</Table.Th>
            <Table.Th>{t('targets.today')}</Table.Th>
            {pick && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="target-row" data-checked-in={r.visit ? 'true' : 'false'} c={r.visit ? 'dimmed' : undefined}>
              <Table.Td>{r.fullName}</Table.Td>
              <Table.Td>{formatDate(r.dateOfBirth)}</Table.Td>
              <Table.Td>{r.sex ? t(`common:sex.${r.sex}`) : '—'}</Table.Td>
              <Table.Td>{r.idNumber ?? '—'}</Table.Td>
              <Table.Td>
                {r.productCode ? (products.get(r.productCode)?.name ?? r.productCode) : '—'}
                {r.doseNumber ? ` · ${t('targets.dose', { number: r.doseNumber })}` : ''}
              </Table.Td>
              <Table.Td>{r.sourceLine ?? '—'}</Table.Td>
              <Table.Td>
                {r.visit && (
                  <Badge color="teal" variant="light" tt="none" data-testid="target-checked-in">
                    {t('targets.checkedIn', { number: r.visit.queueNumber, step: t(`checkin:step.${r.visit.step}`) })}
                  </Badge>
                )}
              </Table.Td>
              {pick && (
                <Table.Td>
                  {!r.visit && (
                    <Button size="compact-sm" variant="light" onClick={() => pick.onPick(r)}>
                      {pick.label}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > PAGE && (
        <Group justify="center" mt="sm">
          <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </div>
  );
}
