import { Anchor, Button, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificatePreview, StationErrorData } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { station } from '../station';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The stored PDF, exactly what the printer gets, in a frame from a blob: URL
 * (the CSP allows frame-src blob: for this alone). Beside it the QR as an
 * image: where the browser has no PDF viewer, the person at the desk still
 * sees the code that will be printed.
 */
export function PdfPreview({ certificateId, onClose }: { certificateId: string; onClose: () => void }) {
  const { t } = useTranslation('certificates');
  const [preview, setPreview] = useState<CertificatePreview | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);
  useHotkeys([['Escape', onClose]], []);

  useEffect(() => {
    let created: string | null = null;
    void station.certificates.preview({ certificateId }).then((r) => {
      if (!r.ok) return setError(r.error);
      created = URL.createObjectURL(new Blob([bytesOf(r.value.pdfBase64)], { type: 'application/pdf' }));
      setPreview(r.value);
      setUrl(created);
    });
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [certificateId]);

  return (
    <Modal opened onClose={onClose} title={t('preview.title')} size="xl" data-testid="certificate-preview">
      {error && <ErrorAlert error={error} />}
      {!preview && !error && <Loader />}
      {preview && url && (
        <Stack>
          <iframe title={t('preview.title')} src={url} style={{ width: '100%', height: 520, border: '1px solid #ddd' }} data-testid="certificate-pdf" data-paper={preview.paper} />
          <Group align="flex-start" wrap="nowrap">
            <Image src={`data:image/png;base64,${preview.qrPngBase64}`} alt="QR" w={160} h={160} data-testid="certificate-qr" />
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('preview.pdfFallback')}
              </Text>
              <Anchor href={url} download={`${certificateId}.pdf`} size="sm">
                {t('preview.download')}
              </Anchor>
            </Stack>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('preview.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
