import type { ImportPreview, Result, StationApi } from '../../preload/contract';

/**
 * Sends a target-list file the way the supervisor's desk does: announce it,
 * upload it in the chunk size the core asks for, then have it checked.
 * Returns the first refusal on the way, or the preview.
 */
export async function previewFile(desk: StationApi, planId: string, fileName: string, content: string | Uint8Array): Promise<Result<ImportPreview>> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const started = await desk.targets.startImport({ planId, fileName, sizeBytes: bytes.length });
  if (!started.ok) return started;
  const { uploadId, chunkBytes } = started.value;
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const sent = await desk.targets.uploadChunk({ uploadId, offset, dataBase64: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
    if (!sent.ok) return sent;
  }
  return desk.targets.previewImport({ uploadId });
}
