import { Group, Pagination, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorData, Target } from '../../../preload/contract';
import { station } from '../station';
import { ErrorAlert } from './ErrorAlert';
import { Shortcut } from './Shortcut';

const PAGE = 25;

/** Search a plan's target list by name (diacritics-insensitive prefix) or ID number. */
export function TargetSearch({ planId, autoFocus = false }: { planId: string; autoFocus?: boolean }) {
  const { t } = useTranslation('plan');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<Target[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<StationErrorData | null>(null);

  useEffect(() => setPage(1), [debounced]);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const result = await station.targets.list({ planId, query: debounced, offset: (page - 1) * PAGE, limit: PAGE });
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      setRows(result.value.rows);
      setTotal(result.value.total);
    };
    void load();
    const stop = station.on('plan:changed', (e) => {
      if (e.planId === planId) void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [planId, debounced, page]);

  return (
    <div>
      <TextInput
        label={t('targets.search')}
        placeholder={t('targets.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        autoFocus={autoFocus}
        rightSection={<Shortcut keys={['Esc']} />}
        rightSectionWidth={48}
        onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
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
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.fullName}</Table.Td>
              <Table.Td>{r.dateOfBirth}</Table.Td>
              <Table.Td>{r.sex ? t(`common:sex.${r.sex}`) : '—'}</Table.Td>
              <Table.Td>{r.idNumber ?? '—'}</Table.Td>
              <Table.Td>{r.productCode ?? '—'}</Table.Td>
              <Table.Td>{r.sourceLine ?? '—'}</Table.Td>
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
