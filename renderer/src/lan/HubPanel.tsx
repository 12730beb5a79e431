import { Alert, Badge, Button, Code, Group, Image, Modal, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairedDesk, Role, StationErrorData } from '../../../preload/contract';
import { formatSiteDateTime } from '../components/dates';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCoreQuery } from '../components/use-core-query';
import { station } from '../station';
import { fingerprintGroups } from './pairing-link';

const ROLE_CHOICES: Record<'nurse' | 'all', Role[]> = { nurse: ['nurse'], all: ['nurse', 'supervisor'] };
/** Connected / last seen change without an event: looked at again this often while the panel is open. */
const REFRESH_MS = 10_000;

/**
 * Supervisor → Bàn làm việc: this station as the site's hub. Turn it on,
 * show a pairing code and QR for the next desk, see the paired desks (who
 * may sign in there, last seen, connected now) and revoke one.
 */
export function HubPanel() {
  const { t, i18n } = useTranslation('lan');
  const status = useCoreQuery(() => station.hub.status({}), [], ['hub:changed']);
  const desks = useCoreQuery(() => station.hub.desks({}), [], ['hub:changed']);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [roles, setRoles] = useState<'nurse' | 'all'>('nurse');
  const [port, setPort] = useState<number | string>('');
  const [revoking, setRevoking] = useState<PairedDesk | null>(null);
  const hub = status.data;
  const reloadDesks = desks.reload;

  useEffect(() => {
    const timer = setInterval(reloadDesks, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reloadDesks]);

  const act = async (run: () => Promise<{ ok: boolean; error?: StationErrorData }>) => {
    const r = await run();
    setError(r.ok ? null : r.error!);
    status.reload();
    desks.reload();
  };

  return (
    <Stack>
      {(error ?? status.error) && <ErrorAlert error={(error ?? status.error)!} />}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('hub.heading')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('hub.intro')}
        </Text>
        {hub && (
          <Stack gap="sm">
            <Group>
              <Switch
                label={t('hub.enabled')}
                checked={hub.enabled}
                onChange={(e) => {
                  const enabled = e.currentTarget.checked;
                  void act(() => station.hub.configure({ enabled }));
                }}
                data-testid="hub-enabled"
              />
              <Switch
                label={t('hub.discoverable')}
                checked={hub.discoverable}
                onChange={(e) => {
                  const discoverable = e.currentTarget.checked;
                  void act(() => station.hub.configure({ discoverable }));
                }}
              />
              <Group gap="xs" align="flex-end">
                <NumberInput label={t('hub.port')} w={120} min={1024} max={65535} value={port === '' ? hub.port : port} onChange={setPort} />
                <Button variant="default" disabled={port === '' || Number(port) === hub.port} onClick={() => void act(() => station.hub.configure({ port: Number(port) }))}>
                  {t('hub.applyPort')}
                </Button>
              </Group>
            </Group>
            {hub.enabled && hub.problem && <Alert color="red">{t(`hub.problem.${hub.problem}`)}</Alert>}
            {hub.listening && (
              <SimpleGrid cols={2}>
                <div>
                  <Text size="sm" fw={600}>
                    {t('hub.addresses')}
                  </Text>
                  {hub.addresses.map((a) => (
                    <Text key={a} size="sm" ff="monospace" data-testid="hub-address">
                      {a}
                    </Text>
                  ))}
                </div>
                <div>
                  <Text size="sm" fw={600}>
                    {t('hub.fingerprint')}
                  </Text>
                  <Code block data-testid="hub-fingerprint" style={{ whiteSpace: 'normal', wordSpacing: '0.4em' }}>
                    {hub.fingerprint ? fingerprintGroups(hub.fingerprint) : '—'}
                  </Code>
                </div>
              </SimpleGrid>
            )}
          </Stack>
        )}
      </Paper>

      {hub?.listening && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('hub.pairHeading')}
          </Title>
          {hub.pairing ? (
            <Group align="flex-start" gap="xl">
              <Image src={hub.pairing.qrDataUrl} w={220} h={220} alt={t('hub.qrAlt')} data-testid="pairing-qr" />
              <Stack gap="xs">
                <Text size="sm">{t('hub.codeLabel')}</Text>
                <Text fz={44} fw={700} ff="monospace" data-testid="pairing-code" lts={4}>
                  {hub.pairing.code.slice(0, 3)} {hub.pairing.code.slice(3)}
                </Text>
                <Text size="sm">{t('hub.codeFor', { roles: hub.pairing.roles.map((r) => t(`common:role.${r}`)).join(', ') })}</Text>
                <Text size="sm" c="dimmed">
                  {t('hub.codeExpires', { at: formatSiteDateTime(hub.pairing.expiresAt, i18n.language) })}
                </Text>
                <Button variant="default" onClick={() => void act(() => station.hub.stopPairing({}))}>
                  {t('hub.stopPairing')}
                </Button>
              </Stack>
            </Group>
          ) : (
            <Group align="flex-end">
              <div>
                <Text size="sm" mb={4}>
                  {t('hub.rolesLabel')}
                </Text>
                <SegmentedControl value={roles} onChange={(v) => setRoles(v as 'nurse' | 'all')} data={[{ value: 'nurse', label: t('hub.rolesNurse') }, { value: 'all', label: t('hub.rolesAll') }]} />
              </div>
              <Button onClick={() => void act(() => station.hub.startPairing({ roles: ROLE_CHOICES[roles] }))} data-testid="start-pairing">
                {t('hub.startPairing')}
              </Button>
            </Group>
          )}
        </Paper>
      )}

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('desks.heading')}
        </Title>
        {(desks.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('desks.none')}
          </Text>
        ) : (
          <Table withTableBorder aria-label={t('desks.heading')} data-testid="paired-desks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('desks.name')}</Table.Th>
                <Table.Th>{t('desks.roles')}</Table.Th>
                <Table.Th>{t('desks.paired')}</Table.Th>
                <Table.Th>{t('desks.lastSeen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(desks.data ?? []).map((d) => (
                <Table.Tr key={d.id} data-testid={`desk-row-${d.name}`}>
                  <Table.Td>
                    {d.name}{' '}
                    {d.connected > 0 && (
                      <Badge color="teal" variant="light">
                        {t('desks.connected')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      value={d.roles.includes('supervisor') ? 'all' : 'nurse'}
                      onChange={(v) => void act(() => station.hub.updateDesk({ id: d.id, roles: ROLE_CHOICES[v as 'nurse' | 'all'] }))}
                      data={[{ value: 'nurse', label: t('hub.rolesNurse') }, { value: 'all', label: t('hub.rolesAll') }]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatSiteDateTime(d.pairedAt, i18n.language)}</Text>
                    <Text size="xs" c="dimmed">
                      {d.pairedBy ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.lastSeenAt ? formatSiteDateTime(d.lastSeenAt, i18n.language) : '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {d.lastAddress ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" color="red" variant="light" onClick={() => setRevoking(d)} data-testid={`revoke-${d.name}`}>
                      {t('desks.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('desks.revokeTitle', { name: revoking?.name ?? '' })}>
        <Text size="sm">{t('desks.revokeText')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRevoking(null)}>
            {t('desks.cancel')}
          </Button>
          <Button
            color="red"
            data-testid="confirm-revoke"
            onClick={() => {
              const desk = revoking!;
              setRevoking(null);
              void act(() => station.hub.revokeDesk({ id: desk.id }));
            }}
          >
            {t('desks.revoke')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
