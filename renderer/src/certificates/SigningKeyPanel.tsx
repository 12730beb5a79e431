import { Badge, Button, FileButton, Group, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorData } from '../../../preload/contract';
import { useCoreQuery } from '../components/use-core-query';
import { ErrorAlert } from '../components/ErrorAlert';
import { station } from '../station';

/** A certificate file as the core takes it: PEM text as is, DER as base64. */
async function certificateText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN')) return text;
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The station's signing key: create it, unlock it, send its certificate
 * request to the national authority and import the certificate that comes
 * back; and the trust list of other issuers' document signers.
 */
export function SigningKeyPanel() {
  const { t } = useTranslation('certificates');
  const statusQuery = useCoreQuery(() => station.certificates.status({}), []);
  const trustQuery = useCoreQuery(() => station.certificates.trustList({}), []);
  const status = statusQuery.data;
  const trust = trustQuery.data ?? [];
  const [error, setError] = useState<StationErrorData | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [label, setLabel] = useState('');

  const load = () => {
    statusQuery.reload();
    trustQuery.reload();
  };

  const act = async <T,>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: StationErrorData }>, message?: string) => {
    const r = await call();
    if (!r.ok) return setError(r.error);
    setError(null);
    setPassphrase('');
    setRepeat('');
    if (message) notifications.show({ color: 'teal', message });
    load();
    return r.value;
  };

  if (!status) return null;
  const needsPassphrase = !status.osProtectionAvailable;
  const mismatch = repeat.length > 0 && passphrase !== repeat;
  const signer = status.nationalCertificate ?? status.provisionalCertificate;

  return (
    <Stack>
      <Paper withBorder p="md" data-testid="signing-key">
        <Title order={2} size="h4" mb="sm">
          {t('keys.title')}
        </Title>
        {error && <ErrorAlert error={error} />}
        <Group mb="sm">
          <Badge color={status.key === 'ready' ? 'teal' : status.key === 'locked' ? 'orange' : 'gray'} data-testid="key-state">
            {t(`keys.state.${status.key}`)}
          </Badge>
          {status.key !== 'none' && (
            <Badge color={status.provisional ? 'red' : 'blue'} variant="outline">
              {status.provisional ? t('keys.provisionalBadge') : t('keys.nationalBadge')}
            </Badge>
          )}
          {status.protection && (
            <Text size="sm">
              {t('keys.protection')}: {[status.protection.os && t('keys.os'), status.protection.passphrase && t('keys.passphrase')].filter(Boolean).join(', ')}
            </Text>
          )}
        </Group>
        {signer && (
          <Text size="sm" mb="sm">
            {t('keys.certificate')}: {signer.subject} · {t('keys.validTo')}: {signer.validTo.slice(0, 10)} · {t('keys.fingerprint')}: <code>{signer.fingerprint.slice(0, 32)}…</code>
          </Text>
        )}

        {status.key === 'none' && (
          <form
            noValidate
            aria-label={t('keys.create')}
            onSubmit={(e) => {
              e.preventDefault();
              if (!mismatch) void act(() => station.certificates.createSigningKey(passphrase ? { passphrase } : {}));
            }}
          >
            {needsPassphrase ? (
              <Group align="flex-end">
                <PasswordInput label={t('keys.passphraseLabel')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} w={280} />
                <PasswordInput label={t('keys.passphraseRepeat')} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={mismatch ? t('keys.passphraseMismatch') : null} w={280} />
              </Group>
            ) : (
              <Text size="sm">{t('keys.osHint')}</Text>
            )}
            <Button type="submit" mt="sm" data-testid="create-key">
              {t('keys.create')}
            </Button>
          </form>
        )}

        {status.key === 'locked' && (
          <form
            noValidate
            aria-label={t('keys.unlock')}
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => station.certificates.unlockSigning({ passphrase }));
            }}
          >
            <Group align="flex-end">
              <PasswordInput label={t('keys.passphraseLabel')} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} w={280} autoFocus />
              <Button type="submit">{t('keys.unlock')}</Button>
            </Group>
          </form>
        )}

        {status.key !== 'none' && (
          <Group mt="sm">
            <Button
              variant="default"
              onClick={() =>
                void act(() => station.certificates.exportCsr({})).then((csr) => csr && download(csr.fileName, csr.pem, 'application/pkcs10'))
              }
            >
              {t('keys.downloadCsr')}
            </Button>
            <FileButton
              onChange={(file) => file && void certificateText(file).then((certificate) => act(() => station.certificates.importSignerCertificate({ certificate }), t('keys.imported')))}
              accept=".pem,.crt,.cer,.der"
            >
              {(props) => (
                <Button variant="default" {...props} data-testid="import-dsc">
                  {t('keys.importDsc')}
                </Button>
              )}
            </FileButton>
          </Group>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('trust.title')}
        </Title>
        <Table>
          <Table.Tbody>
            {trust.map((entry) => (
              <Table.Tr key={entry.id} data-testid="trust-entry">
                <Table.Td>{t(`trust.source.${entry.source}`)}</Table.Td>
                <Table.Td>{entry.label ?? entry.subject}</Table.Td>
                <Table.Td>{entry.country ?? '—'}</Table.Td>
                <Table.Td>{entry.validTo.slice(0, 10)}</Table.Td>
                <Table.Td>
                  {entry.source === 'imported' && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => void act(() => station.certificates.removeTrusted({ id: entry.id }))}>
                      {t('trust.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end" mt="sm">
          <TextInput label={t('trust.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} w={240} />
          <FileButton
            onChange={(file) =>
              file &&
              void certificateText(file).then((certificate) =>
                act(() => station.certificates.addTrusted({ certificate, ...(label.trim() ? { label: label.trim() } : {}) })).then(() => setLabel('')),
              )
            }
            accept=".pem,.crt,.cer,.der"
          >
            {(props) => (
              <Button variant="default" {...props}>
                {t('trust.add')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
    </Stack>
  );
}
