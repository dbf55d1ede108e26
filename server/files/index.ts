// The files module: uploads (type read from the content, size limited) kept
// in local or S3-compatible storage, and the data-room watermark for PDFs.
// Other modules import this file only.
export { detectContentType, STORED_CONTENT_TYPES, type StoredContentType } from './content-type.ts';
export { LocalFileStorage } from './local-storage.ts';
export { StoredFile, type StoredFileDoc } from './model.ts';
export { StoredObjectNotFound, type FileStorage } from './storage.ts';
export {
  deleteStoredFile,
  fileStorage,
  maxUploadBytes,
  readStoredFile,
  storageFromConfig,
  storeUpload,
  useFileStorage,
} from './uploads.ts';
export { watermarkPdf, type Stamp } from './watermark.ts';
