import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from '@remix-run/node';
import { DomainError } from '~/domain';
import { formDataToObject, readForm, rememberFields } from '~/utils/validation.server';

// A form post that may carry one file. The file is read in memory up to the
// upload limit and no further (a larger part stops the parse at once); its
// type is decided later from its bytes, never from its name or declared type.

export interface Upload {
  bytes: Uint8Array;
  fileName: string;
}

const tooLarge = () => new DomainError('invalid', 'errors.badRequestTitle', { file: ['validation.fileTooLarge'] });

/** The post's text fields (as readForm gives them) and the file sent as `fileField`, if one was chosen. */
export async function readUploadForm(
  request: Request,
  { fileField = 'file', maxBytes }: { fileField?: string; maxBytes: number },
): Promise<{ fields: Record<string, unknown>; upload: Upload | null }> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  // A post without a file (no JavaScript, nothing chosen) may come urlencoded.
  if (type !== 'multipart/form-data') return { fields: await readForm(request), upload: null };
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes + 1024 * 1024) throw tooLarge();
  let form: FormData;
  try {
    form = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw tooLarge();
    throw new DomainError('invalid', 'errors.badForm', { _: ['errors.badForm'] });
  }
  const file = form.get(fileField);
  form.delete(fileField);
  const fields = rememberFields(request, formDataToObject(form));
  // A file input left empty still sends a part, with no name and no bytes.
  if (!(file instanceof Blob) || (file.size === 0 && !(file as File).name)) return { fields, upload: null };
  return {
    fields,
    upload: { bytes: new Uint8Array(await file.arrayBuffer()), fileName: (file as File).name || 'document' },
  };
}
