import { Alert, Badge, Button, FileButton, Group, List, Paper, Progress, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, type ImportPreview, type StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { station } from '../../station';
import { bytesToBase64 } from './base64';

type Progressing = { stage: 'uploading'; sent: number; total: number } | { stage: 'checking'; rows: number; totalRows: number };

/**
 * Target-list import: pick a CSV, watch it upload and get checked, see every
 * problem row by row with its line number, then confirm to import the valid
 * rows (or cancel: nothing written).
 */
export function TargetImportPanel({ planId }: { planId: string }) {
  const { t } = useTranslation('plan');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const uploading = useRef<string | null>(null);

  // The core checks the file in the background and says how far it is; only this desk's file is shown.
  useEffect(
    () =>
      station.on('targets:importProgress', (p) => {
        if (p.uploadId === uploading.current) setProgress({ stage: 'checking', rows: p.rowsChecked, totalRows: p.totalRows });
      }),
    [],
  );

  const upload = async (file: File): Promise<string | StationErrorData> => {
    const started = await station.targets.startImport({ planId, fileName: file.name, sizeBytes: file.size });
    if (!started.ok) return started.error;
    const { uploadId, chunkBytes } = started.value;
    uploading.current = uploadId;
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      // One chunk read at a time: a large file never sits in memory twice, and no call is large.
      const bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
      const sent = await station.targets.uploadChunk({ uploadId, offset, dataBase64: bytesToBase64(bytes) });
      if (!sent.ok) return sent.error;
      setProgress({ stage: 'uploading', sent: sent.value.received, total: file.size });
    }
    return uploadId;
  };

  const check = async (file: File | null) => {
    if (!file) return;
    setPreview(null);
    // Refuse before reading: a wrong file (a video, a database dump) must not fill memory.
    if (file.size > MAX_IMPORT_BYTES) {
      return setError({ code: 'IMPORT_FILE_TOO_LARGE', message: 'file too large', params: { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 } });
    }
    setBusy(true);
    setError(null);
    setProgress({ stage: 'uploading', sent: 0, total: file.size });
    try {
      const uploadId = await upload(file);
      if (typeof uploadId !== 'string') return setError(uploadId);
      setProgress({ stage: 'checking', rows: 0, totalRows: 0 });
      const result = await station.targets.previewImport({ uploadId });
      if (!result.ok) return setError(result.error);
      setPreview(result.value);
    } finally {
      uploading.current = null;
      setProgress(null);
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    const result = await station.targets.confirmImport({ previewId: preview.previewId });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPreview(null);
    notifications.show({ color: 'teal', message: t('import.done', { count: result.value.imported }) });
  };

  const cancel = async () => {
    if (preview) await station.targets.cancelImport({ previewId: preview.previewId });
    setPreview(null);
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('import.heading')}
        </Title>
        <FileButton onChange={(f) => void check(f)} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button variant="light" loading={busy && !preview} {...props} data-testid="import-choose">
              {t('import.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed">
        {t('import.hint')}
      </Text>
      {error && <ErrorAlert error={error} />}
      {progress && <ImportProgress progress={progress} />}
      {preview && (
        <div data-testid="import-preview">
          <Group mt="md" gap="xs">
            <Text fw={500}>{preview.fileName}</Text>
            <Badge variant="light">{preview.encoding}</Badge>
            <Badge color="teal" data-testid="import-valid">
              {t('import.valid', { count: preview.validRows })}
            </Badge>
            <Badge color={preview.invalidRows ? 'red' : 'gray'} data-testid="import-invalid">
              {t('import.invalid', { count: preview.invalidRows })}
            </Badge>
            {preview.rowsWithWarnings > 0 && <Badge color="yellow">{t('import.warnings', { count: preview.rowsWithWarnings })}</Badge>}
            <Text size="sm" c="dimmed" data-testid="import-lines">
              {t('import.lines', { count: preview.lines })}
            </Text>
          </Group>
          {preview.report.length > 0 && <ImportReport preview={preview} />}
          {preview.reportTruncated && (
            <Alert color="yellow" mt="xs">
              {t('import.truncated', { shown: preview.report.length })}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => void cancel()}>
              {t('import.cancel')}
            </Button>
            <Button onClick={() => void confirm()} loading={busy} disabled={preview.validRows === 0} data-testid="import-confirm">
              {t('import.confirm', { count: preview.validRows })}
            </Button>
          </Group>
        </div>
      )}
    </Paper>
  );
}

function ImportProgress({ progress }: { progress: Progressing }) {
  const { t, i18n } = useTranslation('plan');
  const number = (n: number) => n.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB');
  const [value, label] =
    progress.stage === 'uploading'
      ? [progress.total > 0 ? (progress.sent / progress.total) * 100 : 0, t('import.uploading', { percent: Math.floor(progress.total > 0 ? (progress.sent / progress.total) * 100 : 0) })]
      : [
          progress.totalRows > 0 ? (progress.rows / progress.totalRows) * 100 : 0,
          progress.totalRows > 0 ? t('import.checkingRows', { rows: number(progress.rows), total: number(progress.totalRows) }) : t('import.checking'),
        ];
  return (
    <div data-testid="import-progress" data-stage={progress.stage}>
      <Text size="sm" mt="sm">
        {label}
      </Text>
      <Progress value={value} animated={progress.stage === 'checking'} mt={4} aria-label={label} />
    </div>
  );
}

function ImportReport({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('plan');
  return (
    <Table mt="sm" withTableBorder aria-label={t('import.report')} data-testid="import-report">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={80}>{t('import.line')}</Table.Th>
          <Table.Th>{t('targets.fullName')}</Table.Th>
          <Table.Th>{t('targets.idNumber')}</Table.Th>
          <Table.Th>{t('import.problems')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.report.map((row) => (
          <Table.Tr key={row.line} data-line={row.line}>
            <Table.Td>{row.line}</Table.Td>
            <Table.Td>{row.fullName ?? '—'}</Table.Td>
            <Table.Td>{row.idNumber ?? '—'}</Table.Td>
            <Table.Td>
              <List size="sm" spacing={2}>
                {row.problems.map((p, i) => (
                  <List.Item key={i} c={p.severity === 'error' ? 'red' : 'yellow.8'} data-problem={p.code}>
                    {t(`import.problem.${p.code}`, { ...(p.params ?? {}), defaultValue: p.code })}
                  </List.Item>
                ))}
              </List>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
