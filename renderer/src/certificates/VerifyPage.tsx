import { Alert, Badge, Button, FileButton, Group, List, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { StationErrorData, VerifyResult } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { Shortcut } from '../components/Shortcut';
import { keysOf, useShortcuts } from '../app/shortcuts';
import { decodeQrImage } from '../scanning/qr-image';
import { station } from '../station';
import { PageHeader } from '../components/PageHeader';

const when = (instant: string | null) => (instant ? new Date(instant).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—');

/**
 * Verify any EU DCC: a USB scanner types the QR text into the box (it ends
 * with Enter), or it is pasted, or read from an image. The core decodes and
 * checks it; the page shows each stage, the signer, the holder and the doses.
 * Opened with ?citizen=<id> (from check-in), a verified certificate's doses
 * can be added to that citizen's history.
 */
export function VerifyPage() {
  const { t } = useTranslation('certificates');
  const [params] = useSearchParams();
  const citizenId = params.get('citizen');
  const [text, setText] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  const verify = async (hc1 = text) => {
    setNotice(null);
    const r = await station.certificates.verify({ hc1 });
    if (!r.ok) {
      setResult(null);
      return setError(r.error);
    }
    setError(null);
    setResult(r.value);
  };
  const fromImage = async (file: File | null) => {
    if (!file) return;
    // The check-in desk's image reader (zxing in the page, with retries at smaller sizes for phone photos).
    const read = await decodeQrImage(file);
    if (!read.ok) return setNotice(t('verify.imageUnreadable'));
    setText(read.text);
    await verify(read.text);
  };
  const importDoses = async () => {
    if (!citizenId) return;
    const r = await station.certificates.importDoses({ hc1: text, citizenId });
    if (!r.ok) return setError(r.error);
    setNotice(t('verify.imported', r.value));
  };
  const imageButton = useRef<HTMLButtonElement>(null);
  useShortcuts({ search: () => box.current?.focus(), image: () => imageButton.current?.click() });

  return (
    <Stack>
      <PageHeader title={t('verify.title')} purpose={t('verify.purpose')} />
      <Paper withBorder p="md">
        <form
          noValidate
          aria-label={t('verify.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void verify();
          }}
        >
          <Textarea
            ref={box}
            label={t('verify.input')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Scanners end the code with Enter: verify at once, as a typed Enter would submit.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void verify();
              }
            }}
            autosize
            minRows={3}
            maxRows={8}
            autoFocus
            spellCheck={false}
            rightSection={<Shortcut keys={keysOf('search')} />}
            data-testid="verify-input"
          />
          <Group mt="sm">
            <Button type="submit" rightSection={<Shortcut keys={['Enter']} />} data-testid="verify-submit">
              {t('verify.check')}
            </Button>
            <FileButton onChange={(f) => void fromImage(f)} accept="image/png,image/jpeg,image/webp">
              {(props) => (
                <Button variant="default" {...props} ref={imageButton} rightSection={<Shortcut keys={keysOf('image')} />}>
                  {t('verify.image')}
                </Button>
              )}
            </FileButton>
          </Group>
        </form>
      </Paper>
      {error && <ErrorAlert error={error} />}
      {notice && <Alert color="blue">{notice}</Alert>}
      {result && <VerifyReport result={result} canImport={citizenId !== null} onImport={() => void importDoses()} />}
    </Stack>
  );
}

function VerifyReport({ result, canImport, onImport }: { result: VerifyResult; canImport: boolean; onImport: () => void }) {
  const { t } = useTranslation('certificates');
  const { t: te } = useTranslation('errors');
  return (
    <Paper withBorder p="md" data-testid="verify-result" data-valid={result.valid}>
      <Stack>
        <Group>
          <Badge size="lg" color={result.valid ? 'teal' : 'red'} data-testid="verify-verdict">
            {result.valid ? t('verify.valid') : t('verify.invalid')}
          </Badge>
          <Text fw={600} c={result.signatureVerified ? 'teal' : 'red'}>
            {result.signatureVerified ? t('verify.signatureOk') : t('verify.signatureNo')}
          </Text>
        </Group>
        {result.failure && <Alert color={result.signatureVerified ? 'orange' : 'red'}>{te(result.failure.code)}</Alert>}
        <SimpleGrid cols={2}>
          <div>
            <Title order={3} size="h5">
              {t('verify.holder')}
            </Title>
            {result.holder && (
              <Text data-testid="verify-holder">
                {[result.holder.familyName, result.holder.givenName].filter(Boolean).join(' ')} ({result.holder.familyNameIcao}
                {result.holder.givenNameIcao ? ` ${result.holder.givenNameIcao}` : ''}) · {result.holder.dateOfBirth}
              </Text>
            )}
            {result.signer && (
              <Text size="sm">
                {t('verify.signer')}: {result.signer.label ?? result.signer.subject} — {t(`verify.source.${result.signer.source}`)}
              </Text>
            )}
            <Text size="sm">
              {t('verify.issuer')}: {result.issuerCountry ?? '—'} · {t('verify.issued')}: {when(result.issuedAt)} · {t('verify.expires')}: {when(result.expiresAt)}
            </Text>
            {result.station && <Text size="sm">{t('verify.ours', { status: result.station.status })}</Text>}
          </div>
          <div>
            <Title order={3} size="h5">
              {t('verify.stages')}
            </Title>
            <List size="sm" spacing={2}>
              {result.stages.map((s) => (
                <List.Item key={s.stage} icon={s.ok ? '✓' : '✗'}>
                  {t(`verify.stage.${s.stage}`)}
                  {s.code ? ` — ${te(s.code)}` : ''}
                </List.Item>
              ))}
            </List>
          </div>
        </SimpleGrid>
        {result.vaccinations.length > 0 && (
          <>
            <Title order={3} size="h5">
              {t('verify.vaccinations')}
            </Title>
            <Table data-testid="verify-doses">
              <Table.Tbody>
                {result.vaccinations.map((v) => (
                  <Table.Tr key={v.uvci + v.doseNumber}>
                    <Table.Td>
                      {v.doseNumber}/{v.seriesDoses}
                    </Table.Td>
                    <Table.Td>{v.date}</Table.Td>
                    <Table.Td>{v.productName}</Table.Td>
                    <Table.Td>
                      {v.issuer} ({v.country})
                    </Table.Td>
                    <Table.Td ff="monospace">{v.uvci}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        {(result.tests > 0 || result.recoveries > 0) && <Text size="sm">{t('verify.others', { tests: result.tests, recoveries: result.recoveries })}</Text>}
        {canImport && result.signatureVerified && result.vaccinations.length > 0 && (
          <Group>
            <Button onClick={onImport} data-testid="import-doses">
              {t('verify.importDoses')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
