import { Badge, Group, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Shortcut } from '../components/Shortcut';
import { SHORTCUTS, type DeskKey, type ShortcutAction } from './shortcuts';

/** The whole table, one line per action, with the desks it works on: the same on every desk. */
export function ShortcutHelp({ opened, onClose, desk }: { opened: boolean; onClose(): void; desk: DeskKey | null }) {
  const { t } = useTranslation('shortcuts');
  const actions = Object.keys(SHORTCUTS) as ShortcutAction[];
  const here = (a: ShortcutAction) => desk !== null && (SHORTCUTS[a].desks as readonly DeskKey[]).some((d) => d === 'all' || d === desk);
  return (
    <Modal opened={opened} onClose={onClose} title={t('title')} size="xl" data-testid="shortcut-help">
      <Text size="sm" c="dimmed" mb="xs">
        {t('intro')}
      </Text>
      <Table striped withTableBorder verticalSpacing={4} aria-label={t('title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('key')}</Table.Th>
            <Table.Th>{t('action')}</Table.Th>
            <Table.Th>{t('where')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((a) => (
            <Table.Tr key={a} data-action={a} fw={here(a) ? 600 : undefined}>
              <Table.Td>
                <Shortcut keys={[...SHORTCUTS[a].keys]} />
              </Table.Td>
              <Table.Td>{t(`action.${a}`)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {SHORTCUTS[a].desks.map((d) => (
                    <Badge key={d} size="xs" variant={d === desk || d === 'all' ? 'filled' : 'light'} tt="none">
                      {t(`desk.${d}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
