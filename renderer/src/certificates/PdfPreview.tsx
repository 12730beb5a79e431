import { Anchor, Button, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificatePreview, StationErrorData } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { PdfCanvas } from './pdf-canvas';
import { station } from '../station';

/**
 * The height left for the page in the modal (90% of the window, less its
 * title, padding and Close row), so the whole certificate is in view at once.
 */
function pageHeight(): number {
  return Math.max(320, Math.floor(window.innerHeight * 0.9) - 150);
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The stored PDF, exactly what the printer gets, drawn by pdf.js (see
 * pdf-canvas.tsx) so it shows on every transport, whether or not the browser
 * has a PDF viewer. Beside it the QR as an image and the stored PDF to
 * download, byte for byte: should the drawing fail, the person at the desk
 * still sees the code that will be printed.
 */
export function PdfPreview({ certificateId, onClose }: { certificateId: string; onClose: () => void }) {
  const { t } = useTranslation('certificates');
  const [preview, setPreview] = useState<CertificatePreview | null>(null);
  const [pdf, setPdf] = useState<{ bytes: Uint8Array; url: string } | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);
  useHotkeys([['Escape', onClose]], []);

  useEffect(() => {
    let created: string | null = null;
    void station.certificates.preview({ certificateId }).then((r) => {
      if (!r.ok) return setError(r.error);
      const bytes = bytesOf(r.value.pdfBase64);
      created = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      setPreview(r.value);
      setPdf({ bytes, url: created });
    });
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [certificateId]);

  return (
    <Modal opened onClose={onClose} title={t('preview.title')} size="xl" data-testid="certificate-preview">
      {error && <ErrorAlert error={error} />}
      {!preview && !error && <Loader />}
      {preview && pdf && (
        <Stack>
          <Group align="flex-start" wrap="nowrap">
            <PdfCanvas pdf={pdf.bytes} maxHeight={pageHeight()} aria-label={t('preview.title')} style={{ border: '1px solid #ddd' }} data-testid="certificate-pdf" data-paper={preview.paper} />
            <Stack gap={4} w={176} style={{ flexShrink: 0 }}>
              <Image src={`data:image/png;base64,${preview.qrPngBase64}`} alt="QR" w={160} h={160} data-testid="certificate-qr" />
              <Text size="sm" c="dimmed">
                {t('preview.pdfFallback')}
              </Text>
              <Anchor href={pdf.url} download={`${certificateId}.pdf`} size="sm">
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
