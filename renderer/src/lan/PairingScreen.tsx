import { Alert, Button, Center, Checkbox, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskLinkStatus, DiscoveredHub, StationErrorData } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { station } from '../station';
import { fingerprintGroups, readPairingLink } from './pairing-link';

/**
 * Pairing this desk with the site's hub. A browser opened at the hub needs
 * the code shown there and a name for the desk. The desktop app also needs
 * the hub's address (typed, found on the LAN, or the QR's link) and shows the
 * certificate fingerprint it found there, to compare with the hub's screen
 * before any code is sent.
 */
export function PairingScreen({ link, onPaired, onCancel }: { link: DeskLinkStatus; onPaired: () => Promise<void>; onCancel?: () => void }) {
  const { t } = useTranslation('lan');
  const fromPage = readPairingLink(window.location.href);
  const [address, setAddress] = useState('');
  const [code, setCode] = useState(fromPage.code ?? '');
  const [deskName, setDeskName] = useState('');
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [found, setFound] = useState<DiscoveredHub[] | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState<'probe' | 'pair' | 'discover' | null>(null);

  const takeAddress = (text: string) => {
    const qr = readPairingLink(text);
    setAddress(qr.address ?? text);
    if (qr.code) setCode(qr.code);
    setFingerprint(qr.fingerprint);
    setConfirmed(!!qr.fingerprint);
  };

  const probe = async () => {
    setBusy('probe');
    setError(null);
    const r = await station.desk.probe({ address });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setAddress(r.value.address);
    setFingerprint(r.value.fingerprint);
    setConfirmed(false);
  };

  const discover = async () => {
    setBusy('discover');
    const r = await station.desk.discover({});
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setFound(r.value);
  };

  const pair = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy('pair');
    setError(null);
    const r = await station.desk.pair(link.needsAddress ? { code, deskName, address, fingerprint: fingerprint ?? undefined } : { code, deskName });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    await onPaired();
  };

  const ready = code.trim() !== '' && deskName.trim() !== '' && (!link.needsAddress || (fingerprint !== null && confirmed));
  return (
    <Center mih="100vh" py="xl">
      <Paper withBorder p="xl" w={560}>
        <form onSubmit={pair} aria-label={t('pair.title')}>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={1} size="h3">
                  {t('pair.title')}
                </Title>
                <Text c="dimmed" size="sm">
                  {link.needsAddress ? t('pair.introApp') : t('pair.introBrowser', { hub: link.hubAddress ?? '' })}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            {link.refusal === 'revoked' && (
              <Alert color="orange" data-testid="desk-revoked">
                {t('pair.revoked')}
              </Alert>
            )}
            {error && <ErrorAlert error={error} />}
            {link.needsAddress && (
              <>
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('pair.address')}
                    description={t('pair.addressHint')}
                    value={address}
                    onChange={(e) => takeAddress(e.currentTarget.value)}
                    data-testid="pair-address"
                  />
                  <Button variant="default" onClick={() => void probe()} loading={busy === 'probe'} disabled={!address.trim()}>
                    {t('pair.check')}
                  </Button>
                </Group>
                {link.canDiscover && (
                  <Group gap="xs">
                    <Button size="xs" variant="subtle" onClick={() => void discover()} loading={busy === 'discover'}>
                      {t('pair.discover')}
                    </Button>
                    {found?.length === 0 && <Text size="sm">{t('pair.noneFound')}</Text>}
                    {found?.map((h) => (
                      <Button key={h.address} size="xs" variant="light" onClick={() => takeAddress(h.fingerprint ? `https://${h.address}/#fp=${h.fingerprint}` : h.address)}>
                        {h.name} · {h.address}
                      </Button>
                    ))}
                  </Group>
                )}
                {fingerprint && (
                  <Alert color="blue" title={t('pair.fingerprint')}>
                    <Code block data-testid="pair-fingerprint" style={{ whiteSpace: 'normal', wordSpacing: '0.4em' }}>
                      {fingerprintGroups(fingerprint)}
                    </Code>
                    <Checkbox mt="sm" label={t('pair.fingerprintMatches')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
                  </Alert>
                )}
              </>
            )}
            <TextInput label={t('pair.code')} description={t('pair.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} inputMode="numeric" autoFocus={!link.needsAddress} required data-testid="pair-code" />
            <TextInput label={t('pair.deskName')} description={t('pair.deskNameHint')} value={deskName} onChange={(e) => setDeskName(e.currentTarget.value)} maxLength={60} required data-testid="pair-desk-name" />
            <Group justify="flex-end">
              {onCancel && (
                <Button variant="subtle" onClick={onCancel}>
                  {t('pair.cancel')}
                </Button>
              )}
              <Button type="submit" loading={busy === 'pair'} disabled={!ready} data-testid="pair-submit">
                {t('pair.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
