import { Button, Group, Modal, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationErrorData } from '../../../../preload/contract';
import { PdfCanvas } from '../../certificates/pdf-canvas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { station } from '../../station';
import { base64Bytes, downloadBase64 } from './files';

type Language = 'vi' | 'en';

/**
 * The day report and the export: preview every page of the PDF (drawn by
 * pdf.js, as certificates are), print it on the station's printer, download
 * it in Vietnamese or English, and download the records as XLSX or CSV.
 */
export function ReportPanel({ planId }: { planId: string }) {
  const { t } = useTranslation('day');
  const [language, setLanguage] = useState<Language>('vi');
  const [preview, setPreview] = useState<{ pdf: Uint8Array; pages: number; fileName: string; base64: string } | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async <T,>(what: string, call: () => Promise<{ ok: true; value: T } | { ok: false; error: StationErrorData }>): Promise<T | null> => {
    setBusy(what);
    try {
      const r = await call();
      if (!r.ok) {
        setError(r.error);
        return null;
      }
      setError(null);
      return r.value;
    } finally {
      setBusy(null);
    }
  };

  const open = async () => {
    const r = await run('preview', () => station.closeOfDay.report({ planId, language }));
    if (r) setPreview({ pdf: base64Bytes(r.pdfBase64), pages: r.pages, fileName: r.fileName, base64: r.pdfBase64 });
  };
  const print = async () => {
    const r = await run('print', () => station.closeOfDay.printReport({ planId, language }));
    if (r) notifications.show({ color: 'teal', message: t('report.printed', { printer: r.printer }) });
  };
  const exportAs = async (format: 'xlsx' | 'csv') => {
    const r = await run(format, () => station.closeOfDay.export({ planId, format, table: 'doses' }));
    if (r) downloadBase64(r.fileName, r.contentBase64, r.mimeType);
  };

  // Each page whole in the window, the way it will come out of the printer.
  const pageHeight = Math.max(420, window.innerHeight - 170);
  return (
    <Paper withBorder p="md" data-testid="report-panel">
      <Title order={2} size="h5" mb="xs">
        {t('report.title')}
      </Title>
      <Stack>
        <Group>
          <SegmentedControl
            value={language}
            onChange={(v) => setLanguage(v as Language)}
            data={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
            data-testid="report-language"
          />
          <Button onClick={() => void open()} loading={busy === 'preview'} data-testid="report-preview">
            {t('report.preview')}
          </Button>
          <Button variant="light" onClick={() => void print()} loading={busy === 'print'} data-testid="report-print">
            {t('report.print')}
          </Button>
          <Button variant="default" onClick={() => void exportAs('xlsx')} loading={busy === 'xlsx'} data-testid="export-xlsx">
            {t('report.xlsx')}
          </Button>
          <Button variant="default" onClick={() => void exportAs('csv')} loading={busy === 'csv'} data-testid="export-csv">
            {t('report.csv')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('report.hint')}
        </Text>
        {error && <ErrorAlert error={error} />}
      </Stack>
      {preview && (
        <Modal opened onClose={() => setPreview(null)} size="auto" title={t('report.previewTitle', { pages: preview.pages })} data-testid="report-modal">
          <Stack data-testid="report-pages">
            <Group justify="flex-end">
              <Button size="xs" variant="default" onClick={() => downloadBase64(preview.fileName, preview.base64, 'application/pdf')}>
                {t('report.download')}
              </Button>
            </Group>
            {Array.from({ length: preview.pages }, (_, i) => (
              <Paper key={i} withBorder shadow="xs" w={Math.round(pageHeight / Math.SQRT2)} data-testid="report-page" data-page={i + 1}>
                <PdfCanvas pdf={preview.pdf} page={i + 1} maxHeight={pageHeight} aria-label={t('report.page', { page: i + 1 })} data-testid="report-canvas" />
              </Paper>
            ))}
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
