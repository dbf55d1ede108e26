import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// One stored upload: where its bytes are (the storage key) and what they are.
// The model is 'File' so that listings' documents (`ref: 'File'`) populate it.
const storedFileSchema = new Schema(
  {
    // `${organization}/${_id}`: made here, never from user input.
    key: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true, min: 1 },
    sha256: { type: String, required: true },
    organization: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // The uploader's file name, cleaned (no path, control or text-direction characters).
    originalName: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'files' },
);

export type StoredFileDoc = InferSchemaType<typeof storedFileSchema> & { _id: mongoose.Types.ObjectId };

export const StoredFile = mongoose.model('File', storedFileSchema);
