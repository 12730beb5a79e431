import { Button, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface DemoCredentialsShown {
  supervisor: { username: string; pin: string };
  nurse: { username: string; pin: string };
  targets: number;
}

/** The demo accounts, shown once after seeding so the person can sign in. */
export function DemoCredentialsModal({ credentials, onClose }: { credentials: DemoCredentialsShown; onClose: () => void }) {
  const { t } = useTranslation('setup');
  return (
    <Modal opened onClose={onClose} title={t('demo.ready')} centered>
      <Text size="sm" mb="sm">
        {t('demo.readyText', { targets: credentials.targets })}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('demo.role')}</Table.Th>
            <Table.Th>{t('supervisor.username')}</Table.Th>
            <Table.Th>{t('supervisor.pin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{t('common:role.supervisor')}</Table.Td>
            <Table.Td data-testid="demo-supervisor-username">{credentials.supervisor.username}</Table.Td>
            <Table.Td data-testid="demo-supervisor-pin">{credentials.supervisor.pin}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>{t('common:role.nurse')}</Table.Td>
            <Table.Td data-testid="demo-nurse-username">{credentials.nurse.username}</Table.Td>
            <Table.Td data-testid="demo-nurse-pin">{credentials.nurse.pin}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Button mt="md" fullWidth onClick={onClose} data-autofocus>
        {t('demo.continue')}
      </Button>
    </Modal>
  );
}
